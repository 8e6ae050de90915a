"""Issue 10, finding 7: a PESEL's existence leaked. Blocked and inactive telePINs were announced
whatever PIN was typed, so a known PESEL was told from an unknown one. Decision (docs/security.md):
"blocked"/"inactive" only after the PIN that telePIN has (or had); everyone else hears exactly what
a PESEL nobody has hears, through all three attempts."""

from __future__ import annotations

from tests.hardening.helpers import Chat, authenticate

UNKNOWN = "44051401458"  # valid checksum, in no seed


def three_wrong_attempts(bot, pesel: str, pin: str) -> list[str]:
    chat = Chat(bot)
    chat.send(text="ile mam do zapłaty")
    heard = [" ".join(authenticate(chat, pesel, pin)["messages"])]
    while chat.last["state"] == "telepin":
        heard.append(" ".join(chat.send(dtmf=pin + "#")["messages"]))
    return heard


def test_blocked_and_inactive_telepins_are_told_only_to_their_holders(bot_stack):
    seed = bot_stack.sandbox.seed
    blocked, inactive = seed.person("blocked_telepin"), seed.person("inactive_telepin")
    wrong = "000000"
    assert wrong not in (blocked.telepin.pin, inactive.telepin.pin)

    nobody = three_wrong_attempts(bot_stack, UNKNOWN, wrong)
    assert len(nobody) == 3
    assert three_wrong_attempts(bot_stack, blocked.pesel, wrong) == nobody
    assert three_wrong_attempts(bot_stack, inactive.pesel, wrong) == nobody
    # The last words say what anyone who forgot the PIN can do, without saying whose PESEL it is.
    assert "e-Urzędzie Skarbowym" in nobody[-1] and "zablokowany" in nobody[-1]

    holder = Chat(bot_stack)
    holder.send(text="ile mam do zapłaty")
    told = " ".join(authenticate(holder, blocked.pesel, blocked.telepin.pin)["messages"])
    assert "Twój telePIN został zablokowany" in told
    holder = Chat(bot_stack)
    holder.send(text="ile mam do zapłaty")
    told = " ".join(authenticate(holder, inactive.pesel, inactive.telepin.pin)["messages"])
    assert "Twój telePIN jest nieaktywny" in told
