"""The SIP endpoint's parts on their own: message parsing and framing, SDP offer/answer, keys from
INFO, session-timer terms, the caller's number, the REFER's Refer-To and NOTIFY sipfrag."""

from __future__ import annotations

import asyncio

import pytest

from tests.telephony.sip_peer import request, sdp
from voicebot.telephony import sip_message as M
from voicebot.telephony.dtmf import key_for_event, key_from_info
from voicebot.telephony.sdp import SdpError, SdpSession, negotiate, parse_offer
from voicebot.telephony.sip_dialog import SessionTimerTooSmall, caller_number, negotiate_session_timer
from voicebot.telephony.sip_transfer import TransferProgress, refer_to, sipfrag_status


def invite(extra: str = "", **kwargs) -> M.Parsed:
    return M.parse(request("INVITE", 5060, "127.0.0.1", 5070, call_id="c1", body=sdp(4000), extra=extra, **kwargs))


def test_a_well_formed_invite_parses_with_its_typed_headers():
    parsed = invite()
    assert parsed.is_request and parsed.message.method == "INVITE"
    assert parsed.call_id == "c1" and parsed.cseq.sequence == 1 and parsed.from_tag == "caller1"
    assert parsed.branch.startswith("z9hG4bK") and parsed.message.body.startswith(b"v=0")


def test_folded_header_lines_are_unfolded():
    data = request("OPTIONS", 5060, "127.0.0.1", 5070, call_id="c2", extra="Subject: one\r\n two\r\n")
    assert M.parse(data).message.headers.get("Subject") == "one two"


def test_the_body_is_cut_to_content_length_and_a_short_body_is_refused():
    data = request("INFO", 5060, "127.0.0.1", 5070, call_id="c3", body=b"Signal=5", content_type="application/dtmf")
    assert M.parse(data + b"trailing junk").message.body == b"Signal=5"
    with pytest.raises(M.SipParseError):
        M.parse(data[:-3])


def test_tcp_framing_splits_messages_and_skips_keepalives():
    one = request("OPTIONS", 5060, "127.0.0.1", 5070, call_id="a")
    two = request("INFO", 5060, "127.0.0.1", 5070, call_id="b", body=b"5", content_type="application/dtmf")
    framer = M.StreamFramer()
    stream = b"\r\n\r\n" + one + two
    frames = framer.feed(stream[:50]) + framer.feed(stream[50:])
    assert frames == [one, two]
    with pytest.raises(M.SipParseError):
        M.StreamFramer().feed(b"OPTIONS sip:a SIP/2.0\r\nVia: x\r\n\r\n")  # no Content-Length on a stream


def test_a_response_copies_the_transaction_headers_and_adds_our_tag():
    parsed = invite()
    response = M.parse(M.encode(M.response(parsed, 486, to_tag="bot1")))
    assert response.message.code == 486 and response.to_tag == "bot1"
    assert response.call_id == parsed.call_id and response.branch == parsed.branch and response.cseq == parsed.cseq


def test_the_answer_takes_our_preferred_codec_and_echoes_telephone_event():
    offer = parse_offer(sdp(4000, formats="0 8 9 101",
                            rtpmap=("0 PCMU/8000", "8 PCMA/8000", "9 G722/8000", "101 telephone-event/8000")))
    chosen = negotiate(offer, ("G722", "PCMA"))
    assert (chosen.codec, chosen.payload_type, chosen.dtmf_payload_type, chosen.sample_rate) == ("G722", 9, 101, 16000)
    answer = SdpSession("127.0.0.1").answer(chosen, 5000).decode()
    assert "m=audio 5000 RTP/AVP 9 101" in answer and "a=fmtp:101 0-15" in answer
    assert negotiate(offer, ("PCMU",)).codec == "PCMU"


def test_static_payload_types_need_no_rtpmap_and_no_common_codec_is_488():
    offer = parse_offer(b"v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 7000 RTP/AVP 8\r\n")
    assert negotiate(offer, ("PCMU", "PCMA")).codec == "PCMA" and offer.telephone_event() is None
    with pytest.raises(SdpError) as error:
        negotiate(offer, ("PCMU",))
    assert error.value.code == 488


@pytest.mark.parametrize("body", [b"", b"hello", b"v=0\r\nm=audio x RTP/AVP 0\r\n",
                                  b"v=0\r\nc=IN IP4 not-an-ip\r\nm=audio 4000 RTP/AVP 0\r\n",
                                  b"v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 70000 RTP/AVP 0\r\n"])
def test_broken_sdp_is_a_400(body):
    with pytest.raises(SdpError) as error:
        parse_offer(body)
    assert error.value.code == 400


def test_keys_from_info_accept_only_keypad_keys():
    assert key_from_info("application/dtmf-relay", b"Signal=5\r\nDuration=160\r\n") == "5"
    assert key_from_info("application/dtmf-relay", b"Signal=11\r\n") == "#"
    assert key_from_info("application/dtmf", b"*") == "*"
    assert key_from_info("application/dtmf-relay", b"Signal=A\r\n") is None
    assert key_from_info("text/plain", b"5") is None
    assert key_for_event("D") is None and key_for_event("0") == "0"


def test_session_timer_terms():
    assert negotiate_session_timer(invite(), 1800, 90) is None  # the caller's side knows no timers
    timer = negotiate_session_timer(invite("Supported: timer\r\nSession-Expires: 600;refresher=uac\r\n"), 1800, 90)
    assert (timer.interval_s, timer.refresher) == (600, "uac")
    timer = negotiate_session_timer(invite("Supported: timer\r\n"), 1800, 90)
    assert (timer.interval_s, timer.refresher) == (1800, "uas")
    with pytest.raises(SessionTimerTooSmall):
        negotiate_session_timer(invite("Session-Expires: 60\r\n"), 1800, 90)


def test_the_caller_number_comes_from_an_asserted_identity_only_when_the_proxy_is_trusted():
    parsed = invite('P-Asserted-Identity: "Jan" <sip:+48221112233@pbx>, <tel:+48221112244>\r\n')
    assert caller_number(parsed, trusted=True) == "+48221112244"  # the tel: URI is the number itself
    assert caller_number(parsed, trusted=False) == "+48601234567"  # From
    assert caller_number(invite(user="anonymous"), trusted=True) is None


def test_refer_to_carries_the_handoff_id_as_headers_and_a_uri_parameter():
    value = refer_to("sip:queue-pit@pbx.example", "0123abcd")
    assert value.startswith("<sip:queue-pit@pbx.example;x-kas-handoff=0123abcd?X-KAS-Handoff=0123abcd&User-to-User=")
    with pytest.raises(ValueError):
        refer_to("sip:q@pbx", "bad id\r\nX-Evil: 1")


async def test_transfer_progress_follows_the_sipfrag():
    assert sipfrag_status(b"SIP/2.0 180 Ringing\r\n") == 180 and sipfrag_status(b"garbage") is None
    progress = TransferProgress()
    progress.refer_answered(202)
    progress.notify(b"SIP/2.0 100 Trying", "active;expires=60")
    assert not progress.outcome.done()
    progress.notify(b"SIP/2.0 200 OK", "terminated;reason=noresource")
    outcome = await asyncio.wait_for(progress.outcome, 1)
    assert outcome.transferred and outcome.sip_code == 200

    failed = TransferProgress()
    failed.refer_answered(202)
    failed.notify(b"SIP/2.0 486 Busy Here", "terminated")
    assert (await failed.outcome).transferred is False and failed.outcome.result().sip_code == 486
    rejected = TransferProgress()
    rejected.refer_answered(403)
    assert (await rejected.outcome).reason == "refer rejected"
