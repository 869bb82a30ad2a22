"""Official accounts: secrets encrypted at rest, never audited, the webhook path end to end."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from socialguard.accounts.actions import ActionError, do_save_account
from socialguard.accounts.models import OfficialAccount
from socialguard.audit.models import AuditEvent
from socialguard.lib.crypto import SecretUnreadable, decrypt, encrypt
from socialguard.orgs.models import Membership, Role
from socialguard.posts import actions
from socialguard.posts.channels.webhook.channel import verify_signature
from socialguard.posts.models import State

SECRET = "s3cret-signing-key"


@pytest.fixture
def admin(school):
    user = User.objects.create_user("tom", password="pw")
    Membership.objects.create(user=user, organisation=school, role=Role.ACCOUNT_ADMIN)
    return user


def test_secrets_round_trip_and_refuse_plain_or_foreign_values(settings):
    stored = encrypt(SECRET)
    assert stored.startswith("enc1:") and SECRET not in stored
    assert decrypt(stored) == SECRET
    with pytest.raises(SecretUnreadable):
        decrypt(SECRET)
    settings.SECRET_KEY = "another key entirely"
    with pytest.raises(SecretUnreadable, match="enter it again"):
        decrypt(stored)


@pytest.mark.django_db
def test_the_secret_is_encrypted_in_the_database_and_absent_from_the_audit(school, admin):
    account = do_save_account(school, user=admin, name="Hook", platform="website",
                              channel="webhook", webhook_url="https://hooks.example/sg",
                              secret=SECRET)
    assert SECRET not in OfficialAccount.objects.get(pk=account.pk).webhook_secret
    assert SECRET not in json.dumps(list(AuditEvent.objects.values("data")))


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "secret", "message"), [
    ("http://hooks.example/sg", SECRET, "https://"),
    ("https://hooks.example/sg", "", "needs a secret"),
])
def test_a_webhook_needs_https_and_a_secret(school, admin, url, secret, message):
    with pytest.raises(ActionError, match=message):
        do_save_account(school, user=admin, name="Hook", platform="website",
                        channel="webhook", webhook_url=url, secret=secret)


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("alice", 404), ("bob", 404), ("tom", 200)])
def test_accounts_page_is_for_account_administrators(client, school, alice, bob, admin, who,
                                                     status):
    client.force_login({"alice": alice, "bob": bob, "tom": admin}[who])
    assert client.get(reverse("accounts:list", args=[school.pk])).status_code == status


class _Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        answer = json.dumps({"live_url": "https://www.facebook.com/oakfield/posts/99"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.mark.django_db(transaction=True)
def test_an_approved_post_goes_out_once_by_signed_webhook(school, alice, bob, admin):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        account = do_save_account(school, user=admin, name="Automation", platform="facebook",
                                  channel="webhook", secret=SECRET,
                                  webhook_url=f"http://127.0.0.1:{server.server_port}/hook")
        post = actions.do_create_post(school, alice, "Harvest festival today!",
                                      accounts=[account])
        actions.do_submit(post, alice)
        post.refresh_from_db()
        actions.do_approve(post, bob, post.version)
        post.refresh_from_db()
        assert post.state == State.PUBLISHED
        assert post.publications.get().live_url.endswith("/posts/99")
        [(headers, body)] = _Receiver.received
        assert verify_signature(SECRET, headers["X-Socialguard-Timestamp"], body,
                                headers["X-Socialguard-Signature"], timezone.now())
        from socialguard.posts.tasks import publish_post

        publish_post.call(post.pk, post.version)  # a retried task sends nothing more
        assert len(_Receiver.received) == 1
    finally:
        server.shutdown()
