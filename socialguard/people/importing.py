"""Roster import from CSV exports of the school's MIS (docs/roster-import.md).

A file is read whole, checked whole and saved whole: if any row is wrong nothing is saved,
and every wrong row is reported by its line number. Saving upserts by (school, MIS id),
bumps the school's registry_version and writes one `roster.imported` audit event holding
counts only (no child's name goes into the append-only audit log).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import models, transaction

from socialguard.audit.log import log
from socialguard.orgs.models import Organisation
from socialguard.people.columns import COLUMNS, Column
from socialguard.people.models import Guardian, Pupil, StaffMember

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


_MODELS: dict[str, type[models.Model]] = {
    "pupils": Pupil, "staff": StaffMember, "guardians": Guardian}
_STORED = {"pupils": ("first_name", "last_name", "preferred_name", "year"),
           "staff": ("title", "first_name", "last_name", "role"),
           "guardians": ("first_name", "last_name")}


@dataclass(frozen=True)
class Problem:
    """Why (part of) a file was refused; `line` is the file's line number, 1 = the header."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line is not None else self.message


@dataclass
class ImportResult:
    kind: str
    encoding: str = ""
    delimiter: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0
    imported: bool = False

    @property
    def ok(self) -> bool:
        return self.imported and not self.errors

    def report(self) -> str:
        """The text shown to the person who uploaded the file."""
        if not self.ok:
            head = [f"Nothing was imported: {len(self.errors)} problem(s) in the file."]
            return "\n".join(head + self.notes + [str(p) for p in self.errors])
        counts = (f"Imported {self.rows} {self.kind} row(s): {self.created} new, "
                  f"{self.updated} updated, {self.unchanged} unchanged"
                  + (f", {self.links_added} new link(s) to pupils." if self.kind == "guardians"
                     else "."))
        ignored = ([f"Columns not used: {', '.join(self.ignored_columns)}."]
                   if self.ignored_columns else [])
        return "\n".join([counts, *ignored, *self.notes])


class _Refused(Exception):
    """The whole file is refused before its rows are looked at."""


class _Bad(Exception):
    """One value is wrong; the message says why."""


def import_roster(school: Organisation, kind: str, file_bytes: bytes, *,
                  user: User | None) -> ImportResult:
    """Check every row of an MIS export and, only if all are good, save them all."""
    if kind not in COLUMNS:
        raise ValueError(f"kind must be one of {', '.join(COLUMNS)}, not {kind!r}")
    result = ImportResult(kind=kind)
    try:
        text = _decode(file_bytes, result)
        header, rows = _read_table(text, result)
        mapping = _map_headers(COLUMNS[kind], header, result)
    except _Refused as refused:
        result.errors.append(Problem(str(refused)))
        return result
    records = _check_rows(kind, mapping, header, rows, result)
    if not result.errors:
        _save(school, kind, records, result, user)
    return result


# Reading the bytes -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _decode(data: bytes, result: ImportResult) -> str:
    if len(data) > MAX_BYTES:
        raise _Refused(f"The file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes "
                       "(5 MB). Export fewer columns, or split it.")
    if not data.strip():
        raise _Refused("The file is empty.")
    if data.startswith(_SPREADSHEET_MAGIC):
        raise _Refused("This is a spreadsheet workbook, not CSV. Open it and save it as "
                       "'CSV UTF-8 (comma delimited)'.")
    text = _as_text(data, result)
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise _Refused(f"The file contains binary data (a control character on line {line}); "
                       "it is not a CSV export.")
    return text


def _as_text(data: bytes, result: ImportResult) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        result.encoding = "utf-16"
        return _decode_or_refuse(data, "utf-16", "UTF-16")
    if b"\x00" in data:
        raise _Refused("The file contains NUL bytes: it is binary, not a CSV export.")
    try:
        result.encoding = "utf-8"
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    result.encoding = "cp1252"
    text = _decode_or_refuse(data, "cp1252", "UTF-8 or Windows-1252")
    result.notes.append("The file is not UTF-8, so it was read as Windows-1252 (what Excel "
                        "writes for plain 'CSV'). Check that accented names look right, or "
                        "save it as 'CSV UTF-8' and import it again.")
    return text


