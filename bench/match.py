"""Matching 10 000 target lines against the catalogue, as a ratio to an exact dictionary lookup.

Run: .venv/bin/python bench/match.py [N]

The lines are the catalogue's own spellings with figures and target verbs added (as plans
write them), cycled to N. The baseline looks the same lines' names up in a dict of the
normalized spellings, in the same process; the ratio is what fuzzy matching costs over it.
"""

from __future__ import annotations

import random
import sys
import time

from ktxh.catalogue import load_catalogue, match, normalize
from ktxh.catalogue.normalize import normalize as _normalize


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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = lines(n)
    exact = {normalize(s): i.code for i in load_catalogue() for s in (i.name, *i.synonyms)}
    match("khởi động", None)  # load the catalogue's choices once, outside the timing

    _normalize.cache_clear()
    t0 = time.perf_counter()
    hits = sum(1 for text, _u, _c in data if exact.get(normalize(text)))
    t_exact = time.perf_counter() - t0

    _normalize.cache_clear()
    t0 = time.perf_counter()
    right = sum(1 for text, unit, code in data if (m := match(text, unit, limit=1)) and m[0].code == code)
    t_fuzzy = time.perf_counter() - t0

    print(f"{n} dòng; tra từ điển chính xác: {t_exact * 1000:.1f} ms ({hits} thấy); "
          f"so khớp mờ: {t_fuzzy * 1000:.0f} ms ({right} đúng mã, {right / n:.1%})")
    print(f"tỷ lệ so khớp mờ / tra từ điển: {t_fuzzy / t_exact:.1f}×; "
          f"mỗi dòng {t_fuzzy / n * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
