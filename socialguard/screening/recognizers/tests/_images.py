"""Image builders shared by the image_gps and unapproved_device tests."""

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

from socialguard.screening.base import MediaItem

FIXTURES = Path(__file__).resolve().parents[3] / "policies" / "packs" / "fixtures"
GPS = {1: "N", 2: (52.0, 26.0, 59.0), 3: "W", 4: (1.0, 54.0, 24.0)}


def fixture(name: str) -> MediaItem:
    return MediaItem(name=name, data=(FIXTURES / name).read_bytes())


def photo(fmt: str = "JPEG", *, make: str | None = None, model: str | None = None,
          serial: str | None = None, gps: dict | None = None, orientation: int | None = None,
          size: tuple[int, int] = (32, 32), xmp: bytes | None = None) -> bytes:
    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    if orientation:
        exif[0x0112] = orientation
    if serial:
        exif.get_ifd(0x8769)[0xA431] = serial
    if gps:
        exif.get_ifd(0x8825).update(gps)
    image = Image.new("RGB", size, (90, 120, 200))
    out = io.BytesIO()
    options = {"exif": exif} if len(exif) or gps or serial else {}
    if xmp:
        options["xmp"] = xmp
    image.save(out, fmt, **options)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims the given size (a decompression bomb's calling card)."""
    data = photo("PNG", size=(1, 1))
    ihdr = struct.pack(">II", width, height) + data[24:29]
    chunk = b"IHDR" + ihdr
    crc = struct.pack(">I", zlib.crc32(chunk))
    return data[:8] + struct.pack(">I", 13) + chunk + crc + data[33:]


def real_bomb(path: Path) -> bytes:
    """A genuine bomb: 11,000 × 11,000 black pixels that compress to a few kilobytes."""
    Image.new("1", (11_000, 11_000)).save(path, "PNG")
    return path.read_bytes()
