"""image_gps: images that carry a GPS location; broken files raise; strip_metadata."""

import io

import pytest
from PIL import Image

from socialguard.screening.base import MediaItem
from socialguard.screening.recognizers.image.exif import (
    ImageBombError,
    ImageError,
    read_meta,
)
from socialguard.screening.recognizers.image.image_gps import strip_metadata
from socialguard.screening.testing import decision_for, run_check

from ._images import GPS, fixture, photo, png_claiming, real_bomb

CASES = [
    # media, expected (media index, latitude, longitude) per finding
    ([fixture("gps.jpg")], [(0, 52.45, -1.907)]),
    ([fixture("plain.jpg")], []),
    ([fixture("unapproved.jpg")], []),
    ([fixture("noexif.png")], []),
    ([fixture("plain.jpg"), fixture("gps.jpg")], [(1, 52.45, -1.907)]),
    ([MediaItem("png.jpg", fixture("noexif.png").data)], []),  # a PNG renamed .jpg
    ([MediaItem("p.png", photo("PNG", gps=GPS, make="Apple"))], [(0, 52.45, -1.907)]),
    ([MediaItem("p.webp", photo("WEBP", gps=GPS))], [(0, 52.45, -1.907)]),
    ([MediaItem("s.jpg", photo(gps={1: "S", 2: (33.0, 51.0, 0.0), 3: "E",
                                    4: (151.0, 12.0, 0.0)}))], [(0, -33.85, 151.2)]),
    ([MediaItem("bad.jpg", photo(gps={1: "N", 2: (52.0, 26.0)}))], [(0, None, None)]),
    ([MediaItem("x.jpg", photo(xmp=b'<x:xmpmeta><rdf:Description exif:GPSLatitude="52,26N"/>'
                                   b"</x:xmpmeta>"))], [(0, None, None)]),
    ([MediaItem("clip.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\0" * 64)],
     []),
    ([MediaItem("clip.mov", b"not a real video", mime="video/quicktime")], []),
    ([MediaItem("clip.webm", b"\x1a\x45\xdf\xa3" + b"\0" * 64)], []),
    ([], []),
]


@pytest.mark.parametrize(("media", "expected"), CASES)
def test_image_gps(media, expected):
    findings = run_check("image_gps", "A photo", media=media)
    assert [(f.media, f.data["latitude"], f.data["longitude"]) for f in findings] == expected
    for finding in findings:
        assert finding.data["remedy"] == {
            "kind": "strip_metadata", "media": finding.media,
            "description": finding.data["remedy"]["description"]}
        assert finding.span is None


BROKEN = [
    (MediaItem("broken.jpg", fixture("broken.jpg").data), ImageError, "truncated"),
    (MediaItem("empty.jpg", b""), ImageError, "empty"),
    (MediaItem("letter.jpg", b"%PDF-1.7 not an image"), ImageError, "PDF"),
    (MediaItem("noise.jpg", bytes(range(256)) * 8), ImageError, "not a readable image"),
    (MediaItem("x.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"), ImageError,
     "EPS"),
    (MediaItem("x.ico", b"\x00\x00\x01\x00\x01\x00\x10\x10" + b"\0" * 64), ImageError,
     "unsupported"),
    (MediaItem("iphone.heic", b"\x00\x00\x00\x18ftypheic" + b"\0" * 64), ImageError, "HEIC"),
    (MediaItem("claims.png", png_claiming(20_000, 20_000)), ImageBombError, "too large"),
    (MediaItem("claims2.png", png_claiming(11_000, 11_000)), ImageBombError,
     "decompression bomb"),
    (MediaItem("huge.jpg", b"\xff\xd8" + b"\0" * (26 * 1024 * 1024)), ImageError, "limit"),
]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(("media", "error", "words"), BROKEN)
def test_unreadable_images_raise(media, error, words):
    with pytest.raises(error, match=words) as raised:
        run_check("image_gps", "", media=[fixture("plain.jpg"), media])
    assert media.name in str(raised.value)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_real_decompression_bomb_is_refused(tmp_path):
    data = real_bomb(tmp_path / "bomb.png")
    assert len(data) < 100_000
    with pytest.raises(ImageBombError, match="decompression bomb"):
        run_check("image_gps", "", media=[MediaItem("bomb.png", data)])


def test_broken_image_holds_the_item():
    item_media = (MediaItem("broken.jpg", fixture("broken.jpg").data),)
    assert decision_for("image_gps", "A photo", media=item_media) == "HOLD"


def test_metadata_is_read_once_per_content():
    data = photo(gps=GPS, make="Apple", model="iPad")
    assert read_meta(data) is read_meta(bytes(bytearray(data)))


def test_an_unreadable_image_fails_the_same_way_twice():
    data = fixture("broken.jpg").data
    messages = []
    for _ in range(2):
        with pytest.raises(ImageError) as raised:
            read_meta(data)
        messages.append(str(raised.value))
    assert messages[0] == messages[1]


STRIP = [
    ("JPEG", photo(gps=GPS, make="Apple", model="iPad", serial="X1")),
    ("PNG", photo("PNG", gps=GPS, make="Apple", model="iPad")),
    ("WEBP", photo("WEBP", gps=GPS, make="Apple", model="iPad")),
    ("TIFF", photo("TIFF", make="Apple", model="iPad")),  # Pillow writes no GPS IFD to TIFF
    ("JPEG", fixture("gps.jpg").data),
]


@pytest.mark.parametrize(("fmt", "data"), STRIP)
def test_strip_metadata(fmt, data):
    before = read_meta(data)
    assert before.make == "Apple"
    assert before.has_gps is (fmt != "TIFF")
    stripped = strip_metadata(data)
    meta = read_meta(stripped)
    assert (meta.format, meta.width, meta.height) == (fmt, 32, 32)
    assert (meta.has_gps, meta.make, meta.model, meta.serial) == (False, None, None, None)
    assert run_check("image_gps", "", media=[MediaItem("x", stripped)]) == []


def test_strip_metadata_keeps_the_picture_upright():
    data = photo(orientation=6, size=(40, 20), make="Apple", model="iPad")
    image = Image.open(io.BytesIO(strip_metadata(data)))
    assert image.size == (20, 40)
    assert 0x0112 not in image.getexif()


@pytest.mark.parametrize("data", [b"", fixture("broken.jpg").data, png_claiming(20_000, 20_000)])
def test_strip_metadata_refuses_unreadable_images(data):
    with pytest.raises(ImageError):
        strip_metadata(data)