def _decode_or_refuse(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _Refused(f"The file is not text in {name} (byte {error.start} cannot be read). "
                       "Save it from the MIS or Excel as 'CSV UTF-8'.") from None


# Reading the table -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Row:
    line: int
    cells: list[str]


_SEP_HINT = re.compile(r"^sep=(.)\r?$")
_DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def _read_table(text: str, result: ImportResult) -> tuple[list[str], list[_Row]]:
    first, _, rest = text.partition("\n")
    hint = _SEP_HINT.match(first)
    if hint and hint.group(1) in _DELIMITERS:  # Excel's "sep=;" first line
        delimiter, text = hint.group(1), "\n" + rest
    else:
        delimiter = _sniff(text)
    result.delimiter = _DELIMITER_NAMES[delimiter]
    rows = _rows(text, delimiter)
    header = next(rows, None)
    if header is None:
        raise _Refused("The file has no header row.")
    data: list[_Row] = []
    for row in rows:
        if len(data) == MAX_ROWS:
            raise _Refused(f"The file has more than {MAX_ROWS:,} rows; the limit is "
                           f"{MAX_ROWS:,}. Split it and import each part.")
        data.append(row)
    result.rows = len(data)
    if not data:
        raise _Refused("The file has a header row but no data rows.")
    return [cell.strip() for cell in header.cells], data


def _sniff(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")

    def width(delimiter: str) -> int:
        return len(next(csv.reader([first], delimiter=delimiter), []))

    return max(_DELIMITERS, key=width)  # ties go to the comma, listed first


def _rows(text: str, delimiter: str) -> Iterator[_Row]:
    """Non-blank records, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield _Row(start, cells)
            start = reader.line_num + 1
    except csv.Error as error:
        raise _Refused(f"Line {start}: the file cannot be read as CSV ({error}).") from None


# Headers -----------------------------------------------------------------------------------

def normalise(header: str) -> str:
    """'Legal Forename', 'legal_forename' and ' LEGAL  FORENAME ' are the same header."""
    return "".join(ch for ch in header.casefold() if ch.isalnum())


def _map_headers(columns: Sequence[Column], header: list[str],
                 result: ImportResult) -> dict[str, int]:
    """Our field -> its column index; refuses the file if a required column is missing."""
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        positions.setdefault(normalise(name), []).append(index)
    mapping: dict[str, int] = {}
    missing = []
    for column in columns:
        found = next((positions[normalise(n)] for n in column.names
                      if normalise(n) in positions), None)
        if found is None:
            if column.required:
                missing.append(column)
            continue
        if len(found) > 1:
            raise _Refused(f"The column '{header[found[0]]}' appears {len(found)} times; "
                           "keep one and import again.")
        mapping[column.field] = found[0]
    if missing:
        raise _Refused(_missing_message(missing))
    result.columns = {f: header[i] for f, i in mapping.items()}
    used = set(mapping.values())
    result.ignored_columns = [h for i, h in enumerate(header) if i not in used and h]
    return mapping


def _missing_message(missing: Sequence[Column]) -> str:
    parts = [f"{c.label} (accepted names: {', '.join(c.names)})" for c in missing]
    return "Required column(s) missing: " + "; ".join(parts) + "."


# Rows --------------------------------------------------------------------------------------

_UPN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
_EXCEL_NUMBER = re.compile(r"^\d+(\.\d+)?E\+\d+$", re.IGNORECASE)
_YEAR_NUMBER = re.compile(r"^(?:year|yr|y|nc)?0*(\d{1,2})$")
_YEAR_WORDS = {"r": "R", "rec": "R", "reception": "R", "yr": "R", "yearr": "R",
               "n": "N", "nursery": "N", "n1": "N1", "nursery1": "N1", "yearn1": "N1",
               "n2": "N2", "nursery2": "N2", "yearn2": "N2", "x": "X"}
_LIMITS = {"mis_id": 40, "pupil_id": 40, "first_name": 100, "last_name": 100,
           "preferred_name": 100, "year": 20, "title": 20, "role": 100, "relationship": 100}


def _check_id(value: str, header: str) -> str:
    if _EXCEL_NUMBER.match(value):
        raise _Bad(f"{header} '{value}' was turned into a number by a spreadsheet; export "
                   "the file again without opening it in Excel")
    if "upn" in normalise(header):
        value = value.upper()
        if not _UPN.match(value):
            raise _Bad(f"{header} '{value}' is not a UPN (a letter, 11 digits, then a digit "
                       "or letter: 13 characters)")
    return value


def _check_name(value: str, header: str) -> str:
    if not any(ch.isalpha() for ch in value):
        raise _Bad(f"{header} '{value}' is not a name (it has no letters)")
    return value


def _check_year(value: str, header: str) -> str:
    key = normalise(value)
    if key in _YEAR_WORDS:
        return _YEAR_WORDS[key]
    number = _YEAR_NUMBER.match(key)
    if number and 1 <= int(number.group(1)) <= 14:
        return str(int(number.group(1)))
    raise _Bad(f"{header} '{value}' is not a year group (expected N1, N2, R, 1 to 14, "
               "'Year 7' or X)")


_CHECKS: dict[str, Callable[[str, str], str]] = {
    "mis_id": _check_id, "pupil_id": _check_id, "first_name": _check_name,
    "last_name": _check_name, "preferred_name": _check_name, "year": _check_year}


@dataclass(frozen=True)
class _Record:
    """A row's checked values by our field name."""

    line: int
    values: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")


def _check_rows(kind: str, mapping: dict[str, int], header: list[str], rows: list[_Row],
                result: ImportResult) -> list[_Record]:
    required = {c.field for c in COLUMNS[kind] if c.required}
    records = []
    for row in rows:
        values, problems = _check_row(row, mapping, header, required)
        result.errors.extend(Problem(p, row.line) for p in problems)
        records.append(_Record(row.line, values))
    duplicates = _duplicates if kind != "guardians" else _guardian_duplicates
    result.errors.extend(duplicates(records, header[mapping["mis_id"]]))
    result.errors.sort(key=lambda p: p.line or 0)
    return records


def _check_row(row: _Row, mapping: dict[str, int], header: list[str],
               required: set[str]) -> tuple[dict[str, str], list[str]]:
    problems = []
    if len(row.cells) > len(header) and any(c.strip() for c in row.cells[len(header):]):
        problems.append(f"it has {len(row.cells)} values but the header has {len(header)} "
                        "columns (a comma or semicolon inside a value without quotes?)")
    record: dict[str, str] = {}
    for name, index in mapping.items():
        column, value = header[index], (row.cells[index] if index < len(row.cells) else "")
        value = value.strip()
        if not value:
            if name in required:
                problems.append(f"{column} is empty")
            record[name] = ""
            continue
        try:
            record[name] = _check_value(name, value, column)
        except _Bad as bad:
            problems.append(str(bad))
    return record, problems


def _check_value(name: str, value: str, column: str) -> str:
    limit = _LIMITS.get(name, 100)
    if len(value) > limit:
        raise _Bad(f"{column} is {len(value)} characters long; the most is {limit}")
    check = _CHECKS.get(name)
    return check(value, column) if check else value


def _duplicates(records: list[_Record], column: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for record in records:
        key = record["mis_id"]
        if key and key in seen:
            yield Problem(f"{column} '{key}' is also on line {seen[key]}", record.line)
        seen.setdefault(key, record.line)


def _guardian_duplicates(records: list[_Record], column: str) -> Iterator[Problem]:
    """A contact is on one row per child: the same child twice, or two names, is wrong."""
    pairs: dict[tuple[str, str], int] = {}
    names: dict[str, tuple[tuple[str, str], int]] = {}
    for record in records:
        key, pupil = record["mis_id"], record["pupil_id"]
        if not key:
            continue
        if pupil and (key, pupil) in pairs:
            yield Problem(f"{column} '{key}' is linked to the same pupil on line "
                          f"{pairs[key, pupil]}", record.line)
        pairs.setdefault((key, pupil), record.line)
        name = (record["first_name"], record["last_name"])
        if key in names and names[key][0] != name:
            yield Problem(f"{column} '{key}' has a different name on line {names[key][1]}",
                          record.line)
        names.setdefault(key, (name, record.line))


# Saving ------------------------------------------------------------------------------------

@transaction.atomic
def _save(school: Organisation, kind: str, records: list[_Record],
          result: ImportResult, user: User | None) -> None:
    Organisation.objects.select_for_update().filter(pk=school.pk).first()  # one import at a time
    pupils: dict[str, int] = {}
    if kind == "guardians":
        pupils = dict(Pupil.objects.filter(school=school).values_list("mis_id", "pk"))
        result.errors.extend(_unknown_pupils(records, result, pupils))
        if result.errors:
            return
    fields = [f for f in _STORED[kind] if f in result.columns]
    result.created, result.updated, result.unchanged = _upsert(
        _MODELS[kind], school, _one_per_id(records), fields)
    if kind == "guardians":
        result.links_added = _link_guardians(school, records, pupils)
    Organisation.objects.filter(pk=school.pk).update(
        registry_version=models.F("registry_version") + 1)
    school.refresh_from_db(fields=["registry_version"])
    log("roster.imported", actor=user, subject=school, organisation=school, data={
        "kind": kind, "rows": result.rows, "created": result.created,
        "updated": result.updated, "unchanged": result.unchanged,
        "links_added": result.links_added, "encoding": result.encoding,
        "columns": sorted(result.columns.values())})
    result.imported = True


def _unknown_pupils(records: list[_Record], result: ImportResult,
                    pupils: dict[str, int]) -> Iterator[Problem]:
    column = result.columns["pupil_id"]
    for record in records:
        if record["pupil_id"] not in pupils:
            yield Problem(f"{column} '{record['pupil_id']}' is not a pupil of this school "
                          "(import the pupils first)", record.line)


def _one_per_id(records: list[_Record]) -> list[_Record]:
    """A guardian is on one row per child; keep the first row of each."""
    first: dict[str, _Record] = {}
    for record in records:
        first.setdefault(record["mis_id"], record)
    return list(first.values())


def _upsert(model: type[models.Model], school: Organisation, records: list[_Record],
            fields: list[str]) -> tuple[int, int, int]:
    """(created, updated, unchanged). A column missing from the file leaves its field alone."""
    manager = model._default_manager
    existing = {getattr(obj, "mis_id"): obj  # noqa: B009 - any of three models
                for obj in manager.filter(school=school).order_by("-pk")}  # lowest pk wins
    new, changed = [], []
    for record in records:
        values = {f: record[f] for f in fields}
        obj = existing.get(record["mis_id"])
        if obj is None:
            new.append(model(school=school, mis_id=record["mis_id"], **values))
        elif any(getattr(obj, f) != v for f, v in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    manager.bulk_create(new, batch_size=500)
    if changed:
        manager.bulk_update(changed, fields, batch_size=500)
    return len(new), len(changed), len(records) - len(new) - len(changed)


def _link_guardians(school: Organisation, records: list[_Record],
                    pupils: dict[str, int]) -> int:
    """Adds the links in the file; links not in it are kept (a partial export loses none)."""
    guardians = dict(Guardian.objects.filter(school=school).order_by("-pk")
                     .values_list("mis_id", "pk"))
    through = Guardian.pupils.through
    have = set(through.objects.filter(guardian__school=school)
               .values_list("guardian_id", "pupil_id"))
    wanted = {(guardians[r["mis_id"]], pupils[r["pupil_id"]]) for r in records}
    new = [through(guardian_id=g, pupil_id=p) for g, p in sorted(wanted - have)]
    through.objects.bulk_create(new, batch_size=500)
    return len(new)
