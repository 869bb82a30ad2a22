"""Triage vocabularies as data (I3): the misuse matrix, KCSIE's four areas, the criminal
incident types and the severities, with form choices and validation.

The misuse matrix is RMET's (seed 003: Contact / Conduct / Content x Commercial / Aggressive /
Sexual / Values). A school whose pack carries `misuse_matrix` sees the pack's own words for each
cell; every other school sees the matrix's generic labels. The criminal incident types are the
pack's `criminal_incident_types` when it has them, else a generic list from UK law written for
socialguard and marked as such: it is not the school's policy, and the police, not the school,
decide whether a crime was committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from socialguard.orgs.models import Organisation
from socialguard.policies.loader import PackError, load_pack
from socialguard.policies.schema import Fact, Pack, squash

Origin = Literal["pack", "generic"]

MISUSE_CONTEXTS: dict[str, str] = {
    "contact": "Contact: someone reaches the person (they are on the receiving end of an "
               "interaction).",
    "conduct": "Conduct: what the person does themselves.",
    "content": "Content: material the person sees or is sent.",
}

MISUSE_CATEGORIES: dict[str, str] = {
    "commercial": "Commercial: money, data, advertising, scams.",
    "aggressive": "Aggressive: bullying, harassment, violence, hate.",
    "sexual": "Sexual: sexual material or approaches.",
    "values": "Values: harmful persuasion, bias, misleading information.",
}

KCSIE_AREAS: dict[str, str] = {
    # Paraphrased from Keeping children safe in education 2024 (online safety, "the 4 Cs").
    "content": "Content: being exposed to illegal, inappropriate or harmful content "
               "(e.g. pornography, racism, self-harm, radicalisation, extremism).",
    "contact": "Contact: harmful online interaction with other users (e.g. peer pressure, "
               "adults posing as children to groom or exploit).",
    "conduct": "Conduct: online behaviour that increases the likelihood of, or causes, harm "
               "(e.g. sharing nudes and semi-nudes, online bullying).",
    "commerce": "Commerce: risks such as online gambling, inappropriate advertising, "
                "phishing or financial scams.",
}

SEVERITIES: dict[str, str] = {
    "low": "Low: upsetting or against the policy, no risk of harm; handle in the normal "
           "course.",
    "medium": "Medium: harm to someone or to the school's reputation; act within days.",
    "high": "High: serious harm, a possible crime or a safeguarding concern; act today.",
    "critical": "Critical: a child or adult at risk now, or indecent images of a child; act "
                "now (police, DSL).",
}

GENERIC_NOTE = ("Generic list from UK law written for socialguard, not the school's policy; "
                "the police decide whether a crime was committed.")

GENERIC_CRIMINAL_TYPES: tuple[str, ...] = (
    "Indecent images of children: taking, making, sharing or possessing them "
    "(Protection of Children Act 1978; Criminal Justice Act 1988 s160)",
    "Sexual communication with a child or grooming (Sexual Offences Act 2003 ss15, 15A)",
    "Sharing or threatening to share intimate images without consent "
    "(Sexual Offences Act 2003 s66B)",
    "Sending unsolicited sexual images, 'cyberflashing' (Sexual Offences Act 2003 s66A)",
    "Threats to kill (Offences against the Person Act 1861 s16)",
    "Threatening communications (Online Safety Act 2023 s181)",
    "Grossly offensive, indecent or menacing messages "
    "(Communications Act 2003 s127; Malicious Communications Act 1988)",
    "Harassment or stalking (Protection from Harassment Act 1997)",
    "Stirring up racial or religious hatred (Public Order Act 1986 Parts 3 and 3A)",
    "Encouraging terrorism or sharing terrorist publications (Terrorism Act 2006 ss1-2)",
    "Encouraging or assisting serious self-harm (Online Safety Act 2023 s184)",
    "Extreme pornographic images (Criminal Justice and Immigration Act 2008 s63)",
    "Hacking or misuse of someone else's login (Computer Misuse Act 1990)",
    "Fraud or scams, including impersonation for gain (Fraud Act 2006)",
    "Copyright infringement (Copyright, Designs and Patents Act 1988)",
)


@dataclass(frozen=True)
class MisuseCell:
    context: str
    category: str
    description: str
    origin: Origin

    @property
    def value(self) -> str:
        return f"{self.context}/{self.category}"


@dataclass(frozen=True)
class CriminalType:
    label: str
    origin: Origin
    note: str = ""


def school_pack(school: Organisation | None) -> Pack | None:
    """The pack the school runs, or None when it has none (or it cannot be loaded)."""
    if school is None or not school.pack_id:
        return None
    try:
        return load_pack(school.pack_id).pack
    except PackError:
        return None


def _setting(pack: Pack | None, key: str) -> Fact | None:
    return pack.settings.get(key) if pack is not None else None


def _pack_cell_descriptions(pack: Pack | None) -> dict[tuple[str, str], str]:
    """'Contact / Commercial: tracking, ...' entries of the pack's misuse_matrix, by cell."""
    fact = _setting(pack, "misuse_matrix")
    if fact is None or not isinstance(fact.value, tuple):
        return {}
    cells = {}
    for entry in fact.value:
        cell, _, examples = entry.partition(":")
        context, _, category = (part.strip().lower() for part in cell.partition("/"))
        if context in MISUSE_CONTEXTS and category in MISUSE_CATEGORIES and examples.strip():
            cells[(context, category)] = squash(entry)
    return cells


