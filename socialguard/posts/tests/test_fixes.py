"""The fixes the product applies to text itself."""

import pytest

from socialguard.posts.fixes import CannotFix, apply

CASES = [
    ("Hi James Smith!", {"kind": "redact", "spans": [[3, 14]]}, "Hi [removed]!"),
    ("A B C", {"kind": "redact", "spans": [[4, 5], [0, 1]]}, "[removed] B [removed]"),
    ("A", {"kind": "redact", "spans": [[0, 99]]}, "A"),  # a span outside the text is ignored
    ("Fair today.  ", {"kind": "add_link", "url": "https://x.sch.uk"},
     "Fair today.\nhttps://x.sch.uk"),
    ("Tired.", {"kind": "add_disclaimer", "text": "Views my own."}, "Tired.\n\nViews my own."),
]


@pytest.mark.parametrize(("text", "remedy", "fixed"), CASES)
def test_apply(text, remedy, fixed):
    assert apply(text, remedy) == fixed


@pytest.mark.parametrize("remedy", [{"kind": "strip_metadata"}, {"kind": "add_link"}, {}])
def test_fixes_the_product_cannot_make_say_so(remedy):
    with pytest.raises(CannotFix):
        apply("text", remedy)
