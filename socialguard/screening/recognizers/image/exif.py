"""Open attached images safely and read the metadata the image checks need.

Shared by `image_gps` and `unapproved_device`. The file type is decided by its content,
never its name: a PNG renamed ".jpg" is read as a PNG. Anything that is not a readable
image raises `ImageError` (a `ValueError`) with a message a person can act on; the engine
turns that into HOLD. Known video containers (MP4/MOV/3GP, WebM/Matroska, AVI, MPEG) are
reported by `is_video` so the checks can skip them: Pillow cannot read them, and their
location metadata is out of scope for these checks.

Only the JPEG, PNG, WebP, GIF, TIFF and BMP decoders are used (never EPS, which runs
Ghostscript). Every image is fully decoded once (JPEGs at reduced scale via `draft`) so
that truncated files are caught, and the result (or the error) is cached by a digest of
its bytes: both checks on the same attachment in one screening decode it once.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from socialguard.screening.base import MediaItem

MAX_IMAGE_BYTES = 25 * 1024 * 1024
"""Largest attachment accepted (the same limit as items.MAX_MEDIA_BYTES)."""

MAX_IMAGE_PIXELS = 120_000_000
"""Largest image accepted, in pixels: above every phone and DSLR in schools, far below what
a decompression bomb claims. Checked before decoding, like Pillow's MAX_IMAGE_PIXELS, but
without changing Pillow's process-wide setting."""

_CACHE_SIZE = 64
# Only these decoders are ever used: no EPS (Ghostscript), PSD, ICO or other exotica.
_READABLE = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")  # JPEG also opens MPO
_WRITABLE = frozenset({"JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP"})

# EXIF tags (TIFF/EXIF 2.32 numbers).
_MAKE, _MODEL, _ORIENTATION = 0x010F, 0x0110, 0x0112
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_BODY_SERIAL, _CAMERA_SERIAL = 0xA431, 0xC62F
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4


class ImageError(ValueError):
    """An attachment cannot be screened as an image; the message says why."""


class ImageBombError(ImageError):
    """An image claims more pixels than is safe to decode (a decompression bomb)."""


@dataclass(frozen=True, slots=True)
class ImageMeta:
    """What the checks need to know about one image."""

    format: str
    width: int
    height: int
    make: str | None = None
    model: str | None = None
    serial: str | None = None
    has_gps: bool = False
    latitude: float | None = None
    longitude: float | None = None


_VIDEO_BRANDS = frozenset({
    b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"mp71", b"avc1",
    b"qt  ", b"M4V ", b"M4VH", b"M4VP", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"dash",
    b"MSNV", b"XAVC", b"f4v ",
})
# WebM / Matroska (EBML), MPEG program stream, MPEG-1 video.
_VIDEO_MAGIC = (b"\x1a\x45\xdf\xa3", b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1",
                          b"msf1", b"avif", b"avis"})


def is_video(data: bytes, mime: str | None = None) -> bool:
    """True only when the bytes are clearly a video container (or the mime type says so)."""
    if mime and mime.lower().startswith("video/"):
        return True
    head = data[:16]
    if head[4:8] == b"ftyp":
        return head[8:12] in _VIDEO_BRANDS
    if head.startswith(b"RIFF"):
        return head[8:12] == b"AVI "
    return head.startswith(_VIDEO_MAGIC)


def item_images(media: Iterable[MediaItem]) -> Iterator[tuple[int, MediaItem, ImageMeta]]:
    """(index, media, metadata) of each attached image; videos are skipped, and an unreadable
    image raises ImageError naming the file (the engine then holds the item)."""
    for index, item in enumerate(media):
        if is_video(item.data, item.mime):
            continue
        try:
            meta = read_meta(item.data)
        except ImageError as error:
            raise type(error)(f"{item.name}: {error}") from error
        yield index, item, meta


def read_meta(data: bytes) -> ImageMeta:
    """The metadata of an image, decoded once per distinct content (cached by digest).

    An unreadable image is remembered too, and raises the same error again.
    """
    key = hashlib.blake2b(data, digest_size=16).digest()
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
    if cached is None:
        try:
            cached = _read_meta(data)
        except ImageError as error:
            cached = error
        _remember(key, cached)
    if isinstance(cached, ImageError):
        raise type(cached)(str(cached))
    return cached


def _remember(key: bytes, value: ImageMeta | ImageError) -> None:
    with _LOCK:
        _CACHE[key] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


_CACHE: OrderedDict[bytes, ImageMeta | ImageError] = OrderedDict()
_LOCK = threading.Lock()


def open_image(data: bytes, *, reduced: bool = True) -> Image.Image:
    """Open and fully decode image bytes, or raise ImageError saying what is wrong.

    `reduced` lets JPEGs decode at 1/8 scale: every byte is still read (so truncation is
    caught) at a fraction of the cost. The metadata is unaffected.
    """
    return _open(data, reduced)[0]


