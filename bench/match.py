"""Matching 10 000 target lines against the catalogue, as a ratio to an exact dictionary lookup.

Run: .venv/bin/python bench/match.py [N]

Two sets of N lines: the catalogue's own spellings with figures and target verbs added (as
plans write them), and the real target lines of the seeds and of tests/corpus/plans, cycled to
N. The baseline looks the same lines' names up in a dict of the normalized spellings, in the
same process; the ratio is what fuzzy matching costs over it. No assertion on time.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from ktxh.catalogue import load_catalogue, match, normalize, split_compound
from ktxh.catalogue.normalize import normalize as _normalize
from ktxh.reader import read_document

ROOT = Path(__file__).resolve().parent.parent


def lines(n: int) -> list[tuple[str, str, str]]:
    rng = random.Random(5)
    spellings = [(s, i.unit, i.code) for i in load_catalogue() for s in (i.name, *i.synonyms)]
    out = []
    for k in range(n):
        s, unit, code = spellings[k % len(spellings)]
        verb = rng.choice(("", "Phấn đấu ", "Duy trì ", "Tiếp tục "))
        value = f"{rng.randint(1, 999)},{rng.randint(0, 9)}"
        out.append((f"{verb}{s} đạt {value} {unit}".strip(), unit or None, code))
    return out


def real_lines(n: int) -> list[tuple[str, str | None, str | None]]:
    """Target lines of the seeds and of the corpus of real plans, one per indicator, cycled to n."""
    texts: list[tuple[str, str | None, str | None]] = []
    files = sorted((ROOT / "tests" / "reader" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus" / "plans").glob("*.txt"))
    for f in files:
        for t in read_document(f).targets:
            parts = [t.label] if t.location.table is not None else split_compound(t.target.text)
            texts.extend((p, None, None) for p in parts)
    return [texts[k % len(texts)] for k in range(n)]


def run(name: str, data: list, exact: dict[str, str]) -> None:
    # Lines repeat (the real ones are cycled): normalize's cache is emptied before every line in
    # both loops, so that neither reads a line it has seen.
    clear = _normalize.cache_clear
    t0 = time.perf_counter()
    hits = sum(1 for text, _u, _c in data if (clear(), exact.get(normalize(text)))[1])
    t_exact = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = [(clear(), match(text, unit, limit=1))[1] for text, unit, _c in data]
    t_fuzzy = time.perf_counter() - t0
    right = sum(1 for f, (_t, _u, code) in zip(found, data, strict=True) if code and f and f[0].code == code)
    sure = sum(1 for f in found if f and f[0].sure)
    n = len(data)
    print(f"{name}: {n} dòng; tra từ điển chính xác {t_exact * 1000:.0f} ms ({hits} thấy); so khớp mờ "
          f"{t_fuzzy * 1000:.0f} ms ({sure} chắc chắn" + (f", {right} đúng mã" if right else "") + ")")
    print(f"  tỷ lệ so khớp mờ / tra từ điển: {t_fuzzy / t_exact:.1f}×; mỗi dòng {t_fuzzy / n * 1e6:.0f} µs")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    exact = {normalize(s): i.code for i in load_catalogue() for s in (i.name, *i.synonyms)}
    match("khởi động", None)  # load the catalogue's choices once, outside the timing
    run("Tên trong danh mục kèm số liệu", lines(n), exact)
    run("Dòng chỉ tiêu thật (5 tệp mẫu, 7 kế hoạch)", real_lines(n), exact)


if __name__ == "__main__":
    main()
