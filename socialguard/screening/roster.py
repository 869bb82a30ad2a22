"""The registry file: the school's own people, contacts and devices (docs/registry.md).

The engine finds a pupil because the roster has them, not because a model guesses a name.
The web application produces the same shape from its database.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Organisation(_Strict):
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    website: str | None = None
    address: str | None = None


class Consent(_Strict):
    """Parental consent by purpose; absent means not given."""

    social_media: bool = False
    website: bool = False
    press: bool = False


class Pupil(_Strict):
    id: str = Field(min_length=1)
    first_name: str = Field(min_length=1)
    last_name: str = Field(min_length=1)
    preferred_name: str | None = None
    year: str | int | None = None
    consent: Consent = Consent()
    do_not_publish: bool = False


class StaffMember(_Strict):
    id: str = Field(min_length=1)
    first_name: str = Field(min_length=1)
    last_name: str = Field(min_length=1)
    title: str | None = None
    role: str | None = None
    personal_phones: tuple[str, ...] = ()
    personal_emails: tuple[str, ...] = ()


class Guardian(_Strict):
    id: str = Field(min_length=1)
    first_name: str = Field(min_length=1)
    last_name: str = Field(min_length=1)
    pupils: tuple[str, ...] = ()


class Device(_Strict):
    make: str = Field(min_length=1)
    model: str = Field(min_length=1)
    serial: str | None = None


class Registry(_Strict):
    organisation: Organisation
    pupils: tuple[Pupil, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    guardians: tuple[Guardian, ...] = ()
    devices: tuple[Device, ...] = ()

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Registry:
        for label, people in (
            ("pupil", self.pupils),
            ("staff", self.staff),
            ("guardian", self.guardians),
        ):
            seen: set[str] = set()
            for person in people:
                if person.id in seen:
                    raise ValueError(f"duplicate {label} id {person.id!r}")
                seen.add(person.id)
        return self


class RegistryError(ValueError):
    """The registry file cannot be used; the message says where and why."""


def load_registry(path: Path) -> Registry:
    """Read and validate a registry file, or raise RegistryError naming the problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RegistryError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise RegistryError(f"{path}: not UTF-8 text ({error.reason})") from error
    except json.JSONDecodeError as error:
        raise RegistryError(f"{path}: not JSON: {error.msg} at line {error.lineno}") from error
    try:
        return Registry.model_validate(raw)
    except ValidationError as error:
        raise RegistryError(f"{path}: {_first_error(error)}") from error


def _first_error(error: ValidationError) -> str:
    problems = [
        f"{'.'.join(str(part) for part in item['loc']) or 'top level'}: {item['msg']}"
        for item in error.errors()[:3]
    ]
    more = error.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")
