"""A pack that is wrong stops the program with a message naming the pack and the rule."""

import copy

import pytest
import yaml

from socialguard.policies.loader import PackError, available_packs, load_pack, load_pack_file

GOOD = {
    "id": "mini",
    "title": "Mini pack",
    "source": {"file": "000_d1adbcfda4f09c58.txt", "organisation": "An organisation"},
    "organisation": {"name": "An organisation", "kind": "organisation"},
    "settings": {
        "review_every_months": {
            "value": 12,
            "quote": "implementing and reviewing this policy.",
            "section": "Roles, responsibilities and procedure",
            "features": ["P3"],
        }
    },
    "rules": [
        {
            "id": "mini.no-pupil-names",
            "title": "No pupil names",
            "quote": "If in doubt, don't post it!",
            "section": "Roles, responsibilities and procedure",
            "scopes": ["official_post"],
            "check": "pupil_named",
            "params": {"names": "full"},
            "outcome": "block",
            "features": ["C3"],
        }
    ],
}


def write(tmp_path, pack):
    path = tmp_path / "mini" / "policy.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    return path


def broken(**changes):
    pack = copy.deepcopy(GOOD)
    rule = pack["rules"][0]
    for key, value in changes.items():
        if key.startswith("rule_"):
            rule[key[5:]] = value
        else:
            pack[key] = value
    return pack


def test_a_good_pack_loads(tmp_path):
    loaded = load_pack_file(write(tmp_path, GOOD))
    [rule] = loaded.policy.rules
    assert rule.citation.quote == "If in doubt, don't post it!"
    assert loaded.policy.settings == {"review_every_months": 12}


BROKEN = [
    (broken(rule_quote="Post whatever you like."), "rule mini.no-pupil-names: quote is not in"),
    (broken(rule_quote="If  in doubt,\n don't   post it!"), None),  # whitespace may differ
    (broken(rule_section="Chapter 99"), "section 'Chapter 99' is not in the source"),
    (broken(rule_check="mind_reading"), "rule mini.no-pupil-names: unknown check 'mind_reading'"),
    (broken(rule_params={"names": "some"}), "rule mini.no-pupil-names: bad params"),
    (broken(rule_params={"colour": "red"}), "rule mini.no-pupil-names: bad params"),
    (broken(rule_outcome="explode"), "rule mini.no-pupil-names: outcome"),
    (broken(rule_scopes=["tweet"]), "rule mini.no-pupil-names: scopes"),
    (broken(rule_features=["Z9"]), "unknown FEATURES ids"),
    (broken(rule_id="other.no-pupil-names"), "rule ids must start with 'mini.'"),
    (broken(source={"file": "../../etc/passwd", "organisation": "x"}), "is not shipped"),
    (broken(rules=[GOOD["rules"][0], GOOD["rules"][0]]), "duplicate rule id"),
    (
        broken(
            settings={
                "review_every_months": {
                    "value": "yearly",
                    "quote": "implementing",
                    "section": "Definition of social media",
                }
            }
        ),
        "setting review_every_months must be int",
    ),
    (
        broken(
            settings={
                "x": {
                    "value": 1,
                    "quote": "not in the text at all",
                    "section": "Definition of social media",
                }
            }
        ),
        "setting x: quote",
    ),
]


@pytest.mark.parametrize(("pack", "message"), BROKEN)
def test_a_broken_pack_names_the_problem(tmp_path, pack, message):
    path = write(tmp_path, pack)
    if message is None:
        load_pack_file(path)
        return
    with pytest.raises(PackError) as raised:
        load_pack_file(path)
    assert message in str(raised.value)


def test_yaml_that_does_not_parse_is_reported(tmp_path):
    path = tmp_path / "mini" / "policy.yaml"
    path.parent.mkdir()
    path.write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(PackError, match="not valid YAML"):
        load_pack_file(path)


def test_an_unknown_pack_lists_the_available_ones():
    with pytest.raises(PackError, match="available: "):
        load_pack("no-such-pack")


def test_all_seven_packs_ship():
    assert set(available_packs()) == {
        "generic-org",
        "core-trust",
        "wolverhampton-code",
        "kings-school",
        "school-template",
        "rmet",
        "morley-victoria",
    }


@pytest.mark.parametrize("pack_id", available_packs())
def test_every_shipped_pack_validates(pack_id):
    loaded = load_pack(pack_id)
    assert loaded.pack.id == pack_id
    assert len(loaded.policy.rules) >= 8
