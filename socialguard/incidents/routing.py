"""Route suggestions for an incident (I4, I5): from the DSL's answers, the incident's type and
who is alleged to be responsible, citing the school's own pack where it has a clause.

The product suggests; the DSL decides, and records every decision, a decision not to refer
included, with a written rationale (actions.do_decide_route). A citation quotes the pack
verbatim; when the pack has no matching clause the statutory source is named, never quoted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from socialguard.incidents.classification import school_pack
from socialguard.incidents.models import Incident, Involved, Route, Type
from socialguard.lib.workdays import add_working_days
from socialguard.policies.schema import Fact, Pack, squash

DSL_REVIEW = Route.DSL_REVIEW.value
"""Not a referral (and not a Route value): the DSL reviews the concern and records a decision
on a route, refer or not, with its rationale."""

NOW = "now"
TODAY = "today"
ONE_WORKING_DAY = "within one working day"
ROUTINE = "in the normal course"
URGENCY_ORDER = (NOW, TODAY, ONE_WORKING_DAY, ROUTINE)


@dataclass(frozen=True)
class Facts:
    """The DSL's answers: True, False, or None (not known yet)."""

    illegal_content: bool | None = None
    credible_threat: bool | None = None
    threatening_material: bool | None = None
    adult_involved_with_child_images: bool | None = None
    allegation_against_staff_meets_harm_test: bool | None = None
    radicalisation: bool | None = None
    online_sexual_abuse_or_grooming: bool | None = None
    abuse_image_url: bool | None = None
    platform_failed_to_act: bool | None = None
    pupil_perpetrator: bool | None = None
    parent_perpetrator: bool | None = None
    victim_consents_to_police: bool | None = None


@dataclass(frozen=True)
class RouteCitation:
    """The pack's own words (from_pack) or the statutory source named, with no quote."""

    quote: str
    section: str
    source: str
    key: str = ""
    from_pack: bool = False


@dataclass(frozen=True)
class Suggestion:
    route: str
    why: str
    urgency: str
    citation: RouteCitation
    due: dt.datetime | None = None
    needs: str = ""
    """What must happen before referring (the victim's consent, a harm-test decision)."""

    @property
    def ready(self) -> bool:
        return not self.needs

    @property
    def label(self) -> str:
        return Route(self.route).label


# ---------------------------------------------------------------- citations

KCSIE = "Keeping children safe in education 2024 (statutory guidance)"
KCSIE_PART_TWO = "Part two: The management of safeguarding (online safety)"
STATUTORY: dict[str, tuple[str, str]] = {
    Route.POLICE: (KCSIE, KCSIE_PART_TWO),
    Route.POLICE_WITH_CONSENT: (KCSIE, KCSIE_PART_TWO),
    Route.LADO: (KCSIE, "Part four: Safeguarding concerns or allegations made about staff"),
    Route.PREVENT: ("Counter-Terrorism and Security Act 2015; Prevent duty guidance",
                    "section 26 (the Prevent duty)"),
    Route.CEOP: ("National Crime Agency: CEOP Safety Centre", ""),
    Route.IWF: ("Internet Watch Foundation; UKCIS 'Sharing nudes and semi-nudes: advice for "
                "education settings working with children and young people'", ""),
    Route.POSH: ("UK Safer Internet Centre: Professionals Online Safety Helpline", ""),
    Route.REPORT_HARMFUL: ("UK Safer Internet Centre: Report Harmful Content", ""),
    Route.PLATFORM: ("the platform's terms of service or community standards", ""),
    Route.BEHAVIOUR: ("the school's behaviour policy", ""),
    Route.COMPLAINTS: ("the school's complaints procedure", ""),
    Route.DISCIPLINARY: ("the school's disciplinary procedure", ""),
    Route.HEAD: ("the school's media policy", ""),
    DSL_REVIEW: (KCSIE, "Annex C: Role of the designated safeguarding lead"),
}

# Pack clauses by key (settings, roles, or a rule id after "<pack>."), best first, each with
# an optional word that narrows a long quote to the one verbatim bullet containing it.
Candidate = tuple[str, str]
POLICE_KEYS: tuple[Candidate, ...] = (
    ("illegal_content_contact", ""), ("illegal_conduct_route", ""),
    ("unlawful_conduct_reported_to_police", ""), ("libellous_comments_route", ""),
    ("misuse_investigation", ""))
