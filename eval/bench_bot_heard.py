"""How well the evaluation hears the bot: the answers' key words and amounts found in its speech.

A suite's "fact" checks (``eval.metrics.fact_found``) look for words ("zaległość") and amounts
("1847 zł") in what Whisper wrote of the bot's audio (``eval.evaluate.bot_recognizer``); a fact it
misheard fails the check although the bot said it. This script speaks the bot's answers
(``dialogue.answers`` wording: balances, payments, refunds for every tax, amounts and dates spoken as
the bot speaks them) with RHVoice, through the phone line (8 kHz µ-law), and transcribes them with
that recogniser and, with ``--prompt``, with one primed by a text beside it. It also plays a line
without speech (hiss at three levels): a fact found there would be a check that cannot fail.

    python -m eval.bench_bot_heard
    python -m eval.bench_bot_heard --prompt "Stan na dzień: … jest zaległość: 2750 zł. …"

Measured 2026-12-02 (the best text and the alternatives, as the fact check reads them): key words
215 / 216, amounts in digits 169 / 216, no key word the answer did not say, nothing written for the
line without speech. Primed with the bot's wording (measured on the best text alone: amounts 150 →
171–174 / 216) Whisper wrote the prompt's sentences for hiss ("Zwrot przyznany, czeka na wypłatę.")
every time: not used.
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
    parser.add_argument("--prompt", help="also transcribe with Whisper primed with this text")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import numpy as np

    from asr.audio import phone_line
    from asr.factory import create_recognizer
    from eval.call_audio import RATE
    from eval.evaluate import bot_recognizer
    from tts.factory import create_synthesizer
    from voicebot.settings import get_settings

    models_dir = get_settings().models_dir
    recognizers = {"evaluation's": bot_recognizer(models_dir)}
    if recognizers["evaluation's"] is None:
        parser.error(f"Whisper base is not installed in {models_dir} (scripts/setup.sh installs it)")
    if args.prompt:
        recognizers["primed"] = create_recognizer("whisper", None, 2, models_dir=models_dir, initial_prompt=args.prompt)
    counts = {name: {"said": 0, "found": 0, "invented": 0, "not_said": 0, "amounts": 0, "no_speech": 0,
                     "written_for_no_speech": 0} for name in recognizers}
    for seed in (3, 4, 5):
        for level in (20, 60, 200):
            hiss = np.random.default_rng(seed).normal(0, level, 2 * RATE).astype("<i2").tobytes()
            for name, recognizer in recognizers.items():
                counts[name]["no_speech"] += 1
                counts[name]["written_for_no_speech"] += bool(recognizer.transcribe(hiss, RATE, "free").text.strip())
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
                    c["amounts"] += fact_found(f"{zl} zł", said)
                    for other in KEY_WORDS:
                        if other != key and other not in text:
                            c["not_said"] += 1
                            c["invented"] += fact_found(other, said)
    if args.json:
        print(json.dumps(counts, indent=2))
        return 0
    for name, c in counts.items():
        print(f"{name:12s} key words found {c['found']}/{c['said']}, amounts in digits {c['amounts']}/{c['said']}, "
              f"key words not said but found {c['invented']}/{c['not_said']}, "
              f"text written for a line without speech {c['written_for_no_speech']}/{c['no_speech']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