def _open(data: bytes, reduced: bool) -> tuple[Image.Image, tuple[int, int]]:
    _check_bytes(data)
    try:
        image = Image.open(io.BytesIO(data), formats=_READABLE)
        size = _check_pixels(image)
        if reduced and image.format in {"JPEG", "MPO"}:
            image.draft("RGB", (max(image.width // 8, 1), max(image.height // 8, 1)))
        image.load()
    except ImageError:
        raise
    except Image.DecompressionBombError as error:
        raise ImageBombError(f"image is too large to open safely ({error})") from error
    except UnidentifiedImageError as error:
        raise ImageError(f"not a readable image ({_sniff_label(data)})") from error
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError) as error:
        raise ImageError(f"image is damaged or truncated ({error})") from error
    return image, size


def _check_bytes(data: bytes) -> None:
    if not data:
        raise ImageError("the file is empty")
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(
            f"image is {len(data) / 1e6:.1f} MB; the limit is {MAX_IMAGE_BYTES / 1e6:.0f} MB"
        )
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        raise ImageError("HEIC/HEIF/AVIF photos cannot be read yet; export the photo as JPEG")


def _check_pixels(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageError("image has no pixels")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageBombError(
            f"image claims {width}×{height} pixels, more than the {MAX_IMAGE_PIXELS:,} "
            "that can be opened safely (a possible decompression bomb)"
        )
    return width, height


def _sniff_label(data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return "it is a PDF"
    if data[:2] == b"PK":
        return "it is a ZIP or Office document"
    if data[:4] == b"%!PS" or data[:4] == b"\xc5\xd0\xd3\xc6":
        return "it is PostScript/EPS"
    return f"unknown or unsupported file type; images must be {', '.join(_WRITABLE_NAMES)}"


_WRITABLE_NAMES = ("JPEG", "PNG", "WebP", "GIF", "TIFF", "BMP")


def _read_meta(data: bytes) -> ImageMeta:
    image, (width, height) = _open(data, reduced=True)
    try:
        exif = image.getexif()
        make = _text(exif.get(_MAKE))
        model = _text(exif.get(_MODEL))
        serial = _text(exif.get_ifd(_EXIF_IFD).get(_BODY_SERIAL)) or _text(
            exif.get(_CAMERA_SERIAL)
        )
        gps = exif.get_ifd(_GPS_IFD)
    except Exception as error:  # malformed EXIF blocks raise many kinds of error
        raise ImageError(f"image metadata is damaged ({type(error).__name__})") from error
    lat = _coordinate(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "S")
    lon = _coordinate(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "W")
    has_gps = any(tag in gps for tag in (_GPS_LAT, _GPS_LON)) or _xmp_has_gps(image)
    return ImageMeta(
        format=str(image.format), width=width, height=height,
        make=make, model=model, serial=serial, has_gps=has_gps,
        latitude=lat if lon is not None else None, longitude=lon if lat is not None else None,
    )


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.replace("\x00", " ").split())
    return cleaned or None


def _coordinate(value: object, ref: object, negative: str) -> float | None:
    """Degrees/minutes/seconds rationals to signed decimal degrees; None if malformed."""
    try:
        degrees, minutes, seconds = (float(part) for part in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    if result != result or not 0 <= result <= 180:  # NaN or out of range
        return None
    sign = -1 if _text(ref) and str(_text(ref)).upper().startswith(negative) else 1
    return sign * result


def _xmp_has_gps(image: Image.Image) -> bool:
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return isinstance(xmp, bytes) and b"GPSLatitude" in xmp


_KEEP_INFO = frozenset({"icc_profile", "transparency", "duration", "loop", "background",
                        "dpi", "gamma", "disposal"})


def strip_metadata(data: bytes) -> bytes:
    """Re-encode an image without EXIF (GPS, device, serial), XMP, comments or text chunks.

    The picture is first turned the way its EXIF orientation says, so it still looks right
    once the orientation tag is gone. The colour profile is kept. Animated GIF/WebP keep
    their frames. Formats Pillow cannot write (MPO) are written as JPEG. Raises ImageError
    on anything that is not a readable image.
    """
    image = open_image(data, reduced=False)
    fmt = str(image.format) if image.format in _WRITABLE else "JPEG"
    frames = int(getattr(image, "n_frames", 1))
    options: dict[str, Any] = {}
    if frames > 1 and fmt in {"GIF", "WEBP"}:
        options["save_all"] = True
    elif image.getexif().get(_ORIENTATION, 1) != 1:
        image = ImageOps.exif_transpose(image)
    elif fmt == "JPEG" and image.format == "JPEG":
        options["quality"] = "keep"
    if fmt == "JPEG" and "quality" not in options:
        options["quality"] = 95
    if fmt == "JPEG" and image.mode not in {"RGB", "L", "CMYK"}:
        image = image.convert("RGB")
    image.info = {key: value for key, value in image.info.items() if key in _KEEP_INFO}
    if fmt in {"JPEG", "PNG", "WEBP", "TIFF"} and image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    out = io.BytesIO()
    try:
        image.save(out, format=fmt, **options)
    except (OSError, ValueError) as error:
        raise ImageError(f"image could not be re-saved without metadata ({error})") from error
    return out.getvalue()
