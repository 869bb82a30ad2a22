"""`socialguard audit-verify`: prove the audit chain intact (exit 1 and say where if not)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from socialguard.audit.log import verify


class Command(BaseCommand):
    help = "Recompute every audit event's hash and check the chain links end to end."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify()
        if not result.ok:
            raise CommandError(f"audit chain broken after {result.checked} good events: "
                               f"{result.problem}")
        self.stdout.write(f"audit chain intact: {result.checked} events")
