"""The registry file: every bad file is refused with the place and reason."""

import json

import pytest

from socialguard.screening.roster import RegistryError, load_registry

ORG = {"name": "Oakfield Primary School"}
BAD = [
    (b"\xff\xfe not utf-8", "not UTF-8 text"),
    (b"{not json", "not JSON"),
    (b"[]", "top level"),
    (json.dumps({"pupils": []}).encode(), "organisation: Field required"),
    (json.dumps({"organisation": ORG, "pupils": [{"id": "1", "first_name": "A"}]}).encode(),
     "pupils.0.last_name: Field required"),
    (json.dumps({"organisation": ORG, "pupils": [
        {"id": "1", "first_name": "A", "last_name": "B"},
        {"id": "1", "first_name": "C", "last_name": "D"}]}).encode(), "duplicate pupil id '1'"),
    (json.dumps({"organisation": ORG, "pupils": [
        {"id": "1", "first_name": "A", "last_name": "B", "consent": {"social_media": "maybe"}}]}
     ).encode(), "pupils.0.consent.social_media"),
    (json.dumps({"organisation": ORG, "teachers": []}).encode(), "teachers: Extra inputs"),
    (json.dumps({"organisation": {"name": ""}}).encode(), "organisation.name"),
]


@pytest.mark.parametrize(("content", "message"), BAD)
def test_bad_registries_are_refused_clearly(tmp_path, content, message):
    path = tmp_path / "registry.json"
    path.write_bytes(content)
    with pytest.raises(RegistryError, match=message.replace(".", r"\.")) as raised:
        load_registry(path)
    assert str(path) in str(raised.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "nope.json")


def test_the_demo_registry_loads():
    from socialguard.screening.testing import DEMO_REGISTRY

    registry = load_registry(DEMO_REGISTRY)
    assert registry.organisation.name == "Oakfield Primary School"
    assert any(p.do_not_publish for p in registry.pupils)
