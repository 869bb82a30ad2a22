"""Roster import: formats of each MIS, encodings, every bad row reported, all or nothing."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User

from socialguard.audit.models import AuditEvent
from socialguard.orgs.models import Organisation
from socialguard.people import importing
from socialguard.people.columns import COLUMNS
from socialguard.people.importing import ImportResult, import_roster, normalise
from socialguard.people.models import Guardian, Pupil, StaffMember

UPN1, UPN2, UPN3 = "A123456789012", "B123456789013", "C12345678901A"


def csv_bytes(*lines: str, sep: str = ",", encoding: str = "utf-8") -> bytes:
    return "\r\n".join(line.replace(",", sep) for line in lines).encode(encoding) + b"\r\n"


@pytest.fixture
def school() -> Organisation:
    return Organisation.objects.create(name="Oakfield Primary School")


@pytest.fixture
def alice(db: None) -> User:
    return User.objects.create_user("alice", password="pw")


def run(school: Organisation, kind: str, data: bytes, user: User | None = None) -> ImportResult:
    return import_roster(school, kind, data, user=user)


def messages(result: ImportResult) -> list[str]:
    return [str(p) for p in result.errors]


# Formats of each MIS -----------------------------------------------------------------------

PUPIL_FILES = {
    "sims": ("UPN,Legal Forename,Legal Surname,Preferred Forename,Year,Reg",
             f"{UPN1},William,Smith,Will,Year 7,7AB"),
    "sims-year-taught-in": ("Adno,Legal Surname,Legal Forename,Year Taught In",
                            "001234,Smith,William,7"),
    "arbor": ("UPN,Student ID,First Name,Last Name,Preferred First Name,Year Group",
              f"{UPN1},4412,William,Smith,Will,Y7"),
    "arbor-id-only": ("Student ID,First Name,Last Name,Preferred First Name,Year Group",
                      "4412,William,Smith,Will,7"),
    "bromcom": ("Student Id,Forename,Surname,Known As,NC Year,Reg Group",
                "88231,William,Smith,Will,07,7S"),
    "messy-headers": (" legal_forename ,LEGAL  SURNAME,upn,Known-As",
                      f"William,Smith,{UPN1.lower()},Will"),
}
EXPECTED_ID = {"sims": UPN1, "sims-year-taught-in": "001234", "arbor": UPN1,
               "arbor-id-only": "4412", "bromcom": "88231", "messy-headers": UPN1}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUPIL_FILES)
def test_pupil_exports_of_each_mis(school: Organisation, name: str) -> None:
    result = run(school, "pupils", csv_bytes(*PUPIL_FILES[name]))
    assert result.ok, messages(result)
    pupil = Pupil.objects.get(school=school)
    assert (pupil.mis_id, pupil.first_name, pupil.last_name) == (
        EXPECTED_ID[name], "William", "Smith")
    assert pupil.preferred_name in ("Will", "")
    assert pupil.year in ("7", "")


@pytest.mark.django_db
def test_columns_used_and_ignored_are_reported(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes(*PUPIL_FILES["arbor"]))
    assert result.columns == {"mis_id": "UPN", "first_name": "First Name",
                              "last_name": "Last Name", "preferred_name": "Preferred First Name",
                              "year": "Year Group"}
    assert result.ignored_columns == ["Student ID"]


STAFF_FILES = {
    "sims": ("Staff Code,Title,Legal Forename,Legal Surname,Role", "SJE,Mrs,Sarah,Jenkins,Head"),
    "arbor": ("Staff ID,Title,First Name,Last Name,Job Title", "SJE,Mrs,Sarah,Jenkins,Head"),
    "bromcom": ("Staff Id,Title,Forename,Surname,Role", "SJE,Mrs,Sarah,Jenkins,Head"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", STAFF_FILES)
def test_staff_exports_of_each_mis(school: Organisation, name: str) -> None:
    result = run(school, "staff", csv_bytes(*STAFF_FILES[name]))
    assert result.ok, messages(result)
    staff = StaffMember.objects.get(school=school)
    assert (staff.mis_id, staff.title, staff.first_name, staff.last_name, staff.role) == (
        "SJE", "Mrs", "Sarah", "Jenkins", "Head")


@pytest.fixture
def two_pupils(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Legal Forename,Legal Surname",
                                             f"{UPN1},William,Smith", f"{UPN2},Amy,Smith"))
    assert result.ok, messages(result)


GUARDIAN_FILES = {
    # A contact export that also carries the child's name: the Contact columns win.
    "sims": ("Student UPN,Forename,Surname,Contact ID,Contact Forename,Contact Surname,"
             "Relationship",
             f"{UPN1},William,Smith,C1,Karen,Smith,Mother",
             f"{UPN2},Amy,Smith,C1,Karen,Smith,Mother"),
    "arbor": ("Pupil UPN,Guardian ID,Guardian First Name,Guardian Last Name,Relationship",
              f"{UPN1},C1,Karen,Smith,Mother", f"{UPN2},C1,Karen,Smith,Mother"),
    "bromcom": ("Contact Id,Forename,Surname,UPN,Relationship",
                f"C1,Karen,Smith,{UPN1},Mother", f"C1,Karen,Smith,{UPN2},Mother"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", GUARDIAN_FILES)
def test_guardian_exports_link_each_child(school: Organisation, two_pupils: None,
                                          name: str) -> None:
    result = run(school, "guardians", csv_bytes(*GUARDIAN_FILES[name]))
    assert result.ok, messages(result)
    guardian = Guardian.objects.get(school=school)
    assert (guardian.mis_id, guardian.first_name, guardian.last_name) == ("C1", "Karen", "Smith")
    assert sorted(guardian.pupils.values_list("mis_id", flat=True)) == [UPN1, UPN2]
    assert (result.created, result.links_added) == (1, 2)


def test_no_header_name_belongs_to_two_fields() -> None:
    for kind, columns in COLUMNS.items():
        names = [normalise(n) for column in columns for n in set(column.names)]
        assert len(names) == len(set(names)), kind


# Encodings and delimiters ------------------------------------------------------------------

SIMS_HEADER = "UPN,Legal Forename,Legal Surname"


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "encoding", "delimiter"), [
    (csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith"), "utf-8", "comma"),
    (b"\xef\xbb\xbf" + csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith"), "utf-8", "comma"),
    (csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", sep=";"), "utf-8", "semicolon"),
    (csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", sep="\t"), "utf-8", "tab"),
    (b"sep=;\r\n" + csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", sep=";"), "utf-8", "semicolon"),
    (csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", sep="\t", encoding="utf-16"), "utf-16", "tab"),
    (csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", encoding="cp1252"), "cp1252", "comma"),
])
def test_encodings_and_delimiters(school: Organisation, data: bytes, encoding: str,
                                  delimiter: str) -> None:
    result = run(school, "pupils", data)
    assert result.ok, messages(result)
    assert (result.encoding, result.delimiter) == (encoding, delimiter)
    assert Pupil.objects.get(school=school).first_name == "Zoë"


@pytest.mark.django_db
def test_windows_1252_fallback_is_said(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith", encoding="cp1252"))
    assert any("Windows-1252" in note for note in result.notes)
    assert "Windows-1252" in result.report()
    utf8 = run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith"))
    assert utf8.notes == []


@pytest.mark.django_db
def test_a_semicolon_inside_a_quoted_header_does_not_fool_the_sniffer(
        school: Organisation) -> None:
    data = csv_bytes('UPN,Legal Forename,Legal Surname,"Notes; misc; other"',
                     f'{UPN1},"Ann;Marie",Smith,x')
    result = run(school, "pupils", data)
    assert result.ok, messages(result)
    assert result.delimiter == "comma"


REFUSED = {
    "empty": (b"", "empty"),
    "blank lines only": (b"\r\n\r\n  \r\n", "empty"),
    "NUL bytes": (csv_bytes(SIMS_HEADER) + b"\x00\x01\x02", "NUL bytes"),
    "xlsx": (b"PK\x03\x04" + b"\x14" * 40, "spreadsheet workbook"),
    "old xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "spreadsheet workbook"),
    "neither utf-8 nor cp1252": (csv_bytes(SIMS_HEADER) + b"\x81\x8d\x90", "not text"),
    "control characters": (csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Sm\x07ith"), "binary data"),
    "header only": (csv_bytes(SIMS_HEADER), "no data rows"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", REFUSED)
def test_files_that_are_not_csv_are_refused_clearly(school: Organisation, name: str) -> None:
    data, message = REFUSED[name]
    result = run(school, "pupils", data)
    assert not result.ok
    assert len(result.errors) == 1
    assert message in str(result.errors[0])
    assert result.errors[0].line is None
    assert not Pupil.objects.exists()


# Columns -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_missing_columns_are_named_with_the_names_accepted(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Forename,Reg", f"{UPN1},Amy,7S"))
    assert not result.ok
    (problem,) = messages(result)
    assert problem.startswith("Required column(s) missing: last name")
    assert "Legal Surname" in problem and "Last Name" in problem
    assert "pupil id" not in problem and "first name" not in problem


@pytest.mark.django_db
def test_each_missing_column_is_named(school: Organisation) -> None:
    result = run(school, "guardians", csv_bytes("Name,Child", "Karen Smith,William"))
    (problem,) = messages(result)
    for label in ("contact id", "contact first name", "contact last name", "pupil id"):
        assert label in problem


@pytest.mark.django_db
def test_a_column_given_twice_is_refused(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Forename,Surname,Forename",
                                             f"{UPN1},Amy,Smith,Ann"))
    assert messages(result) == ["The column 'Forename' appears 2 times; keep one and import "
                                "again."]


@pytest.mark.django_db
def test_a_repeated_column_that_is_not_used_is_fine(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Legal Forename,Legal Surname,Note,Note",
                                             f"{UPN1},Amy,Smith,a,b"))
    assert result.ok, messages(result)


# Rows --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_every_bad_row_is_reported_by_line_and_nothing_is_imported(
        school: Organisation) -> None:
    data = csv_bytes(
        "UPN,Legal Forename,Legal Surname,Year",
        f"{UPN1},William,Smith,7",   # line 2: good
        f"{UPN2},,Smith,7",          # line 3: no first name
        f"{UPN3},Amy,Jones,Year 17",  # line 4: no such year
        "",                          # line 5: blank, skipped
        "A1234,Ben,Ali,3",           # line 6: not a UPN
        "D123456789012,Cara,Ng,R",   # line 7: good
    )
    result = run(school, "pupils", data)
    assert not result.ok
    assert [p.line for p in result.errors] == [3, 4, 6]
    assert messages(result) == [
        "Line 3: Legal Forename is empty",
        "Line 4: Year 'Year 17' is not a year group (expected N1, N2, R, 1 to 14, 'Year 7' or X)",
        "Line 6: UPN 'A1234' is not a UPN (a letter, 11 digits, then a digit or letter: 13 "
        "characters)",
    ]
    assert result.report().startswith("Nothing was imported: 3 problem(s) in the file.")
    assert not Pupil.objects.exists()
    assert not AuditEvent.objects.exists()
    school.refresh_from_db()
    assert school.registry_version == 0


@pytest.mark.django_db
def test_line_numbers_count_lines_in_quoted_values(school: Organisation) -> None:
    data = csv_bytes("UPN,Legal Forename,Legal Surname,Address",
                     f'{UPN1},Amy,Smith,"1 High St', 'Oakfield"', f"{UPN2},,Jones,x")
    assert [p.line for p in run(school, "pupils", data).errors] == [4]


@pytest.mark.django_db
def test_one_row_can_have_several_problems(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Legal Forename,Legal Surname",
                                             f"{UPN1},,"))
    assert messages(result) == ["Line 2: Legal Forename is empty",
                                "Line 2: Legal Surname is empty"]


@pytest.mark.django_db
def test_duplicate_ids_in_the_file(school: Organisation) -> None:
    data = csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith", f"{UPN2},Ben,Ali",
                     f"{UPN1.lower()},Cara,Ng")
    result = run(school, "pupils", data)
    assert messages(result) == [f"Line 4: UPN '{UPN1}' is also on line 2"]
    assert not Pupil.objects.exists()


@pytest.mark.django_db
def test_duplicate_staff_codes(school: Organisation) -> None:
    data = csv_bytes("Staff Code,Forename,Surname", "SJE,Sarah,Jenkins", "SJE,Sam,Jones")
    assert messages(run(school, "staff", data)) == ["Line 3: Staff Code 'SJE' is also on line 2"]


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "stored"), [
    ("7", "7"), ("07", "7"), ("Year 7", "7"), ("Y7", "7"), ("Yr 10", "10"), ("13", "13"),
    ("14", "14"), ("R", "R"), ("Reception", "R"), ("YR", "R"), ("N1", "N1"),
    ("Nursery 2", "N2"), ("X", "X"), ("", ""),
])
def test_plausible_years(school: Organisation, value: str, stored: str) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Forename,Surname,Year",
                                             f"{UPN1},Amy,Smith,{value}"))
    assert result.ok, messages(result)
    assert Pupil.objects.get().year == stored


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "15", "Year 71", "7AB", "N3", "Y", "seven", "7.5"])
def test_implausible_years(school: Organisation, value: str) -> None:
    result = run(school, "pupils", csv_bytes("UPN,Forename,Surname,Year",
                                             f"{UPN1},Amy,Smith,{value}"))
    assert [p.line for p in result.errors] == [2]
    assert "is not a year group" in messages(result)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "problem"), [
    ("A12345678901", "is not a UPN"),       # 12 characters
    ("A1234567890123", "is not a UPN"),     # 14 characters
    ("1123456789012", "is not a UPN"),      # starts with a digit
    ("A12345678901AB", "is not a UPN"),
    ("1.23457E+11", "turned into a number by a spreadsheet"),
])
def test_upn_near_misses(school: Organisation, value: str, problem: str) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, f"{value},Amy,Smith"))
    assert problem in messages(result)[0]


@pytest.mark.django_db
def test_non_upn_ids_are_not_held_to_the_upn_format(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes("Student ID,Forename,Surname", "17,Amy,Smith"))
    assert result.ok, messages(result)


@pytest.mark.django_db
@pytest.mark.parametrize(("row", "problem"), [
    (f"{UPN1},123,Smith", "Legal Forename '123' is not a name"),
    (f"{UPN1},Amy,{'x' * 101}", "Legal Surname is 101 characters long; the most is 100"),
    (f"{UPN1},Amy,Smith,Oakfield", "it has 4 values but the header has 3 columns"),
])
def test_bad_values(school: Organisation, row: str, problem: str) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, row))
    assert problem in messages(result)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("row", [
    f"{UPN1},Amy,O'Brien", f"{UPN1},Zoë,Smith-Jones", f"{UPN1},Amy,{'x' * 100}",
    f"{UPN1},Amy,Smith,",  # an empty extra cell
])
def test_good_values_near_the_bad_ones(school: Organisation, row: str) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, row))
    assert result.ok, messages(result)


@pytest.mark.django_db
def test_a_short_row_has_blank_cells(school: Organisation) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER + ",Year", f"{UPN1},Amy,Smith"))
    assert result.ok, messages(result)
    assert messages(run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy"))) == [
        "Line 2: Legal Surname is empty"]


@pytest.mark.django_db
def test_guardians_must_name_pupils_of_this_school(school: Organisation, two_pupils: None) -> None:
    other = Organisation.objects.create(name="Elsewhere Academy")
    Pupil.objects.create(school=other, mis_id=UPN3, first_name="Ann", last_name="Other")
    data = csv_bytes("Contact ID,Contact Forename,Contact Surname,Pupil UPN",
                     f"C1,Karen,Smith,{UPN1}", f"C2,Tom,Ng,{UPN3}", "C3,Jo,Ali,D123456789012")
    result = run(school, "guardians", data)
    assert [p.line for p in result.errors] == [3, 4]
    assert "is not a pupil of this school" in messages(result)[0]
    assert not Guardian.objects.exists()


@pytest.mark.django_db
def test_guardian_rows_that_contradict_each_other(school: Organisation, two_pupils: None) -> None:
    data = csv_bytes("Contact ID,Contact Forename,Contact Surname,Pupil UPN",
                     f"C1,Karen,Smith,{UPN1}", f"C1,Karen,Smith,{UPN1}", f"C1,Kate,Jones,{UPN2}")
    assert messages(run(school, "guardians", data)) == [
        "Line 3: Contact ID 'C1' is linked to the same pupil on line 2",
        "Line 4: Contact ID 'C1' has a different name on line 2",
    ]


# Saving ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_reimport_updates_rather_than_duplicates(school: Organisation) -> None:
    header = "UPN,Legal Forename,Legal Surname,Year"
    first = run(school, "pupils", csv_bytes(header, f"{UPN1},Amy,Smith,5", f"{UPN2},Ben,Ali,5"))
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    again = run(school, "pupils", csv_bytes(header, f"{UPN1},Amy,Smith,6", f"{UPN2},Ben,Ali,5",
                                            f"{UPN3},Cara,Ng,6"))
    assert (again.created, again.updated, again.unchanged) == (1, 1, 1)
    assert Pupil.objects.filter(school=school).count() == 3
    assert Pupil.objects.get(mis_id=UPN1).year == "6"


@pytest.mark.django_db
def test_a_column_missing_from_the_file_leaves_its_field_alone(school: Organisation) -> None:
    run(school, "pupils", csv_bytes("UPN,Forename,Surname,Known As,Year", f"{UPN1},Amy,Smith,Mo,5"))
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith"))
    assert result.unchanged == 1
    pupil = Pupil.objects.get()
    assert (pupil.preferred_name, pupil.year) == ("Mo", "5")


@pytest.mark.django_db
def test_an_empty_cell_clears_its_field(school: Organisation) -> None:
    run(school, "pupils", csv_bytes("UPN,Forename,Surname,Known As", f"{UPN1},Amy,Smith,Mo"))
    result = run(school, "pupils", csv_bytes("UPN,Forename,Surname,Known As", f"{UPN1},Amy,Smith,"))
    assert result.updated == 1
    assert Pupil.objects.get().preferred_name == ""


@pytest.mark.django_db
def test_the_same_ids_in_another_school_are_other_people(school: Organisation) -> None:
    other = Organisation.objects.create(name="Elsewhere Academy")
    run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith"))
    result = run(other, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith"))
    assert result.created == 1
    assert Pupil.objects.count() == 2


@pytest.mark.django_db
def test_reimporting_guardians_adds_links_and_keeps_old_ones(school: Organisation,
                                                             two_pupils: None) -> None:
    header = "Contact ID,Contact Forename,Contact Surname,Pupil UPN"
    run(school, "guardians", csv_bytes(header, f"C1,Karen,Smith,{UPN1}"))
    result = run(school, "guardians", csv_bytes(header, f"C1,Karen,Smith-Ali,{UPN2}"))
    assert (result.created, result.updated, result.links_added) == (0, 1, 1)
    guardian = Guardian.objects.get()
    assert guardian.last_name == "Smith-Ali"
    assert guardian.pupils.count() == 2


@pytest.mark.django_db
def test_the_import_writes_one_audit_event_with_counts_and_no_names(
        school: Organisation, alice: User) -> None:
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Zoë,Smith",
                                             f"{UPN2},Ben,Ali"), alice)
    (event,) = AuditEvent.objects.all()
    assert (event.event, event.actor, event.organisation) == ("roster.imported", alice, school)
    assert event.data["kind"] == "pupils"
    assert (event.data["created"], event.data["updated"], event.data["rows"]) == (2, 0, 2)
    text = json.dumps(event.data)
    for name in ("Zoë", "Zo\\u00eb", "Smith", "Ben", "Ali", UPN1):
        assert name not in text
    assert result.ok


@pytest.mark.django_db
def test_the_import_bumps_the_registry_version(school: Organisation) -> None:
    run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith"))
    assert school.registry_version == 1
    run(school, "staff", csv_bytes("Staff Code,Forename,Surname", "SJE,Sarah,Jenkins"))
    school.refresh_from_db()
    assert school.registry_version == 2


@pytest.mark.django_db
def test_a_failure_while_saving_saves_nothing(school: Organisation,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_log(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit down")

    monkeypatch.setattr(importing, "log", failing_log)
    with pytest.raises(RuntimeError):
        run(school, "pupils", csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith"))
    assert not Pupil.objects.exists()
    school.refresh_from_db()
    assert school.registry_version == 0


# Limits ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_file_over_5_mb_is_refused(school: Organisation) -> None:
    data = csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith")
    result = run(school, "pupils", data + b" " * (5 * 1024 * 1024 - len(data) + 1))
    assert messages(result) == ["The file is 5,242,881 bytes; the limit is 5,242,880 bytes "
                                "(5 MB). Export fewer columns, or split it."]


@pytest.mark.django_db
def test_a_file_over_20000_rows_is_refused(school: Organisation) -> None:
    rows = [f"A{n:011d}0,Amy,Smith" for n in range(20_001)]
    result = run(school, "pupils", csv_bytes(SIMS_HEADER, *rows))
    assert messages(result) == ["The file has more than 20,000 rows; the limit is 20,000. "
                                "Split it and import each part."]
    assert not Pupil.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("rows", "ok"), [(3, True), (4, False)])
def test_the_row_limit_is_inclusive(school: Organisation, monkeypatch: pytest.MonkeyPatch,
                                    rows: int, ok: bool) -> None:
    monkeypatch.setattr(importing, "MAX_ROWS", 3)
    data = csv_bytes(SIMS_HEADER, *(f"A{n:011d}0,Amy,Smith" for n in range(rows)), "", "")
    assert run(school, "pupils", data).ok is ok


@pytest.mark.django_db
@pytest.mark.parametrize(("extra", "ok"), [(0, True), (1, False)])
def test_the_size_limit_is_inclusive(school: Organisation, monkeypatch: pytest.MonkeyPatch,
                                     extra: int, ok: bool) -> None:
    data = csv_bytes(SIMS_HEADER, f"{UPN1},Amy,Smith")
    monkeypatch.setattr(importing, "MAX_BYTES", len(data))
    assert run(school, "pupils", data + b" " * extra).ok is ok


@pytest.mark.django_db
def test_an_unknown_kind_is_a_programming_error(school: Organisation) -> None:
    with pytest.raises(ValueError, match="kind must be one of pupils, staff, guardians"):
        import_roster(school, "parents", b"", user=None)


@pytest.mark.django_db
def test_the_report_of_a_good_import(school: Organisation, two_pupils: None) -> None:
    data = csv_bytes("Contact ID,Contact Forename,Contact Surname,Pupil UPN,Priority",
                     f"C1,Karen,Smith,{UPN1},1", f"C1,Karen,Smith,{UPN2},1")
    assert run(school, "guardians", data).report() == (
        "Imported 2 guardians row(s): 1 new, 0 updated, 0 unchanged, 2 new link(s) to pupils.\n"
        "Columns not used: Priority.")
