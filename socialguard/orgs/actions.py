"""Changes to organisations: which policy pack they run and its settings (P1)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from socialguard.audit.log import log
from socialguard.orgs.models import Organisation
from socialguard.policies.loader import PackError, load_pack


class ActionError(ValueError):
    """The change cannot be made; the message says why."""


def _checked_settings(pack_id: str, settings: dict[str, Any]) -> dict[str, Any]:
    defaults = load_pack(pack_id).policy.settings
    checked = {}
    for key, value in settings.items():
        if key not in defaults:
            raise ActionError(f"{key} is not a setting of the {pack_id} policy.")
        default = defaults[key]
        if isinstance(default, bool) or not isinstance(default, int | str):
            raise ActionError(f"{key} cannot be changed here.")
        checked[key] = _typed(key, default, value)
    return {k: v for k, v in checked.items() if v != defaults[k]}


def _typed(key: str, default: int | str, value: Any) -> int | str:
    if isinstance(default, str):
        return str(value).strip()
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ActionError(f"{key} must be int.") from None
    if number < 0:
        raise ActionError(f"{key} cannot be negative.")
    return number


@transaction.atomic
def do_set_policy(organisation: Organisation, pack_id: str, settings: dict[str, Any], *,
                  user: User) -> Organisation:
    """Choose the pack (not for a school of a trust: the trust's applies) and override its
    settings; only values that differ from the pack's are kept."""
    if organisation.trust_id and pack_id != organisation.pack_id:
        raise ActionError("This school runs its trust's policy; the trust changes it.")
    try:
        overrides = _checked_settings(pack_id, settings)
    except PackError as error:
        raise ActionError(str(error)) from error
    old = {"pack": organisation.policy_pack, "settings": organisation.policy_settings}
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not organisation.trust_id:
        organisation.policy_pack = pack_id
    organisation.policy_settings = overrides
    organisation.save(update_fields=["policy_pack", "policy_settings"])
    log("organisation.policy_changed", actor=user, subject=organisation,
        organisation=organisation,
        data={"old": old, "new": {"pack": pack_id, "settings": overrides}})
    return organisation
