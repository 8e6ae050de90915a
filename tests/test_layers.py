"""The layering the architecture promises, read from the imports (``scripts/import_graph.py``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "import_graph.py"


def _import_graph():
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_integrations_to_dialogue_no_cycles_and_a_pure_core():
    graph = _import_graph()
    assert graph.violations(graph.package_graph()) == []


def test_the_rules_catch_a_forbidden_import_and_a_cycle():
    graph = _import_graph()
    broken = {p: {} for p in graph.PACKAGES}
    broken["integrations"] = {"dialogue": {"integrations/x.py"}}
    broken["dialogue"] = {"integrations": {"dialogue/y.py"}}
    problems = graph.violations(broken)
    assert any(p.startswith("integrations → dialogue") for p in problems)
    assert any(p.startswith("dialogue → integrations") for p in problems)
    assert any(p.endswith("(cycle)") for p in problems)