PACK_KEYS: dict[str, tuple[Candidate, ...]] = {
    Route.POLICE: POLICE_KEYS,
    Route.POLICE_WITH_CONSENT: (("police_report_needs_staff_consent", ""),
                                ("bullying_police_report_decided_by", "")),
    Route.LADO: (("unsuitable_material_report_to", ""),),
    Route.PREVENT: (("prevent_duty", ""), ("safeguarding_protocol_triggers", "radicalisation")),
    Route.CEOP: (("facebook_reporting_route", "CEOP"),),
    Route.IWF: (),
    Route.POSH: (),
    Route.REPORT_HARMFUL: (),
    Route.PLATFORM: (("takedown_lead", ""), ("offensive_comment_actions", "")),
    Route.BEHAVIOUR: (("pupil_comment_process", ""), ("pupil_misuse_procedure", "")),
    Route.COMPLAINTS: (("parent_comment_process", ""), ("libellous_comments_route", "")),
    Route.DISCIPLINARY: (("breach_procedure", ""), ("breach_consequence", "")),
    Route.HEAD: (("media_contact", ""),),
    DSL_REVIEW: (("safeguarding_lead", ""), ("safeguarding_report_timing", ""),
                 ("incident_lead", ""), ("conduct_reported_to", ""),
                 ("safeguarding_protocol_triggers", "")),
}
IMAGE_POLICE_KEYS: tuple[Candidate, ...] = (
    ("indecent_images_report_to", ""),
    ("safeguarding_protocol_triggers", "Child sexual abuse images"), *POLICE_KEYS)
FACEBOOK_KEYS: tuple[Candidate, ...] = (("facebook_reporting_route", "cite"),)


def _lookup(pack: Pack, key: str) -> tuple[str, str] | None:
    """(quote, section) of a setting, role or rule of the pack with this key."""
    fact: Fact | None = pack.settings.get(key) or pack.roles.get(key)
    if fact is not None:
        return fact.quote, fact.section
    for rule in pack.rules:
        if rule.id == f"{pack.id}.{key}":
            return rule.quote, rule.section
    return None


def _narrow(quote: str, word: str) -> str:
    """The bullet of a long quote that holds `word` (still verbatim), else the whole quote."""
    quote = squash(quote)
    if word:
        for part in quote.split(" - "):
            if word.lower() in part.lower():
                return part.strip()
    return quote


def pack_citation(pack: Pack | None, candidates: Iterable[Candidate]) -> RouteCitation | None:
    if pack is None:
        return None
    for key, word in candidates:
        found = _lookup(pack, key)
        if found is not None:
            quote, section = found
            return RouteCitation(_narrow(quote, word), section, pack.source.file, key, True)
    return None


def cite(pack: Pack | None, route: str,
         candidates: Sequence[Candidate] | None = None) -> RouteCitation:
    """The pack's clause for the route if it has one, else the statutory source, no quote."""
    found = pack_citation(pack, PACK_KEYS[route] if candidates is None else candidates)
    if found is not None:
        return found
    source, section = STATUTORY[route]
    return RouteCitation("", section, source)


# ---------------------------------------------------------------- facts and hints

@dataclass(frozen=True)
class Situation:
    """Everything the rules read: the answers with the incident's hints filled in."""

    incident: Incident
    facts: Facts
    pack: Pack | None
    staff_alleged: bool
    image_abuse: bool


def _alleged(incident: Incident) -> list[Involved]:
    return list(incident.involved.filter(part=Involved.Part.ALLEGED))


def _fill(answer: bool | None, hint: bool) -> bool | None:
    """The DSL's answer wins; a hint only fills a gap."""
    return answer if answer is not None else (True if hint else None)


def situation(incident: Incident, facts: Facts) -> Situation:
    alleged = _alleged(incident)
    kind = incident.type
    facts = replace(
        facts,
        pupil_perpetrator=_fill(facts.pupil_perpetrator,
                                any(person.pupil_id for person in alleged)),
        parent_perpetrator=_fill(facts.parent_perpetrator,
                                 any(person.guardian_id for person in alleged)),
        radicalisation=_fill(facts.radicalisation, kind == Type.RADICALISATION))
    staff = kind == Type.STAFF_MISUSE or any(person.staff_id for person in alleged)
    image_abuse = kind == Type.INDECENT_IMAGES or facts.adult_involved_with_child_images is True
    return Situation(incident, facts, school_pack(incident.school), staff, image_abuse)


# ---------------------------------------------------------------- the rules

