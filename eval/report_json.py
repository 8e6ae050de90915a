"""The machine-readable report: ``report.json`` (masked like every report)."""

from __future__ import annotations

import json
from pathlib import Path


def write_json(report: dict, out_dir: Path) -> Path:
    path = Path(out_dir) / "report.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path
