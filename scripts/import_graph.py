"""The project's import graph between its top-level packages, and the layering rules it must keep.

    .venv/bin/python scripts/import_graph.py          # prints the graph; exit 1 if a rule is broken

Rules: ``dialogue`` (the pure core) imports only itself, ``contracts`` and ``polish``;
``integrations`` never imports ``dialogue``; ``contracts`` imports no package of the project;
``polish`` only ``contracts``; and no cycle between packages. Read from the source with ``ast``
(every ``import``, also inside functions), so nothing of the project is run.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every top-level package of the project (a new one is picked up), then the command line.
PACKAGES = (*sorted(p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in ("tests", "scripts")),
            "cli")
# The command line (``voicebot.cli`` and ``voicebot/commands/``) is the top of the house: it starts
# the bot, the sandbox and the evaluation, and nothing imports it, so it is a node of its own.
CLI = ("voicebot.cli", "voicebot.commands")
ALLOWED = {
    "contracts": set(),
    "polish": {"contracts"},
    "dialogue": {"contracts", "polish"},
}
FORBIDDEN = {("integrations", "dialogue")}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def node_of(module: str) -> str:
    return "cli" if module.startswith(CLI) else module.split(".")[0]


def package_graph() -> dict[str, dict[str, set[str]]]:
    """package → imported package → the files that import it."""
    graph: dict[str, dict[str, set[str]]] = {p: defaultdict(set) for p in PACKAGES}
    for path in sorted(p for package in PACKAGES[:-1] for p in (ROOT / package).rglob("*.py")):
        source = node_of(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for module in imported_modules(path):
            target = node_of(module)
            if target in PACKAGES and target != source:
                graph[source][target].add(str(path.relative_to(ROOT)))
    return graph


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    found, path = [], []

    def visit(node: str) -> None:
        if node in path:
            found.append(path[path.index(node):] + [node])
            return
        path.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        path.pop()

    for start in PACKAGES:
        visit(start)
    unique = {tuple(sorted(c[:-1])): c for c in found}
    return list(unique.values())


def violations(graph: dict[str, dict[str, set[str]]]) -> list[str]:
    problems = []
    for package, allowed in ALLOWED.items():
        for target, files in graph[package].items():
            if target not in allowed:
                problems.append(f"{package} → {target} ({', '.join(sorted(files))})")
    for source, target in FORBIDDEN:
        if target in graph[source]:
            problems.append(f"{source} → {target} ({', '.join(sorted(graph[source][target]))})")
    problems += [" → ".join(c) + " (cycle)" for c in cycles(graph)]
    return sorted(set(problems))


def main() -> int:
    graph = package_graph()
    for package in PACKAGES:
        print(f"{package:13} → {', '.join(sorted(graph[package])) or '(none)'}")
    problems = violations(graph)
    print("\n".join(["", "broken rules:", *problems]) if problems else "\nno integrations → dialogue, no cycles: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
