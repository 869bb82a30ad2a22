"""unapproved_device: photos from devices not on the approved list; unknown devices."""

import pytest

from socialguard.screening.base import MediaItem
from socialguard.screening.recognizers.image.exif import ImageError
from socialguard.screening.testing import run_check

from ._images import fixture, photo

IPAD = {"make": "Apple", "model": "iPad (9th generation)"}

CASES = [
    # media, params, expected (media index, reason) per finding
    ([fixture("gps.jpg")], {}, []),
    ([fixture("plain.jpg")], {}, []),
    ([fixture("unapproved.jpg")], {}, [(0, "unapproved")]),
    ([fixture("noexif.png")], {}, [(0, "unknown_device")]),
    ([fixture("noexif.png")], {"unknown_device": "ignore"}, []),
    ([fixture("plain.jpg"), fixture("unapproved.jpg"), fixture("noexif.png")], {},
     [(1, "unapproved"), (2, "unknown_device")]),
    ([MediaItem("png.jpg", fixture("noexif.png").data)], {}, [(0, "unknown_device")]),
    # make/model comparison: case, spacing, the make repeated in the model
    ([MediaItem("a.jpg", photo(make="APPLE", model="ipad  (9th Generation)"))], {}, []),
    ([MediaItem("c.jpg", photo(make="Canon", model="Canon EOS 250D"))], {}, []),
    ([MediaItem("c.jpg", photo(make="Canon", model="EOS 250D"))], {}, []),
    ([MediaItem("c.jpg", photo(make="Canon", model="Canon EOS 2000D"))], {},
     [(0, "unapproved")]),
    ([MediaItem("a.jpg", photo(make="Apple", model="iPhone 15"))], {}, [(0, "unapproved")]),
    # serial: compared only when both have one
    ([MediaItem("s.jpg", photo(**IPAD, serial="DMPXK1ABCD12"))], {}, []),
    ([MediaItem("s.jpg", photo(**IPAD, serial="dmpxk1abcd12"))], {}, []),
    ([MediaItem("s.jpg", photo(**IPAD, serial="OTHER0000001"))], {}, [(0, "unapproved")]),
    ([MediaItem("s.jpg", photo(**IPAD))], {}, []),
    # make or model alone is not enough to know the device
    ([MediaItem("m.jpg", photo(make="Apple"))], {}, [(0, "unknown_device")]),
    ([MediaItem("m.jpg", photo(model="iPad (9th generation)"))], {"unknown_device": "ignore"},
     []),
    # homoglyphs in EXIF are not folded: a Cyrillic "А" is a different device
    ([MediaItem("h.jpg", photo(make="\u0410pple", model="iPad (9th generation)"))], {},
     [(0, "unapproved")]),
    # video is skipped
    ([MediaItem("clip.mp4", b"\x00\x00\x00\x18ftypisom" + b"\0" * 64)], {}, []),
    ([], {}, []),
]


@pytest.mark.parametrize(("media", "params", "expected"), CASES)
def test_unapproved_device(media, params, expected):
    findings = run_check("unapproved_device", "A photo", media=media, params=params)
    assert [(f.media, f.data["reason"]) for f in findings] == expected
    assert all(f.span is None for f in findings)


def test_explanation_names_the_device():
    [finding] = run_check("unapproved_device", "", media=[fixture("unapproved.jpg")])
    assert "Samsung SM-G991B" in finding.explanation
    assert finding.data["make"] == "Samsung"


@pytest.mark.parametrize("data", [b"", fixture("broken.jpg").data, b"GIF89a\x01"])
def test_unreadable_images_raise(data):
    with pytest.raises(ImageError):
        run_check("unapproved_device", "", media=[MediaItem("bad.jpg", data)])