def misuse_matrix(school: Organisation | None) -> list[MisuseCell]:
    """The twelve cells, in the matrix's order, in the pack's words where it has them."""
    from_pack = _pack_cell_descriptions(school_pack(school))
    return [
        MisuseCell(context, category,
                   from_pack.get((context, category),
                                 f"{context.title()} / {category.title()}"),
                   "pack" if (context, category) in from_pack else "generic")
        for context in MISUSE_CONTEXTS for category in MISUSE_CATEGORIES
    ]


def criminal_types(school: Organisation | None) -> list[CriminalType]:
    """The pack's criminal incident types, or the generic list, each marked generic."""
    fact = _setting(school_pack(school), "criminal_incident_types")
    if fact is not None and isinstance(fact.value, tuple) and fact.value:
        return [CriminalType(label, "pack") for label in fact.value]
    return [CriminalType(label, "generic", GENERIC_NOTE) for label in GENERIC_CRIMINAL_TYPES]


Choices = list[tuple[str, str]]


def _with_blank(choices: Choices, blank: bool) -> Choices:
    return [("", "—"), *choices] if blank else choices


def _titled(vocabulary: dict[str, str]) -> Choices:
    return [(value, value.title()) for value in vocabulary]


def misuse_context_choices(blank: bool = True) -> Choices:
    return _with_blank(_titled(MISUSE_CONTEXTS), blank)


def misuse_category_choices(blank: bool = True) -> Choices:
    return _with_blank(_titled(MISUSE_CATEGORIES), blank)


def misuse_cell_choices(school: Organisation | None, blank: bool = True) -> Choices:
    """One choice per cell ("contact/commercial"), labelled in the pack's words if any."""
    return _with_blank([(cell.value, cell.description) for cell in misuse_matrix(school)],
                       blank)


def split_cell(value: str) -> tuple[str, str]:
    """'contact/commercial' -> ('contact', 'commercial'); ValueError naming the field."""
    context, _, category = value.partition("/")
    for field, part in (("misuse_context", context), ("misuse_category", category)):
        if not part:
            raise ValueError(f"{field}: a matrix cell needs both a context and a category")
    return (check_value("misuse_context", context), check_value("misuse_category", category))


def kcsie_area_choices(blank: bool = True) -> Choices:
    return _with_blank(_titled(KCSIE_AREAS), blank)


def severity_choices(blank: bool = False) -> Choices:
    return _with_blank(_titled(SEVERITIES), blank)


def criminal_type_choices(school: Organisation | None, blank: bool = True) -> Choices:
    """Value and label are the type's own words (they are what the record keeps)."""
    choices = [(kind.label, kind.label + (" (generic)" if kind.origin == "generic" else ""))
               for kind in criminal_types(school)]
    return _with_blank(choices, blank)


FIELDS = ("misuse_context", "misuse_category", "kcsie_area", "criminal_type", "severity")


def _known_values(field: str, school: Organisation | None) -> list[str]:
    vocabularies = {"misuse_context": MISUSE_CONTEXTS, "misuse_category": MISUSE_CATEGORIES,
                    "kcsie_area": KCSIE_AREAS, "severity": SEVERITIES}
    if field == "criminal_type":
        return [kind.label for kind in criminal_types(school)]
    if field not in vocabularies:
        raise ValueError(f"{field}: not a triage field (known: {', '.join(FIELDS)})")
    return list(vocabularies[field])


def check_value(field: str, value: str, school: Organisation | None = None) -> str:
    """The value if it is known for the field; blank is allowed except for severity."""
    known = _known_values(field, school)
    if value == "":
        if field == "severity":
            raise ValueError("severity: choose a severity")
        return value
    if value not in known:
        shown = ", ".join(known) if field != "criminal_type" else "see criminal_types()"
        raise ValueError(f"{field}: unknown value {value!r} (known: {shown})")
    return value


def validate_triage(school: Organisation | None, **values: str) -> dict[str, str]:
    """Every given triage field checked; the first unknown one raises ValueError naming it."""
    return {field: check_value(field, value, school) for field, value in values.items()}
