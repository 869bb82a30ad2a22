"""`api_token create USERNAME NAME` (prints the token, once) and `api_token revoke PREFIX`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from socialguard.api.actions import TokenError, do_create_token, do_revoke_token
from socialguard.api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for a user (shown once) or revoke one by its prefix."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token and print it once.")
        create.add_argument("username")
        create.add_argument("name", help="What the token is for, e.g. 'newsletter sync'.")
        revoke = actions.add_parser("revoke", help="Revoke a token by its 8-character prefix.")
        revoke.add_argument("prefix", help="The 8 characters after sg_, or the whole token.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "create":
                self._create(options["username"], options["name"])
            else:
                self._revoke(options["prefix"])
        except TokenError as error:
            raise CommandError(str(error)) from None

    def _create(self, username: str, name: str) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        token, plaintext = do_create_token(user, name)
        self.stdout.write(plaintext)
        self.stderr.write(f"Token {token.key_prefix} for {username} ({name}). Copy it now: "
                          "it is not stored and cannot be shown again.")

    def _revoke(self, prefix: str) -> None:
        prefix = prefix.removeprefix("sg_")[:8]
        token = ApiToken.objects.filter(key_prefix=prefix).first()
        if token is None:
            raise CommandError(f"No token with prefix {prefix!r}.")
        do_revoke_token(token, by=None)
        self.stdout.write(f"Revoked {token.key_prefix} ({token.name}, "
                          f"{token.user.get_username()}).")
