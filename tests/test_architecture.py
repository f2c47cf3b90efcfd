"""The layers hold, read from the source: what imports what (every import, also inside functions),
and how complex a function may grow.

- ``ktxh.core`` imports nothing of KTXH outside itself;
- ``ktxh.reader`` imports neither the web app nor the documents;
- no cycle between the web app's apps, nor between the modules of one package;
- ``docs/architecture.dot`` draws every package and every arrow between them, and no other;
- every function at radon cyclomatic complexity 25 or less.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from radon.complexity import cc_visit

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "ktxh"
DOT = SRC.parent / "docs" / "architecture.dot"
MAX_COMPLEXITY = 25

# The web app's apps (and its modules that stand below every app).
WEB_APPS = ("ui", "accounts", "metadata.units", "metadata.plans", "data.audit", "data.tracking", "analytics", "reports",
            "demo", "jobs")


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _is_test(name: str) -> bool:
    parts = name.split(".")
    return "tests" in parts or "migrations" in parts or parts[-1] == "conftest"


def _imports(name: str, path: Path) -> set[str]:
    """Every ktxh module ``name`` imports, wherever the statement stands."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items() if not _is_test(name)}


def _web_app(name: str) -> str | None:
    if not name.startswith("ktxh.web."):
        return None
    rest = name.removeprefix("ktxh.web.")
    return next((app for app in WEB_APPS if rest == app or rest.startswith(app + ".")), None)


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, if there is one (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(edges):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_core_imports_nothing_outside_itself():
    wrong = {(a, b) for a, bs in GRAPH.items() if a.startswith("ktxh.core") for b in bs if not b.startswith("ktxh.core")}
    assert not wrong


def test_the_reader_imports_neither_web_nor_documents():
    wrong = {(a, b) for a, bs in GRAPH.items() if a.startswith("ktxh.reader")
             for b in bs if b.startswith(("ktxh.web", "ktxh.documents"))}
    assert not wrong


def test_no_cycle_between_web_apps():
    edges: dict[str, set[str]] = defaultdict(set)
    for a, bs in GRAPH.items():
        for b in bs:
            app_a, app_b = _web_app(a), _web_app(b)
            if app_a and app_b and app_a != app_b:
                edges[app_a].add(app_b)
    assert _cycle(edges) is None


def test_no_cycle_between_the_modules_of_a_package():
    edges: dict[str, set[str]] = defaultdict(set)
    for a, bs in GRAPH.items():
        for b in bs:
            if a.rsplit(".", 1)[0] == b.rsplit(".", 1)[0] and a != b:
                edges[a].add(b)
    assert _cycle(edges) is None


def _package(name: str) -> str:
    """The node a module is drawn in: a web app, or a top package of ktxh (core, reader, …)."""
    app = _web_app(name)
    if app:
        return "web." + app
    parts = name.split(".")
    if len(parts) < 2:
        return "ktxh"
    return ".".join(parts[1:3]) if parts[1] == "web" and len(parts) > 2 else parts[1]


def test_the_architecture_picture_draws_every_arrow_and_no_other():
    drawn = set(re.findall(r'"([\w.]+)"\s*->\s*"([\w.]+)"', DOT.read_text(encoding="utf-8")))
    real = {(_package(a), _package(b)) for a, bs in GRAPH.items() for b in bs
            if _package(a) != _package(b) and _package(a) != "ktxh" and _package(b) != "ktxh"}
    assert real - drawn == set(), "arrows in the code but not in docs/architecture.dot"
    assert drawn - real == set(), "arrows in docs/architecture.dot but not in the code"


def test_every_function_is_small_enough():
    too_big = []
    for _, path in sorted(MODULES.items()):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_big.append(f"{path.relative_to(SRC)}:{block.lineno} {block.name} {block.complexity}")
    assert not too_big
