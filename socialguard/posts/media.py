"""Photos attached to posts: checked by content, stored with metadata stripped (C9)."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction

from socialguard.audit.log import log
from socialguard.posts.models import EDITABLE, Media, Post
from socialguard.screening.recognizers.image.exif import ImageError, open_image, strip_metadata

ALLOWED = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}


class PhotoError(ValueError):
    """The upload is not a photo we can publish; the message says why."""


def _kind(data: bytes) -> tuple[str, str]:
    try:
        image = open_image(data)
    except ImageError as error:
        raise PhotoError(f"That file is not a usable photo: {error}") from error
    if image.format not in ALLOWED:
        raise PhotoError(f"{image.format or 'That'} files are not accepted; use JPEG or PNG.")
    return ALLOWED[image.format]


@transaction.atomic
def do_attach_photo(post: Post, user: User, data: bytes, name: str) -> Media:
    if post.author_id != user.pk or post.state not in EDITABLE:
        raise PhotoError("Photos can be added only by the author, before the post goes out.")
    content_type, extension = _kind(data)
    published = strip_metadata(data)
    digest = hashlib.sha256(published).hexdigest()
    media = Media(post=post, sha256=digest, content_type=content_type)
    media.published_file.save(f"{digest[:16]}.{extension}", ContentFile(published), save=False)
    media.original_file.save(f"{digest[:16]}-original.{extension}", ContentFile(data),
                             save=False)
    media.save()
    log("post.photo_added", actor=user, subject=post, organisation=post.school,
        data={"sha256": digest, "name": name[:100]})
    return media
