"""Speed of the core parsers, each against a bare ``re.finditer`` scan of the same text in the same run.

    .venv/bin/python bench/core.py [--copies 3] [--rounds 15]

Numbers: ``find_numbers`` over the five seeds, repeated. Targets: ``parse_target`` over every
target line of seeds 000 (Phần thứ hai, II), 001 (A.II) and 003 (VII.1) and the rows of seed
004's Biểu số 02, repeated. The baseline is a plain number regex run over the same text; the
ratio is parser time / baseline time (lower is better; the issue aims at 5 for numbers).
Each figure is the best of ``--rounds`` runs, baseline and parser alternating, so that both
see the same machine load. No assertion on time: the figures go in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ktxh.core.numbers import _reading, find_numbers
from ktxh.core.targets import parse_target

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "reader" / "seeds"  # verbatim copies of ../shared/seeds
BARE = re.compile(r"\d+(?:[.,]\d+)*")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def section(text: str, start: str, stop: str) -> list[str]:
    """Non-blank lines after the line ``start`` up to the line beginning with ``stop``."""
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if line.strip().startswith(start))
    out = []
    for line in lines[i + 1 :]:
        if line.strip().startswith(stop):
            break
        if line.strip():
            out.append(line.strip())
    return out


def target_lines() -> tuple[list[str], list[tuple[str, str, str]]]:
    """Seed target lines as written, and seed 004's table rows as (Danh mục, ĐVT, Chỉ tiêu)."""
    s000 = [line for line in section(seed("000"), "II. Chỉ tiêu chủ yếu", "III.") if line.startswith("- ")]
    s001 = [line for line in section(seed("001"), "II. Chỉ tiêu", "B.") if line[0].isdigit()]
    s003 = [line for line in section(seed("003"), "1. Các chỉ tiêu chủ yếu", "2. Lĩnh vực") if line[0].isdigit()]
    rows = []
    for line in section(seed("004"), "Biểu số 02", "\x00"):
        cells = line.split("\t")
        if len(cells) == 3 and cells[2].strip() and cells[0] != "DANH MỤC":
            rows.append((cells[0].strip(), cells[1].strip(), cells[2].strip()))
    return s000 + s001 + s003, rows


def best(run: Callable[[], int], baseline: Callable[[], int], rounds: int) -> tuple[float, float, int, int]:
    """Best time of ``run`` and of ``baseline``, alternating; and what each counted."""
    t_run = t_base = float("inf")
    n_run = n_base = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        n_base = baseline()
        t1 = time.perf_counter()
        n_run = run()
        t2 = time.perf_counter()
        t_base, t_run = min(t_base, t1 - t0), min(t_run, t2 - t1)
    return t_run, t_base, n_run, n_base


def machine() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor() or "?",
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores ({model}), load {load:.1f}, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3, help="how many times the texts are repeated")
    ap.add_argument("--rounds", type=int, default=15, help="runs of each; the best counts")
    args = ap.parse_args()

    text = "\n".join(seed(p) for p in ("000", "001", "002", "003", "004")) * args.copies
    lines, rows = target_lines()
    target_text = "\n".join(lines + [cell for _, _, cell in rows])

    def numbers() -> int:
        _reading.cache_clear()  # each run reads the text cold: only repeats within the text are cached
        return sum(1 for _ in find_numbers(text))

    def scan(s: str) -> Callable[[], int]:
        return lambda: sum(1 for _ in BARE.finditer(s))

    def targets() -> int:
        n = 0
        for _ in range(args.copies):
            for line in lines:
                parse_target(line)
            for label, unit, cell in rows:
                parse_target(cell, label=label, unit=unit or None)
            n += len(lines) + len(rows)
        return n

    t_num, t_base, n_num, n_base = best(numbers, scan(text), args.rounds)
    t_tgt, t_tbase, n_tgt, n_tbase = best(targets, scan(target_text * args.copies), args.rounds)

    print(f"ktxh.core benchmark, {date.today()}, {machine()}")
    print(f"text: 5 seeds × {args.copies} = {len(text):,} characters; targets: {len(lines)} lines "
          f"(seeds 000/001/003) + {len(rows)} rows (seed 004) × {args.copies}; best of {args.rounds}")
    print(f"{'':34}{'items':>8}{'seconds':>10}{'items/s':>12}{'ratio':>8}")
    print(f"{'bare re.finditer, seeds':34}{n_base:>8}{t_base:>10.4f}{n_base / t_base:>12,.0f}{1:>8.1f}")
    print(f"{'find_numbers, seeds':34}{n_num:>8}{t_num:>10.4f}{n_num / t_num:>12,.0f}{t_num / t_base:>8.1f}")
    print(f"{'bare re.finditer, target lines':34}{n_tbase:>8}{t_tbase:>10.4f}{n_tbase / t_tbase:>12,.0f}{1:>8.1f}")
    print(f"{'parse_target, target lines':34}{n_tgt:>8}{t_tgt:>10.4f}{n_tgt / t_tgt:>12,.0f}{t_tgt / t_tbase:>8.1f}")
    print("ratio = time / bare scan time of the same text, this run (5 or less is the aim for numbers)")


if __name__ == "__main__":
    main()
