"""A browser call's ticket, issued by one worker, opens the media stream on any worker with the same
configured secret (docs/scaling.md); another deployment's ticket does not."""

from __future__ import annotations

from types import SimpleNamespace

from voicebot.telephony.stream_auth import StreamAuth


def settings(token: str) -> SimpleNamespace:
    return SimpleNamespace(telephony_stream_token=token, twilio_auth_token="", twilio_stream_url="",
                           browser_calls=True)


def test_a_ticket_from_one_worker_opens_a_stream_on_another():
    worker_a = StreamAuth.from_settings(settings("shared-secret"))
    worker_b = StreamAuth.from_settings(settings("shared-secret"))
    ticket = worker_a.issue_ticket()
    assert worker_b.start_ok({"ticket": ticket})


def test_a_ticket_under_another_secret_or_expired_opens_nothing():
    ticket = StreamAuth.from_settings(settings("other-secret")).issue_ticket()
    mine = StreamAuth.from_settings(settings("shared-secret"))
    assert not mine.start_ok({"ticket": ticket})
    assert not mine.ticket_ok(mine.issue_ticket(now=1000.0), now=2000.0)
