"""Manual channel: the approver posts by hand and records the live URL."""

from socialguard.posts.channels.manual.channel import (
    PLATFORM_DOMAINS,
    InvalidLiveUrl,
    ManualChannel,
    validate_live_url,
)

__all__ = ["PLATFORM_DOMAINS", "InvalidLiveUrl", "ManualChannel", "validate_live_url"]
