"""Speed of the document writers against python-docx / openpyxl writing the same text bare, same run.

    .venv/bin/python bench/documents.py [--copies 10] [--rounds 7]

Data: examples/luong-son-2022.json with its fields repeated ``--copies`` times (9 indicators each).
Baselines: a bare python-docx Document holding the report's paragraph texts and one table of the
same size, and a bare openpyxl workbook with the same cells. The ratio is writer time / baseline
time (lower is better): what the layout, ktxh.core's parsing and evaluation and the formatting cost
on top of the libraries. Each figure is the best of ``--rounds``, writer and baseline alternating.
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import docx
from openpyxl import Workbook, load_workbook

from ktxh.documents import build_report, build_tables_xlsx, report_from_dict

ROOT = Path(__file__).resolve().parent.parent


def best(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    data = report_from_dict(json.loads((ROOT / "examples" / "luong-son-2022.json").read_text(encoding="utf-8")))
    data = replace(data, fields=data.fields * args.copies)
    written = docx.Document(io.BytesIO(build_report(data)))
    paragraphs = [p.text for p in written.paragraphs]
    table = [[c.text for c in r.cells] for r in written.tables[-1].rows]
    cells = [[c.value for c in r] for r in load_workbook(io.BytesIO(build_tables_xlsx(data)))["Biểu 02"].rows]

    def bare_docx() -> bytes:
        d = docx.Document()
        for text in paragraphs:
            d.add_paragraph(text)
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in zip(t.rows, table, strict=True):
            for c, text in zip(r.cells, row, strict=True):
                c.text = text
        out = io.BytesIO()
        d.save(out)
        return out.getvalue()

    def bare_xlsx() -> bytes:
        wb = Workbook()
        for row in cells:
            wb.active.append(row)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    rows = sum(len(f.rows) for f in data.fields)
    print(f"{rows} indicators, {len(paragraphs)} paragraphs, best of {args.rounds}")
    for name, writer, baseline in (("build_report", lambda: build_report(data), bare_docx),
                                   ("build_tables_xlsx", lambda: build_tables_xlsx(data), bare_xlsx)):
        w, b = best(writer, args.rounds), best(baseline, args.rounds)
        print(f"{name:18} {w * 1000:8.1f} ms   baseline {b * 1000:8.1f} ms   ratio {w / b:5.2f}")


if __name__ == "__main__":
    main()
