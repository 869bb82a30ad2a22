"""Route suggestions (I4, I5): a table over the routes with their near misses, then the
citations, the consent and harm-test flags, the LADO deadline and the written rationale."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User

from socialguard.incidents import actions
from socialguard.incidents.models import Decision, Route, Type
from socialguard.incidents.routing import (
    DSL_REVIEW,
    NOW,
    ONE_WORKING_DAY,
    URGENCY_ORDER,
    Facts,
    Suggestion,
    suggest_routes,
)
from socialguard.lib.workdays import add_working_days
from socialguard.orgs.models import Organisation
from socialguard.people.models import Guardian, Pupil, StaffMember
from socialguard.policies.loader import load_pack, source_text
from socialguard.policies.schema import squash

pytestmark = pytest.mark.django_db

POLICE, CONSENT, LADO = Route.POLICE, Route.POLICE_WITH_CONSENT, Route.LADO
PREVENT, CEOP, IWF = Route.PREVENT, Route.CEOP, Route.IWF
POSH, RHC, PLATFORM = Route.POSH, Route.REPORT_HARMFUL, Route.PLATFORM
BEHAVIOUR, COMPLAINTS, DISCIPLINARY = Route.BEHAVIOUR, Route.COMPLAINTS, Route.DISCIPLINARY


@pytest.fixture
def reporter(db):
    return User.objects.create_user("reporter", password="pw")


def school_on(pack: str) -> Organisation:
    return Organisation.objects.create(name=f"School on {pack}", policy_pack=pack)


def person(school: Organisation, kind: str) -> dict:
    """An Involved row alleging a pupil, a member of staff or a parent."""
    if kind == "pupil":
        return {"part": "alleged", "pupil": Pupil.objects.create(
            school=school, mis_id="P1", first_name="Tom", last_name="Jones", year="9")}
    if kind == "staff":
        return {"part": "alleged", "staff": StaffMember.objects.create(
            school=school, first_name="Sam", last_name="Lee")}
    return {"part": "alleged", "guardian": Guardian.objects.create(
        school=school, first_name="Pat", last_name="Green")}


def incident_for(reporter, pack="core-trust", kind=Type.SAFEGUARDING, alleged=(),
                 platform="", url="", criminal_type=""):
    school = school_on(pack)
    incident = actions.do_report(
        school, reporter, type=kind, what_happened="Something happened online.",
        platform=platform, where_url=url, involved=[person(school, who) for who in alleged],
        image_location="Year 9 pupil's phone, in the head's safe" if
        kind == Type.INDECENT_IMAGES else "")
    if criminal_type:
        incident = actions.do_triage(incident, reporter, criminal_type=criminal_type,
                                     severity="high")
    return incident


def routes(found: list[Suggestion]) -> list[str]:
    return [item.route for item in found]


def by_route(found: list[Suggestion], route: str) -> Suggestion:
    return next(item for item in found if item.route == route)


CASES = [
    # (pack, type, facts, alleged, extra, expected, absent)
    ("wolverhampton-code", Type.CYBERBULLYING_STAFF, {"illegal_content": True}, (), {},
     [POLICE], [CONSENT]),
    ("generic-org", Type.CYBERBULLYING_STAFF,
     {"credible_threat": True, "threatening_material": True,
      "victim_consents_to_police": False}, (), {}, [POLICE], [CONSENT]),
    ("generic-org", Type.CYBERBULLYING_STAFF,
     {"threatening_material": True, "victim_consents_to_police": False}, (), {},
     [CONSENT], [POLICE]),
    ("core-trust", Type.INDECENT_IMAGES, {"abuse_image_url": True}, (), {},
     [POLICE, IWF, DSL_REVIEW], [PLATFORM, RHC, CONSENT]),
    ("core-trust", Type.SAFEGUARDING, {"adult_involved_with_child_images": True}, (), {},
     [POLICE], [IWF]),
    ("morley-victoria", Type.STAFF_MISUSE,
     {"allegation_against_staff_meets_harm_test": True}, ("staff",), {},
     [LADO, DISCIPLINARY], [POLICE]),
    ("core-trust", Type.STAFF_MISUSE, {"allegation_against_staff_meets_harm_test": False},
     ("staff",), {}, [DISCIPLINARY], [LADO]),
    ("rmet", Type.RADICALISATION, {"radicalisation": True}, (), {}, [PREVENT, DSL_REVIEW],
     [POLICE]),
    ("rmet", Type.RADICALISATION, {}, (), {}, [PREVENT], []),  # hint from the type
    ("rmet", Type.SAFEGUARDING, {"radicalisation": False}, (), {}, [DSL_REVIEW], [PREVENT]),
    ("rmet", Type.SAFEGUARDING, {"online_sexual_abuse_or_grooming": True}, (), {},
     [CEOP, DSL_REVIEW], [PREVENT]),
    ("core-trust", Type.SAFEGUARDING, {"abuse_image_url": True}, (), {}, [IWF], []),
    ("kings-school", Type.INAPPROPRIATE_CONTENT, {"platform_failed_to_act": True}, (),
     {"platform": "Instagram"}, [POSH, RHC], [PLATFORM]),
    ("kings-school", Type.INAPPROPRIATE_CONTENT, {"platform_failed_to_act": False}, (),
     {"platform": "Instagram"}, [PLATFORM], [POSH, RHC]),
    ("kings-school", Type.CYBERBULLYING_PUPIL, {}, ("pupil",), {}, [BEHAVIOUR, DSL_REVIEW],
     [COMPLAINTS, POLICE]),
    ("kings-school", Type.CYBERBULLYING_PUPIL, {"pupil_perpetrator": False}, ("pupil",), {},
     [DSL_REVIEW], [BEHAVIOUR]),
    # A parent's rude comment: the complaints procedure, not the police.
    ("kings-school", Type.INAPPROPRIATE_CONTENT, {}, ("parent",), {}, [COMPLAINTS],
     [POLICE, CONSENT, DSL_REVIEW]),
    ("kings-school", Type.INAPPROPRIATE_CONTENT, {"parent_perpetrator": False}, ("parent",),
     {}, [DSL_REVIEW], [COMPLAINTS]),
    ("core-trust", Type.MEDIA_CONTACT, {}, (), {}, [Route.HEAD], [POLICE]),
    # The person bullied decides about the police under Morley, not under core-trust.
    ("morley-victoria", Type.CYBERBULLYING_STAFF, {}, (), {}, [CONSENT], [POLICE]),
    ("core-trust", Type.CYBERBULLYING_STAFF, {}, (), {}, [DSL_REVIEW], [CONSENT, POLICE]),
    ("rmet", Type.INAPPROPRIATE_CONTENT, {}, (), {"criminal_type": "Hacking sites"},
     [POLICE], []),
]


@pytest.mark.parametrize(("pack", "kind", "answers", "alleged", "extra", "expected", "absent"),
                         CASES)
def test_the_rules_table(reporter, pack, kind, answers, alleged, extra, expected, absent):
    found = suggest_routes(incident_for(reporter, pack, kind, alleged, **extra),
                           Facts(**answers))
    assert set(expected) <= set(routes(found)), routes(found)
    assert not set(absent) & set(routes(found)), routes(found)
    assert len(routes(found)) == len(set(routes(found)))  # one suggestion per route
    ranks = [URGENCY_ORDER.index(item.urgency) for item in found]
    assert ranks == sorted(ranks)
    assert all(item.why.endswith(".") and item.citation.source for item in found)


def test_every_pack_quote_is_verbatim_in_its_source(reporter):
    """Citations from the pack are its own words; statutory ones carry no quote at all."""
    seen = 0
    for pack, kind, answers, alleged, extra, _, _ in CASES:
        for item in suggest_routes(incident_for(reporter, pack, kind, alleged, **extra),
                                   Facts(**answers)):
            citation = item.citation
            if citation.from_pack:
                loaded = load_pack(pack).pack
                text = source_text(loaded.source.file, loaded.source.lines)
                assert squash(citation.quote) in text and squash(citation.section) in text
                assert citation.source == loaded.source.file
                seen += 1
            else:
                assert citation.quote == "" and not citation.key
    assert seen >= 10


def test_never_empty_all_no_is_a_dsl_review_to_record_not_referring(reporter):
    no = Facts(**dict.fromkeys(Facts.__dataclass_fields__, False))
    found = suggest_routes(incident_for(reporter, kind=Type.INAPPROPRIATE_CONTENT), no)
    assert routes(found) == [DSL_REVIEW]
    assert "decision not to refer" in found[0].why
    assert found[0].label == "DSL review"


def test_threat_with_consent_refused_under_000_is_flagged_not_dropped(reporter):
    found = suggest_routes(incident_for(reporter, "generic-org", Type.CYBERBULLYING_STAFF),
                           Facts(threatening_material=True, victim_consents_to_police=False))
    item = by_route(found, CONSENT)
    assert not item.ready and "refused consent" in item.needs
    assert item.citation.from_pack and item.citation.key == "police_report_needs_staff_consent"
    assert "with the member of staff's consent" in item.citation.quote


@pytest.mark.parametrize(("consent", "ready", "needs"),
                         [(None, False, "ask them"), (True, True, ""), (False, False, "refused")])
def test_consent_states(reporter, consent, ready, needs):
    found = suggest_routes(incident_for(reporter, "generic-org"),
                           Facts(threatening_material=True, victim_consents_to_police=consent))
    item = by_route(found, CONSENT)
    assert item.ready is ready and needs in item.needs


def test_threat_without_a_pack_clause_names_the_statutory_source(reporter):
    found = suggest_routes(incident_for(reporter, "core-trust"),
                           Facts(threatening_material=True))
    citation = by_route(found, CONSENT).citation
    assert not citation.from_pack and citation.quote == ""
    assert "Keeping children safe in education" in citation.source


def test_staff_allegation_under_morley_goes_to_the_lado_within_one_working_day(reporter):
    incident = incident_for(reporter, "morley-victoria", Type.STAFF_MISUSE, ("staff",))
    found = suggest_routes(incident, Facts(allegation_against_staff_meets_harm_test=True))
    item = by_route(found, LADO)
    assert item.urgency == ONE_WORKING_DAY and item.ready
    assert item.due == add_working_days(incident.reported_at, 1)
    assert item.citation.quote.startswith("Where other unsuitable material is found")
    assert "Leeds City Council LADO will be informed" in item.citation.quote
    assert item.citation.section == "Access to Inappropriate Images and Internet Usage"
    assert by_route(found, DISCIPLINARY).citation.key == "breach_procedure"


def test_staff_alleged_with_the_harm_test_open_asks_for_that_decision(reporter):
    incident = incident_for(reporter, "core-trust", Type.CYBERBULLYING_PUPIL, ("staff",))
    item = by_route(suggest_routes(incident, Facts()), LADO)
    assert not item.ready and "harm test" in item.needs
    assert not item.citation.from_pack and "Part four" in item.citation.section


def test_rmet_radicalisation_cites_rmet_prevent_duty(reporter):
    found = suggest_routes(incident_for(reporter, "rmet", Type.RADICALISATION),
                           Facts(radicalisation=True))
    citation = by_route(found, PREVENT).citation
    assert citation.key == "prevent_duty"
    assert "statutory duty to report signs of potential radicalisation" in citation.quote
    assert citation.source == "003_2005bb5b3162ce6c.txt"


def test_radicalisation_without_a_pack_clause_names_the_prevent_duty(reporter):
    found = suggest_routes(incident_for(reporter, "kings-school", Type.RADICALISATION),
                           Facts())
    citation = by_route(found, PREVENT).citation
    assert not citation.from_pack and "Counter-Terrorism and Security Act 2015" in citation.source


def test_rmet_grooming_quotes_only_the_ceop_bullet(reporter):
    found = suggest_routes(incident_for(reporter, "rmet"),
                           Facts(online_sexual_abuse_or_grooming=True))
    item = by_route(found, CEOP)
    assert item.urgency == NOW and "Click CEOP" in item.citation.quote
    assert "abuse@facebook.com" not in item.citation.quote


def test_rmet_facebook_post_cites_the_facebook_route(reporter):
    found = suggest_routes(incident_for(reporter, "rmet", Type.INAPPROPRIATE_CONTENT,
                                        platform="Facebook"), Facts())
    citation = by_route(found, PLATFORM).citation
    assert citation.key == "facebook_reporting_route" and "terms" in citation.quote


def test_image_abuse_is_police_now_iwf_url_only_and_never_says_view(reporter):
    incident = incident_for(reporter, "morley-victoria", Type.INDECENT_IMAGES,
                            url="https://bad.example/x")
    found = suggest_routes(incident, Facts(abuse_image_url=True))
    assert routes(found)[:2] == [POLICE, IWF]
    assert by_route(found, POLICE).citation.key == "indecent_images_report_to"
    assert "URL only" in by_route(found, IWF).why
    for item in found:
        assert not re.search(r"\b(view|look at|screenshot|download)\b", item.why, re.I), item


def test_rmet_image_abuse_quotes_the_child_sexual_abuse_images_bullet(reporter):
    found = suggest_routes(incident_for(reporter, "rmet", Type.INDECENT_IMAGES), Facts())
    citation = by_route(found, POLICE).citation
    assert citation.key == "safeguarding_protocol_triggers"
    assert "Child sexual abuse images" in citation.quote


def test_a_school_without_a_pack_still_gets_routes(reporter):
    school = Organisation.objects.create(name="No pack school")
    incident = actions.do_report(school, reporter, type=Type.SAFEGUARDING,
                                 what_happened="A worrying message.")
    found = suggest_routes(incident, Facts(credible_threat=True))
    assert routes(found) == [POLICE, DSL_REVIEW]
    assert not any(item.citation.from_pack for item in found)


def test_a_suggestion_becomes_a_decision_with_its_rationale(reporter):
    incident = incident_for(reporter, "generic-org", Type.CYBERBULLYING_STAFF)
    item = by_route(suggest_routes(incident, Facts(threatening_material=True,
                                                   victim_consents_to_police=False)), CONSENT)
    decision = actions.do_decide_route(
        incident, reporter, route=item.route, refer=False, consent_recorded=False,
        rationale="The member of staff declined a police report; no credible threat to life.")
    assert Decision.objects.get(pk=decision.pk).refer is False
    lado = by_route(suggest_routes(incident, Facts(
        allegation_against_staff_meets_harm_test=True)), LADO)
    assert actions.do_decide_route(incident, reporter, route=lado.route, refer=True,
                                   rationale="Meets the harm test: referred to the LADO.",
                                   due_at=lado.due).due_at == lado.due
