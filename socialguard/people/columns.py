"""The column names MIS exports (SIMS, Arbor, Bromcom) give each field we import.

Adding an MIS: add its header names to the tuples below, most specific first, and a test row
in people/tests/test_importing.py; docs/roster-import.md lists them for schools.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One field of ours and the header names MIS exports give it, most specific first."""

    field: str
    label: str
    names: tuple[str, ...]
    required: bool = False


_FORENAME = ("Legal Forename", "Forename", "Legal First Name", "First Name", "Given Name")
_SURNAME = ("Legal Surname", "Surname", "Legal Last Name", "Last Name", "Family Name")

# SIMS: UPN, Adno, Legal Forename/Surname, Preferred Forename, Year (or Year Taught In), Reg.
# Arbor: UPN, Student ID, First Name, Last Name, Preferred First Name, Year Group.
# Bromcom: UPN, Student Id, Forename, Surname, Known As, NC Year, Reg Group.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "pupils": (
        Column("mis_id", "pupil id", ("UPN", "Student UPN", "Pupil UPN", "Student ID",
                                      "Pupil ID", "Adno", "Admission Number", "Admission No",
                                      "MIS ID", "ID"), required=True),
        Column("first_name", "first name", _FORENAME, required=True),
        Column("last_name", "last name", _SURNAME, required=True),
        Column("preferred_name", "preferred name", ("Preferred Forename", "Preferred First Name",
                                                    "Known As", "Preferred Name", "Chosen Name")),
        Column("year", "year group", ("Year", "Year Group", "NC Year", "National Curriculum Year",
                                      "Curriculum Year", "Year Taught In")),
    ),
    # SIMS: Staff Code, Title, Legal Forename, Legal Surname, Role / Job Title.
    # Arbor: Staff ID, Title, First Name, Last Name, Job Title. Bromcom: Staff Id, Title,
    # Forename, Surname, Role.
    "staff": (
        Column("mis_id", "staff id", ("Staff Code", "Staff ID", "Staff Number", "Employee Number",
                                      "Employee ID", "Payroll Number", "Person ID", "ID"),
               required=True),
        Column("title", "title", ("Title", "Prefix")),
        Column("first_name", "first name", _FORENAME, required=True),
        Column("last_name", "last name", _SURNAME, required=True),
        Column("role", "role", ("Role", "Job Title", "Staff Role", "Job Role", "Post",
                                "Position")),
    ),
    # One row per contact and child. The plain name columns come last: in a contact export
    # that also carries the child's name, the "Contact ..." columns win.
    "guardians": (
        Column("mis_id", "contact id", ("Contact ID", "Contact Person ID", "Parent ID",
                                        "Guardian ID", "Carer ID", "Person ID"), required=True),
        Column("first_name", "contact first name", (
            "Contact Forename", "Contact First Name", "Contact Legal Forename",
            "Parent Forename", "Parent First Name", "Guardian Forename", "Guardian First Name",
            "Forename", "First Name"), required=True),
        Column("last_name", "contact last name", (
            "Contact Surname", "Contact Last Name", "Contact Legal Surname", "Parent Surname",
            "Parent Last Name", "Guardian Surname", "Guardian Last Name", "Surname",
            "Last Name"), required=True),
        Column("pupil_id", "pupil id", ("Student UPN", "Pupil UPN", "UPN", "Student ID",
                                        "Pupil ID", "Adno", "Admission Number"), required=True),
        Column("relationship", "relationship", ("Relationship", "Relationship to Student",
                                                "Relationship to Pupil", "Contact Relationship",
                                                "Relation")),
    ),
}
