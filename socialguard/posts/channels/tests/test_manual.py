"""Manual channel and the channel registry."""

from __future__ import annotations

import pytest

from socialguard.posts.channels import CHANNELS, UnknownChannel, channel_for
from socialguard.posts.channels.base import Delivery
from socialguard.posts.channels.manual import InvalidLiveUrl, ManualChannel, validate_live_url

DELIVERY = Delivery(publication_id=1, idempotency_key="post-1-v1-account-1",
                    account_name="Oakfield Primary on Facebook", text="Sports day!", post_id=1,
                    version=1)


def test_it_leaves_the_post_pending_for_the_approver():
    result = ManualChannel().send(DELIVERY)
    assert (result.status, result.live_url, result.error) == ("pending", "", "")


def test_it_needs_no_url_or_secret():
    assert ManualChannel().send(DELIVERY).status == "pending"


@pytest.mark.parametrize("kind", sorted(CHANNELS))
def test_every_registered_channel_loads_with_its_own_kind(kind):
    assert channel_for(kind).kind == kind


def test_channel_for_returns_one_instance_per_kind():
    assert channel_for("manual") is channel_for("manual")
    assert isinstance(channel_for("manual"), ManualChannel)


@pytest.mark.parametrize("kind", ["carrier-pigeon", "", "Manual", "facebook"])
def test_unknown_channels_are_refused_by_name(kind):
    with pytest.raises(UnknownChannel, match="known: manual, webhook"):
        channel_for(kind)


ACCEPTED = [
    # (url, platform)
    ("https://www.facebook.com/oakfieldprimary/posts/123456", "facebook"),
    ("https://facebook.com/story.php?story_fbid=1&id=2", "facebook"),
    ("https://m.facebook.com/oakfieldprimary/posts/1", "Facebook"),
    ("https://fb.watch/abc123/", "facebook"),
    ("https://www.instagram.com/p/Cx1yZ2/", "instagram"),
    ("https://x.com/oakfield/status/1790000000000000000", "x"),
    ("https://twitter.com/oakfield/status/1790000000000000000", "x"),
    ("https://x.com/oakfield/status/1790000000000000000", "twitter"),
    ("https://www.linkedin.com/posts/oakfield_activity-1", "linkedin"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube"),
    ("https://www.tiktok.com/@oakfield/video/1", "tiktok"),
    ("https://oakfield.sch.uk/news/sports-day", "website"),
    ("https://www.localpaper.co.uk/news/oakfield-sports-day", "press"),
    ("https://example.org/anything", ""),
    ("  https://x.com/oakfield/status/1  ", "x"),  # pasted with spaces around it
]


@pytest.mark.parametrize(("url", "platform"), ACCEPTED)
def test_it_accepts_links_to_live_posts(url, platform):
    assert validate_live_url(url, platform) == url.strip()


REFUSED = [
    # (url, platform, the message says)
    ("", "facebook", "Enter the link"),
    ("   ", "facebook", "Enter the link"),
    ("http://www.facebook.com/oakfield/posts/1", "facebook", "https://"),
    ("ftp://facebook.com/oakfield/posts/1", "facebook", "https://"),
    ("javascript:alert(1)", "", "https://"),
    ("facebook.com/oakfield/posts/1", "facebook", "https://"),
    ("https://", "", "no website address"),
    ("https:///posts/1", "", "no website address"),
    ("https://[::1", "", "not a valid link"),
    ("https://www.facebook.com/oakfield/posts/1 extra", "facebook", "spaces"),
    ("https://www.facebook.com/oak\x00field", "facebook", "control characters"),
    ("https://user:pass@facebook.com/oakfield/posts/1", "facebook", "user name or password"),
    ("https://oakfield@oakfield.sch.uk/news", "website", "user name or password"),
    ("https://www.instagram.com/p/Cx1yZ2/", "facebook", "not on Facebook"),
    ("https://notfacebook.com/oakfield/posts/1", "facebook", "not on Facebook"),
    ("https://facebook.com.evil.example/oakfield", "facebook", "not on Facebook"),
    ("https://www.facebook.co/oakfield/posts/1", "facebook", "not on Facebook"),
    ("https://x.co/oakfield/status/1", "x", "not on X"),
    ("https://youtube.com.example.net/watch?v=1", "youtube", "not on YouTube"),
    ("https://www.linkedin.com.evil.io/posts/1", "linkedin", "not on LinkedIn"),
    ("https://www.facebook.com/", "facebook", "home page"),
    ("https://x.com", "x", "home page"),
    ("https://oakfield.sch.uk/" + "a" * 200, "website", "longer than 200"),
]


@pytest.mark.parametrize(("url", "platform", "message"), REFUSED)
def test_it_refuses_links_that_are_not_live_posts(url, platform, message):
    with pytest.raises(InvalidLiveUrl, match=message):
        validate_live_url(url, platform)
