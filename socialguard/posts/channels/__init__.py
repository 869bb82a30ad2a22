"""Channels a publication can go out through, in one plain map of dotted paths.

Adding a channel: copy a sibling folder (`manual/`, `webhook/`), change it, add one line
here, add its table of tests in `tests/`. See docs/channels.md. Modules are imported on
first use.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import cast

from socialguard.posts.channels.base import Channel

CHANNELS: dict[str, str] = {
    "manual": "socialguard.posts.channels.manual.ManualChannel",
    "webhook": "socialguard.posts.channels.webhook.WebhookChannel",
}


class UnknownChannel(KeyError):
    """An account names a channel that does not exist."""


@cache
def channel_for(kind: str) -> Channel:
    """The channel for a kind, imported and instantiated once."""
    try:
        dotted = CHANNELS[kind]
    except KeyError:
        known = ", ".join(sorted(CHANNELS))
        raise UnknownChannel(f"no channel called {kind!r} (known: {known})") from None
    module_name, _, class_name = dotted.rpartition(".")
    module = importlib.import_module(module_name)
    return cast(Channel, getattr(module, class_name)())