def _image_abuse(s: Situation) -> list[Suggestion]:
    if not s.image_abuse:
        return []
    found = [Suggestion(
        Route.POLICE, "Indecent images of a child: call the police now; do not open, copy, "
        "send, delete or investigate the material, record only where it is.", NOW,
        cite(s.pack, Route.POLICE, IMAGE_POLICE_KEYS))]
    if s.facts.abuse_image_url:
        found.append(_iwf(s))
    return found


def _iwf(s: Situation) -> Suggestion:
    return Suggestion(
        Route.IWF, "The images are at a web address: report the address (the URL only) to the "
        "Internet Watch Foundation so they can be removed; do not open it.", NOW,
        cite(s.pack, Route.IWF))


def _url_without_image_abuse(s: Situation) -> list[Suggestion]:
    return [_iwf(s)] if s.facts.abuse_image_url and not s.image_abuse else []


def _police(s: Situation) -> list[Suggestion]:
    f, found = s.facts, []
    if f.credible_threat:
        found.append(Suggestion(
            Route.POLICE, "A credible threat to someone's safety: call the police now (999 if "
            "anyone is in immediate danger); this does not wait for consent.", NOW,
            cite(s.pack, Route.POLICE)))
    if f.illegal_content:
        found.append(Suggestion(
            Route.POLICE, "The content is illegal: report it to the police.", NOW,
            cite(s.pack, Route.POLICE)))
    if f.illegal_content is None and s.incident.criminal_type:
        found.append(Suggestion(
            Route.POLICE, f"Triage recorded a criminal incident type "
            f"({s.incident.criminal_type}): decide whether the content is illegal.", TODAY,
            cite(s.pack, Route.POLICE), needs="A decision on whether the content is illegal."))
    return found


def _consent_needs(consent: bool | None) -> str:
    if consent is True:
        return ""
    if consent is False:
        return ("The victim has refused consent: do not refer; record that decision with its "
                "rationale, and revisit it if the threat becomes credible or a child is at "
                "risk.")
    return "The victim's consent: ask them and record their answer before referring."


def _police_with_consent(s: Situation) -> list[Suggestion]:
    f = s.facts
    if f.threatening_material and not f.credible_threat:
        why = ("The material is threatening or intimidating: report it to the police if the "
               "victim consents.")
        return [Suggestion(Route.POLICE_WITH_CONSENT, why, TODAY,
                           cite(s.pack, Route.POLICE_WITH_CONSENT),
                           needs=_consent_needs(f.victim_consents_to_police))]
    bullying = s.incident.type in (Type.CYBERBULLYING_PUPIL, Type.CYBERBULLYING_STAFF)
    decided_by_victim = pack_citation(s.pack, (("bullying_police_report_decided_by", ""),))
    if bullying and decided_by_victim is not None and not f.credible_threat:
        why = ("Under this school's policy the person being bullied decides whether to report "
               "it to the police.")
        return [Suggestion(Route.POLICE_WITH_CONSENT, why, ROUTINE, decided_by_victim,
                           needs=_consent_needs(f.victim_consents_to_police))]
    return []


def _lado(s: Situation) -> list[Suggestion]:
    met = s.facts.allegation_against_staff_meets_harm_test
    if met is False or (met is None and not s.staff_alleged):
        return []
    due = add_working_days(s.incident.reported_at, 1)
    needs = "" if met else ("A decision on the harm test: has the member of staff harmed a "
                            "child, possibly committed an offence against or related to a "
                            "child, or shown they may pose a risk or be unsuitable?")
    return [Suggestion(
        Route.LADO, "An allegation against a member of staff that meets the harm test goes "
        "to the LADO within one working day; do not investigate first.", ONE_WORKING_DAY,
        cite(s.pack, Route.LADO), due=due, needs=needs)]


def _prevent(s: Situation) -> list[Suggestion]:
    if not s.facts.radicalisation:
        return []
    return [Suggestion(
        Route.PREVENT, "Signs of radicalisation: the DSL (Prevent lead) makes a Prevent "
        "referral today; call the police if anyone is in immediate danger.", TODAY,
        cite(s.pack, Route.PREVENT))]


def _ceop(s: Situation) -> list[Suggestion]:
    if not s.facts.online_sexual_abuse_or_grooming:
        return []
    return [Suggestion(
        Route.CEOP, "Online sexual abuse or grooming: report to CEOP now (999 if a child is "
        "in immediate danger); keep the messages, do not confront the sender.", NOW,
        cite(s.pack, Route.CEOP))]


def _online(s: Situation) -> bool:
    return bool(s.incident.where_url or s.incident.platform)


