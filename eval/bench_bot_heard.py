"""How well the evaluation hears the bot: the answers' key words found in the bot's own speech.

A suite's "fact" checks (``eval.metrics.fact_found``) look for words such as "zaległość" in what
Whisper wrote of the bot's audio. Whisper base, unprimed, writes "zaległość" as "zależność" now and
then, and the fact check fails although the bot said it. This script speaks the bot's answers
(``dialogue.answers`` wording: balances, payments, refunds for every tax, with the amounts and dates
spoken as the bot speaks them) with RHVoice, through the phone line (8 kHz µ-law), and transcribes them
with the evaluation's recogniser, unprimed and primed with ``eval.call_audio.BOT_SPEECH_PROMPT``.

    python -m eval.bench_bot_heard                 # both, 2 voices x 3 rates x every answer
    python -m eval.bench_bot_heard --json

Reported per recogniser: key words found (the answer's own) and key words found that the answer did
not say (a primed recogniser must not invent them); amounts in digits found.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date

from dialogue import prompts
from dialogue.speech import amount_words, date_words, tax_genitive, tax_locative, tax_nominative
from eval.metrics import fact_found

KEY_WORDS = ("zaległość", "nadpłata", "wpłata", "w trakcie rozpatrywania", "przyznany", "wypłacony")
TAXES = ("PIT", "CIT", "VAT", "PCC", "SD", "AKC")
VOICES = ("magda", "natan")
RATES = (0.9, 1.0, 1.15)


def answers(rng: random.Random) -> list[tuple[str, str, int]]:
    """(text the bot says after authentication, its key word, its amount in złoty)."""
    out = []
    for tax in TAXES:
        zl = rng.choice([rng.randint(40, 999), rng.randint(1000, 9999), rng.randint(10000, 60000)])
        grosze = zl * 100
        day = date(2026, rng.randint(1, 11), rng.randint(1, 28))
        head = f"Dziękuję, tożsamość potwierdzona. {prompts.AS_OF.format(date=date_words(day))} "
        out.append((head + prompts.BALANCE_ARREARS.format(tax=tax_locative(tax), amount=amount_words(grosze)),
                    "zaległość", zl))
        out.append((head + prompts.BALANCE_OVERPAYMENT.format(tax=tax_locative(tax), amount=amount_words(grosze)),
                    "nadpłata", zl))
        out.append((prompts.PAYMENT_ONE.format(date=date_words(day), amount=amount_words(grosze),
                                               tax=tax_nominative(tax), period="", extras=""), "wpłata", zl))
        common = dict(tax=tax_genitive(tax), period="", amount=amount_words(grosze))
        out.append((prompts.REFUND_PENDING.format(**common, requested=date_words(day)), "w trakcie rozpatrywania", zl))
        out.append((prompts.REFUND_APPROVED.format(**common, decided=date_words(day)), "przyznany", zl))
        out.append((prompts.REFUND_PAID.format(**common, paid=date_words(day), account=""), "wypłacony", zl))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from asr.audio import phone_line
    from asr.factory import create_recognizer
    from eval.call_audio import BOT_SPEECH_PROMPT, RATE
    from tts.factory import create_synthesizer
    from voicebot.settings import get_settings

    models_dir = get_settings().models_dir
    recognizers = {"unprimed": create_recognizer("whisper", None, 2, models_dir=models_dir),
                   "primed": create_recognizer("whisper", None, 2, models_dir=models_dir,
                                               initial_prompt=BOT_SPEECH_PROMPT)}
    counts = {name: {"said": 0, "found": 0, "invented": 0, "not_said": 0, "amounts": 0} for name in recognizers}
    rng = random.Random(args.seed)
    for voice in VOICES:
        for rate in RATES:
            synthesizer = create_synthesizer("rhvoice", voice, models_dir, rate=rate)
            for text, key, zl in answers(rng):
                pcm, sample_rate = phone_line(synthesizer.synthesize(text), synthesizer.sample_rate)
                assert sample_rate == RATE
                for name, recognizer in recognizers.items():
                    heard = recognizer.transcribe(pcm, RATE, "free")
                    said = " ".join([heard.text, *heard.alternatives])  # as the fact check reads them
                    c = counts[name]
                    c["said"] += 1
                    c["found"] += fact_found(key, said)
                    c["amounts"] += fact_found(f"{zl} zł", heard.text.replace("\u00a0", " "))
                    for other in KEY_WORDS:
                        if other != key and other not in text:
                            c["not_said"] += 1
                            c["invented"] += fact_found(other, said)
    if args.json:
        print(json.dumps(counts, indent=2))
        return 0
    for name, c in counts.items():
        print(f"{name:9s} key words found {c['found']}/{c['said']}, amounts in digits {c['amounts']}/{c['said']}, "
              f"key words not said but found {c['invented']}/{c['not_said']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
