"""Writes docs/architecture.dot from the imports themselves (the graph tests/test_architecture.py
reads), and renders docs/img/architecture.png when Graphviz's ``dot`` is installed.

    .venv/bin/python scripts/architecture.py
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {
    "core": "ktxh.core\nnumbers · units · targets · periods\nrules · evaluate · growth · review",
    "reader": "ktxh.reader\n.docx .txt .pdf .xlsx → document,\ntargets, claims, check",
    "documents": "ktxh.documents\nWord (NĐ 30/2020), Excel Biểu 01–02",
    "catalogue": "ktxh.catalogue\nindicator catalogue, matching",
    "cli": "ktxh (CLI)", "scale": "ktxh.scale\nnational data, real units",
    "web.ui": "ui\nbase pages, template tags, static", "web.accounts": "accounts\nroles, tokens, permissions",
    "web.metadata.units": "metadata.units\nunits, 2025 lineage", "web.metadata.plans": "metadata.plans\nindicators, plans,\ntargets, selection",
    "web.data.audit": "data.audit\naudit trail", "web.data.tracking": "data.tracking\nperiods, figures, workflow,\nentry, import",
    "web.analytics": "analytics\nevaluation, term review,\nroll-up, dashboards", "web.reports": "reports\ndocuments from the data",
    "web.demo": "demo\nthe seeds' wards", "web.jobs": "jobs\nbackground work",
}


def _graph():
    spec = importlib.util.spec_from_file_location("arch", ROOT / "tests" / "test_architecture.py")
    arch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(arch)
    edges = {(arch._package(a), arch._package(b)) for a, bs in arch.GRAPH.items() for b in bs
             if arch._package(a) != arch._package(b) and "ktxh" not in (arch._package(a), arch._package(b))}
    nodes = sorted({n for e in edges for n in e})
    return nodes, sorted(edges)


def _label(node: str) -> str:
    return LABELS.get(node, node).replace("\n", "\\n")  # Graphviz's line break


def dot() -> str:
    nodes, edges = _graph()
    lines = ["digraph ktxh {", '  rankdir=BT; fontname="Helvetica";',
             '  node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", fontname="Helvetica", fontsize=10];',
             '  edge [color="#555555", arrowsize=0.6];',
             '  subgraph cluster_web { label="ktxh.web — Django (metadata · data · analytics · reports · ui)"; '
             'style=filled; color="#dde8f5"; fillcolor="#eef3fa";']
    lines += [f'    "{n}" [label="{_label(n)}"];' for n in nodes if n.startswith("web.")]
    lines.append("  }")
    lines += [f'  "{n}" [label="{_label(n)}"];' for n in nodes if not n.startswith("web.")]
    lines += [f'  "{a}" -> "{b}";' for a, b in edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    out = ROOT / "docs" / "architecture.dot"
    out.write_text(dot(), encoding="utf-8")
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tpng", "-Gdpi=110", str(out), "-o", str(ROOT / "docs" / "img" / "architecture.png")], check=True)


if __name__ == "__main__":
    main()