def _platform(s: Situation) -> list[Suggestion]:
    if s.image_abuse or not _online(s) or s.facts.platform_failed_to_act:
        return []
    keys = (FACEBOOK_KEYS if "facebook" in s.incident.platform.lower() else ()) + \
        PACK_KEYS[Route.PLATFORM]
    return [Suggestion(
        Route.PLATFORM, "Report the post to the platform, citing the terms it breaks, and "
        "ask for it to be removed; keep the evidence first.", TODAY,
        cite(s.pack, Route.PLATFORM, keys))]


def _after_platform(s: Situation) -> list[Suggestion]:
    if not s.facts.platform_failed_to_act:
        return []
    found = [Suggestion(
        Route.POSH, "The platform has not acted: the Professionals Online Safety Helpline can "
        "escalate it with the platform.", TODAY, cite(s.pack, Route.POSH))]
    if not s.image_abuse:
        found.append(Suggestion(
            Route.REPORT_HARMFUL, "The platform has not acted on a report: Report Harmful "
            "Content can review the platform's response.", ROUTINE,
            cite(s.pack, Route.REPORT_HARMFUL)))
    return found


def _people(s: Situation) -> list[Suggestion]:
    found = []
    if s.facts.pupil_perpetrator:
        found.append(Suggestion(
            Route.BEHAVIOUR, "A pupil is responsible: deal with it under the behaviour "
            "policy.", ROUTINE, cite(s.pack, Route.BEHAVIOUR)))
    if s.facts.parent_perpetrator:
        found.append(Suggestion(
            Route.COMPLAINTS, "A parent or carer is responsible: ask them to remove it, invite "
            "them to discuss it in person, and point them to the complaints procedure.",
            ROUTINE, cite(s.pack, Route.COMPLAINTS)))
    if s.staff_alleged:
        found.append(Suggestion(
            Route.DISCIPLINARY, "A member of staff is alleged to be responsible: a breach is "
            "investigated under the disciplinary procedure (after the LADO's advice, if "
            "referred).", ROUTINE, cite(s.pack, Route.DISCIPLINARY)))
    return found


def _media(s: Situation) -> list[Suggestion]:
    if s.incident.type != Type.MEDIA_CONTACT:
        return []
    return [Suggestion(Route.HEAD, "A journalist's contact goes to the head teacher under the "
                       "media policy; no reply without approval.", TODAY,
                       cite(s.pack, Route.HEAD))]


SAFEGUARDING_ROUTES = frozenset({Route.POLICE, Route.POLICE_WITH_CONSENT, Route.LADO,
                                 Route.PREVENT, Route.CEOP, Route.IWF})
SAFEGUARDING_TYPES = frozenset({Type.SAFEGUARDING, Type.INDECENT_IMAGES, Type.RADICALISATION,
                                Type.CYBERBULLYING_PUPIL})


def _dsl_review(s: Situation, found: list[Suggestion]) -> list[Suggestion]:
    """The DSL reviews every safeguarding concern, and any concern no other route fits."""
    safeguarding = (s.incident.type in SAFEGUARDING_TYPES
                    or any(item.route in SAFEGUARDING_ROUTES for item in found))
    if found and not safeguarding:
        return []
    why = ("The DSL reviews the concern now and records each decision, a decision not to "
           "refer included, with its rationale." if found else
           "No referral route fits these answers: the DSL reviews the concern and records a "
           "decision not to refer, with its rationale.")
    return [Suggestion(DSL_REVIEW, why, NOW if safeguarding else TODAY,
                       cite(s.pack, DSL_REVIEW))]


RULES = (_image_abuse, _url_without_image_abuse, _police, _ceop, _police_with_consent,
         _prevent, _lado, _media, _platform, _after_platform, _people)


def _dedupe(found: list[Suggestion]) -> list[Suggestion]:
    """One suggestion per route (the first, most urgent one); no police-with-consent when
    the police are called anyway."""
    ordered = sorted(found, key=lambda item: URGENCY_ORDER.index(item.urgency))
    kept: dict[str, Suggestion] = {}
    for item in ordered:
        kept.setdefault(item.route, item)
    police_now = Route.POLICE in kept and kept[Route.POLICE].ready
    if police_now:
        kept.pop(Route.POLICE_WITH_CONSENT, None)
    return list(kept.values())


def suggest_routes(incident: Incident, facts: Facts) -> list[Suggestion]:
    """Every route the answers point to, most urgent first; never empty."""
    s = situation(incident, facts)
    found = _dedupe([item for rule in RULES for item in rule(s)])
    found += _dsl_review(s, found)
    return sorted(found, key=lambda item: URGENCY_ORDER.index(item.urgency))
