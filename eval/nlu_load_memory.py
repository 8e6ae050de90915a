"""What loading the bot's NLU model costs a process: seconds, peak memory, memory held afterwards.

    python -m eval.nlu_load_memory                 # the model in $VOICEBOT_DATA_DIR/nlu
    python -m eval.nlu_load_memory var/nlu-bench/ngram --json

Every figure is this process's own (peak: ``ru_maxrss``; held: VmRSS after the first parse), so run
it once per model folder. "before" is the process with the NLU's libraries imported (torch,
scikit-learn) and nothing loaded: the difference is what the model itself costs.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import sklearn.svm  # noqa: F401 — imported before "before": the libraries are not the model's cost
    import torch  # noqa: F401

    from dialogue.nlu import load_parser
    from voicebot.settings import get_settings

    model_dir = args.model_dir or get_settings().data_dir / "nlu"
    before = {"rss_mib": _rss_mib(), "peak_mib": _peak_mib()}
    started = time.perf_counter()
    model = load_parser(model_dir, threads=1)
    model.parse("Chciałbym sprawdzić, czy mam zaległość w podatku VAT.")
    report = {"model_dir": str(model_dir), "load_s": round(time.perf_counter() - started, 2),
              "before_rss_mib": round(before["rss_mib"]), "peak_mib": round(_peak_mib()),
              "held_mib": round(_rss_mib()), "model_peak_mib": round(_peak_mib() - before["rss_mib"]),
              "model_held_mib": round(_rss_mib() - before["rss_mib"])}
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:16} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
