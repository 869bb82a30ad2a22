"""Webhook channel: signed JSON POST to the school's own automation."""

from socialguard.posts.channels.webhook.channel import (
    WebhookChannel,
    payload,
    sign,
    verify_signature,
)

__all__ = ["WebhookChannel", "payload", "sign", "verify_signature"]
