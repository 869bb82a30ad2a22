"""The checks a policy rule can name, in one plain map of dotted paths.

Adding a check: copy a sibling recognizer file, change it, add one line here, add its
table of cases beside it in tests/. Modules are imported on first use.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import cast

from socialguard.screening.base import Recognizer

_BASE = "socialguard.screening.recognizers"

CHECKS: dict[str, str] = {
    # Children (C2, C3, C4)
    "pupil_named": f"{_BASE}.text.pupil_named.PupilNamed",
    "pupil_consent": f"{_BASE}.item.pupil_consent.PupilConsent",
    "pupil_do_not_publish": f"{_BASE}.item.do_not_publish.DoNotPublish",
    "untagged_media": f"{_BASE}.item.untagged_media.UntaggedMedia",
    "pupil_tagged": f"{_BASE}.item.pupil_tagged.PupilTagged",
    # People and contact details (C8, S3)
    "staff_named": f"{_BASE}.text.staff_named.StaffNamed",
    "parent_named": f"{_BASE}.text.parent_named.ParentNamed",
    "personal_phone": f"{_BASE}.text.personal_phone.PersonalPhone",
    "personal_email": f"{_BASE}.text.personal_email.PersonalEmail",
    "personal_address": f"{_BASE}.text.personal_address.PersonalAddress",
    # Location and devices (C7, C9)
    "live_location": f"{_BASE}.text.live_location.LiveLocation",
    "image_gps": f"{_BASE}.image.image_gps.ImageGps",
    "unapproved_device": f"{_BASE}.image.unapproved_device.UnapprovedDevice",
    # Language (C6, C10, C11, E2, E3, S2)
    "offensive_language": f"{_BASE}.text.offensive_language.OffensiveLanguage",
    "derogatory_remark": f"{_BASE}.text.derogatory_remark.DerogatoryRemark",
    "confidential_matter": f"{_BASE}.text.confidential_matter.ConfidentialMatter",
    "text_speak": f"{_BASE}.text.text_speak.TextSpeak",
    "spelling": f"{_BASE}.text.spelling.Spelling",
    "missing_disclaimer": f"{_BASE}.text.missing_disclaimer.MissingDisclaimer",
    "school_named": f"{_BASE}.text.school_named.SchoolNamed",
    "journalist_contact": f"{_BASE}.text.journalist_contact.JournalistContact",
    # Links (C6, C11)
    "blocked_link": f"{_BASE}.text.blocked_link.BlockedLink",
    "school_website_link": f"{_BASE}.text.school_website_link.SchoolWebsiteLink",
    # Accountability (C13)
    "author_missing": f"{_BASE}.item.author_missing.AuthorMissing",
}


class UnknownCheck(KeyError):
    """A rule names a check that does not exist."""


@cache
def recognizer(name: str) -> Recognizer:
    """The recognizer for a check name, imported and instantiated once."""
    try:
        dotted = CHECKS[name]
    except KeyError:
        raise UnknownCheck(name) from None
    module_name, _, class_name = dotted.rpartition(".")
    module = importlib.import_module(module_name)
    return cast(Recognizer, getattr(module, class_name)())
