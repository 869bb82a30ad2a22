"""The `unapproved_device` check (docs/checks.md): a photo taken on a device not approved.

The photo's EXIF make and model are compared, case- and space-insensitively, with
registry.devices; a model that repeats the make ("Canon EOS 250D" against make "Canon",
model "EOS 250D") matches either way. When both the photo and the registry entry carry a
serial number (EXIF BodySerialNumber 0xA431 or CameraSerialNumber 0xC62F), it must match
too; when either lacks one, make and model decide.

A photo with no make or no model cannot be traced to a device: `unknown_device: flag`
reports it (score 0.6), `ignore` lets it through. Clear video files are skipped; any
other unreadable file raises, so the item is held.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.image.exif import (
    ImageMeta,
    item_images,
)
from socialguard.screening.roster import Device


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    unknown_device: Literal['flag', 'ignore'] = 'flag'


@dataclass(frozen=True, slots=True)
class _Approved:
    make: str
    model: str
    serial: str | None


class UnapprovedDevice(BaseRecognizer):
    name: ClassVar[str] = "unapproved_device"
    Params: ClassVar[type[BaseModel]] = Params

    def prepare(self, context: Any) -> tuple[_Approved, ...]:
        return tuple(_approved(device) for device in context.registry.devices)

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        approved: tuple[_Approved, ...] = state
        findings: list[Finding] = []
        for index, media, meta in item_images(item.media):
            if not meta.make or not meta.model:
                if params.unknown_device == "flag":
                    findings.append(_unknown(index, media.name, meta))
            elif not any(_matches(meta, device) for device in approved):
                findings.append(_unapproved(index, media.name, meta))
        return findings


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _approved(device: Device) -> _Approved:
    return _Approved(_fold(device.make), _fold(device.model), _fold(device.serial) or None)


def _same_model(make: str, photo: str, listed: str) -> bool:
    if photo == listed:
        return True
    prefix = make + " "
    return photo.removeprefix(prefix) == listed.removeprefix(prefix)


def _matches(meta: ImageMeta, device: _Approved) -> bool:
    make = _fold(meta.make)
    if make != device.make or not _same_model(make, _fold(meta.model), device.model):
        return False
    serial = _fold(meta.serial)
    return not (serial and device.serial) or serial == device.serial


def _device_data(meta: ImageMeta) -> dict[str, Any]:
    return {"make": meta.make, "model": meta.model, "serial": meta.serial}


def _unapproved(index: int, name: str, meta: ImageMeta) -> Finding:
    device = f"{meta.make} {meta.model}"
    if meta.model and meta.make and _fold(meta.model).startswith(_fold(meta.make)):
        device = str(meta.model)
    return Finding(
        check=UnapprovedDevice.name, text=name, media=index,
        explanation=f"The photo {name} was taken on a {device}, which is not one of the "
                    "school's approved devices.",
        data={**_device_data(meta), "reason": "unapproved"},
    )


def _unknown(index: int, name: str, meta: ImageMeta) -> Finding:
    return Finding(
        check=UnapprovedDevice.name, text=name, media=index, score=0.6,
        explanation=f"The photo {name} does not say which device took it, so we cannot "
                    "confirm it was taken on a school-approved device.",
        data={**_device_data(meta), "reason": "unknown_device"},
    )
