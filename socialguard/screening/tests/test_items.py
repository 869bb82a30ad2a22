"""Items from JSON: every bad input gets a clear error naming the field."""

import json

import pytest

from socialguard.screening.items import MAX_MEDIA_BYTES, ItemError, item_from_dict, item_from_json

BAD = [
    ("[]", "must be a JSON object"),
    ("{", "not JSON"),
    ('{"kind": "tweet", "text": "x"}', "kind must be one of"),
    ('{"text": "x"}', "kind must be one of"),
    ('{"kind": "reply", "text": 5}', "text must be a string"),
    ('{"kind": "reply", "text": "x", "tagged": "P1"}', "tagged must be a list of strings"),
    ('{"kind": "reply", "text": "x", "tagged": [1]}', "tagged must be a list of strings"),
    ('{"kind": "reply", "text": "x", "colour": "red"}', "unknown field(s) colour"),
    ('{"kind": "reply", "text": "x", "author": ["a"]}', "author must be a string"),
    ('{"kind": "reply", "text": "x", "media": ["nope.jpg"]}', "cannot be read"),
    (json.dumps({"kind": "reply", "text": "x" * 100_001}), "the limit is 100,000"),
]


@pytest.mark.parametrize(("line", "message"), BAD)
def test_bad_items_are_refused_clearly(line, message, tmp_path):
    with pytest.raises(ItemError, match=message.replace("(", r"\(").replace(")", r"\)")):
        item_from_json(line, tmp_path)


def test_media_is_read_relative_to_the_base_dir(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"abc")
    item = item_from_dict({"kind": "official_post", "text": "", "media": ["a.jpg"]}, tmp_path)
    assert item.media[0].data == b"abc"


def test_huge_media_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.jpg"
    with big.open("wb") as handle:
        handle.truncate(MAX_MEDIA_BYTES + 1)
    with pytest.raises(ItemError, match="the limit is 25 MB"):
        item_from_dict({"kind": "official_post", "media": ["big.jpg"]}, tmp_path)


def test_a_directory_is_not_media(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(ItemError, match="not a file"):
        item_from_dict({"kind": "official_post", "media": ["d"]}, tmp_path)


def test_numeric_ids_become_strings(tmp_path):
    assert item_from_dict({"kind": "reply", "id": 7}, tmp_path).id == "7"
