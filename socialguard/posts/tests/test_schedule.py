"""Scheduled posts go out at their time, only if still approved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from socialguard.posts import actions, schedule
from socialguard.posts.models import State

pytestmark = pytest.mark.django_db(transaction=True)
TEXT = "Book fair on Tuesday! https://www.oakfield.sch.uk"


def approved_for(alice, bob, school, account, when):
    post = actions.do_create_post(school, alice, TEXT, accounts=[account], scheduled_for=when)
    actions.do_submit(post, alice)
    post.refresh_from_db()
    actions.do_approve(post, bob, post.version)
    return post


def test_the_clock_publishes_a_post_whose_time_has_come(alice, bob, school, account):
    post = approved_for(alice, bob, school, account, timezone.now() + dt.timedelta(hours=1))
    schedule.tick()
    assert not post.publications.exists()  # not yet
    post.__class__.objects.filter(pk=post.pk).update(
        scheduled_for=timezone.now() - dt.timedelta(minutes=1))
    schedule.tick()
    assert post.publications.count() == 1
    schedule.tick()
    assert post.publications.count() == 1  # never twice


def test_a_post_sent_back_before_its_time_stays_back(alice, bob, school, account):
    post = approved_for(alice, bob, school, account, timezone.now() + dt.timedelta(hours=1))
    actions.do_edit_post(post, alice, text=TEXT + " Updated")
    post.__class__.objects.filter(pk=post.pk).update(
        scheduled_for=timezone.now() - dt.timedelta(minutes=1))
    schedule.tick()
    post.refresh_from_db()
    assert post.state == State.DRAFT
    assert not post.publications.exists()


def test_the_clock_ticks_until_stopped_and_survives_a_failed_tick(monkeypatch):
    import threading

    from socialguard import clock

    calls, twice = [], threading.Event()

    def flaky_tick():
        calls.append(1)
        if len(calls) >= 2:
            twice.set()
        raise RuntimeError("database went away")  # the clock must keep going

    monkeypatch.setattr(clock, "tick", flaky_tick)
    stop = clock.start(interval=0.01)
    assert twice.wait(5)
    stop.set()
