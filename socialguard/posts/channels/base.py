"""The contract between publishing and a channel.

Plain data in, plain data out. A channel never touches the database: the posts actions
build the `Delivery` from a Publication and record the `SendResult` it gets back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

SendStatus = Literal["sent", "pending", "failed"]


@dataclass(frozen=True)
class Delivery:
    """One post going out to one account, as the channel needs it.

    `idempotency_key` is the publication's: the same on every attempt to send the same
    publication, so a receiver can tell a retry from a new post. `url` and `secret` are
    the account's webhook URL and signing secret (empty for channels that do not use
    them). `media` holds URLs (or storage paths) of the published, metadata-free files.
    """

    publication_id: int
    idempotency_key: str
    account_name: str
    text: str
    post_id: int
    version: int
    url: str = ""
    secret: str = ""
    media: Sequence[str] = field(default_factory=tuple)
    written_by: str = ""
    approved_by: str = ""
    platform: str = ""


@dataclass(frozen=True, slots=True)
class SendResult:
    """What happened. `failed` with `permanent=False` is worth retrying with the same
    idempotency key; `permanent=True` means retrying cannot help until someone changes
    something (the `error` says what). On `sent`, `error` may carry a note."""

    status: SendStatus
    live_url: str = ""
    error: str = ""
    permanent: bool = False


class Channel(Protocol):
    """A way of getting an approved post onto an official account."""

    kind: str

    def send(self, delivery: Delivery) -> SendResult:
        """Try once to send. Must not raise for delivery problems: return `failed`."""
        ...
