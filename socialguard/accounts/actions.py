"""Official accounts: add, change, retire. Webhook secrets are encrypted at rest and never
written to the audit log."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from socialguard.accounts.models import OfficialAccount
from socialguard.audit.log import log
from socialguard.lib.crypto import encrypt
from socialguard.orgs.models import Organisation


class ActionError(ValueError):
    """The account cannot be saved as given; the message says why."""


def _check(channel: str, webhook_url: str, secret: str | None, existing: str) -> None:
    if channel != OfficialAccount.Channel.WEBHOOK:
        return
    if not webhook_url.startswith("https://") and not webhook_url.startswith("http://127."):
        raise ActionError("A webhook needs an https:// address.")
    if not (secret or existing):
        raise ActionError("A webhook needs a secret to sign its requests.")


@transaction.atomic
def do_save_account(school: Organisation, *, user: User, name: str, platform: str,
                    channel: str, webhook_url: str = "", secret: str | None = None,
                    account: OfficialAccount | None = None) -> OfficialAccount:
    """Add an account, or change one; `secret=None` keeps the stored secret."""
    _check(channel, webhook_url, secret, account.webhook_secret if account else "")
    account = account or OfficialAccount(school=school)
    account.name, account.platform, account.channel = name, platform, channel
    account.webhook_url = webhook_url if channel == OfficialAccount.Channel.WEBHOOK else ""
    if secret:
        account.webhook_secret = encrypt(secret)
    created = account.pk is None
    account.save()
    log("account.created" if created else "account.changed", actor=user, subject=account,
        organisation=school, data={"name": name, "platform": platform, "channel": channel,
                                   "webhook_url": account.webhook_url,
                                   "secret_changed": bool(secret)})
    return account


@transaction.atomic
def do_retire_account(account: OfficialAccount, *, user: User) -> OfficialAccount:
    account.active = False
    account.save(update_fields=["active"])
    log("account.retired", actor=user, subject=account, organisation=account.school)
    return account
