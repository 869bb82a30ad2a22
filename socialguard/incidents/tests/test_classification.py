"""Triage vocabularies (I3): RMET's misuse matrix in its own words, KCSIE's four areas, the
criminal incident types (the pack's, or a generic list marked as such), severities."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from socialguard.incidents import actions, classification
from socialguard.incidents.classification import (
    GENERIC_CRIMINAL_TYPES,
    check_value,
    criminal_type_choices,
    criminal_types,
    kcsie_area_choices,
    misuse_category_choices,
    misuse_cell_choices,
    misuse_context_choices,
    misuse_matrix,
    severity_choices,
    split_cell,
    validate_triage,
)
from socialguard.incidents.models import Type
from socialguard.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def rmet(db):
    return Organisation.objects.create(name="RMET school", policy_pack="rmet")


def test_rmet_matrix_is_in_rmets_words(rmet):
    cells = {(cell.context, cell.category): cell for cell in misuse_matrix(rmet)}
    assert len(cells) == 12
    assert cells[("contact", "sexual")].description == (
        "Contact / Sexual: meeting strangers, being groomed")
    assert cells[("content", "values")].description.endswith("bias, racism, misleading info "
                                                             "or advice")
    assert {cell.origin for cell in cells.values()} == {"pack"}


def test_other_packs_get_the_generic_labels(school):
    cells = misuse_matrix(school)
    assert [cell.value for cell in cells][:2] == ["contact/commercial", "contact/aggressive"]
    assert cells[0].description == "Contact / Commercial" and cells[0].origin == "generic"
    assert misuse_matrix(None)[-1].description == "Content / Values"


def test_forms_choices_match_the_values_the_model_stores(rmet):
    assert [v for v, _ in misuse_context_choices()] == ["", "contact", "conduct", "content"]
    assert [v for v, _ in misuse_category_choices(blank=False)] == [
        "commercial", "aggressive", "sexual", "values"]
    assert [v for v, _ in kcsie_area_choices(blank=False)] == [
        "content", "contact", "conduct", "commerce"]
    assert [v for v, _ in severity_choices()] == ["low", "medium", "high", "critical"]
    cell_choices = dict(misuse_cell_choices(rmet))
    assert cell_choices["conduct/commercial"].startswith("Conduct / Commercial: illegal")
    assert split_cell("conduct/commercial") == ("conduct", "commercial")


def test_every_vocabulary_entry_has_a_plain_meaning():
    for vocabulary in (classification.MISUSE_CONTEXTS, classification.MISUSE_CATEGORIES,
                       classification.KCSIE_AREAS, classification.SEVERITIES):
        for value, meaning in vocabulary.items():
            assert meaning.lower().startswith(value) and meaning.endswith(".")


def test_criminal_types_come_from_the_pack_when_it_has_them(rmet, school):
    from_rmet = criminal_types(rmet)
    assert from_rmet[0].label.startswith("Copyright infringement")
    assert {kind.origin for kind in from_rmet} == {"pack"}
    assert any("indecent images of children" in kind.label for kind in from_rmet)
    generic = criminal_types(school)
    assert [kind.label for kind in generic] == list(GENERIC_CRIMINAL_TYPES)
    assert all(kind.origin == "generic" and "not the school's policy" in kind.note
               for kind in generic)
    assert all(label.endswith("(generic)") for _, label in criminal_type_choices(school)[1:])
    assert all(len(kind.label) <= 200 for kind in from_rmet + generic)  # Incident field size


@pytest.mark.parametrize(("field", "value"), [
    ("misuse_context", "contract"), ("misuse_category", "rude"), ("kcsie_area", "commercial"),
    ("severity", "urgent"), ("severity", ""), ("criminal_type", "Being annoying"),
    ("mood", "bad"),
])
def test_unknown_values_raise_naming_the_field(school, field, value):
    with pytest.raises(ValueError, match=f"^{field}:"):
        check_value(field, value, school)


def test_blank_is_allowed_except_for_severity(school):
    assert validate_triage(school, misuse_context="", criminal_type="", severity="low") == {
        "misuse_context": "", "criminal_type": "", "severity": "low"}
    with pytest.raises(ValueError, match=r"^misuse_category:"):
        split_cell("contact/")


def test_a_pack_criminal_type_is_valid_only_for_its_pack(rmet, school):
    assert check_value("criminal_type", "Hacking sites", rmet) == "Hacking sites"
    with pytest.raises(ValueError, match=r"^criminal_type:"):
        check_value("criminal_type", "Hacking sites", school)


def test_validated_values_triage_an_incident(rmet):
    user = User.objects.create_user("dsl", password="pw")
    incident = actions.do_report(rmet, user, type=Type.CYBERBULLYING_PUPIL,
                                 what_happened="Threats in a group chat.")
    values = validate_triage(rmet, misuse_context="contact", misuse_category="aggressive",
                             kcsie_area="contact", criminal_type="Bullying of anyone",
                             severity="high")
    incident = actions.do_triage(incident, user, **values)
    assert (incident.misuse_context, incident.criminal_type) == ("contact",
                                                                 "Bullying of anyone")
