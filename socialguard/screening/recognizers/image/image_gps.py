"""The `image_gps` check (docs/checks.md): an attached image carries GPS location metadata.

A photo's EXIF (or XMP) GPS tags say where it was taken, often a pupil's home or the school
gate, to a few metres. Each image with a location gives one finding on its `media` index,
with the position rounded to 3 decimal places (about 100 m) in `data`, and the remedy
`strip_metadata`, which the product performs with `strip_metadata()` below.

Files that are clearly video (exif.is_video) are skipped: this check reads image metadata
only. Anything else that is not a readable image raises, so the item is held.
"""

from __future__ import annotations

from typing import Any, ClassVar

from socialguard.screening.base import BaseRecognizer, ContentItem, Finding
from socialguard.screening.recognizers.image.exif import (
    ImageError,
    ImageMeta,
    item_images,
    strip_metadata,
)

__all__ = ["ImageError", "ImageGps", "strip_metadata"]

_REMEDY = "Remove the location and camera details from the photo before publishing."


class ImageGps(BaseRecognizer):
    name: ClassVar[str] = "image_gps"

    def analyze(self, item: ContentItem, context: Any, params: Any, state: Any) -> list[Finding]:
        return [_finding(index, media.name, meta)
                for index, media, meta in item_images(item.media) if meta.has_gps]


def _finding(index: int, name: str, meta: ImageMeta) -> Finding:
    where = ""
    if meta.latitude is not None and meta.longitude is not None:
        where = f" ({meta.latitude:.3f}, {meta.longitude:.3f})"
    return Finding(
        check=ImageGps.name,
        text=name,
        media=index,
        explanation=(
            f"The photo {name} records the exact place it was taken{where}, which could "
            "show strangers where a child lives or goes to school."
        ),
        data={
            "latitude": _rounded(meta.latitude),
            "longitude": _rounded(meta.longitude),
            "remedy": {"kind": "strip_metadata", "description": _REMEDY, "media": index},
        },
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
