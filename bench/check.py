"""Speed of ``ktxh check`` (read + find claims + verify) against a bare regex scan of the same bytes.

    .venv/bin/python bench/check.py [--docs 1000] [--rounds 5] [--ocr 6]

Data: the five seeds (tests/reader/seeds) replicated to ``--docs`` documents, as bytes, as the
web app hands them over. Each document is read with ``read_document(bytes, filename=…)`` and
checked with ``check_document``. The baseline, in the same run, decodes the same bytes and
runs a bare ``re.finditer`` for "a/b" and for numbers over them. The ratio is check time /
baseline time (lower is better). A 50 KB report (seed 002 followed by seed 001, cut at 50 KB
on a line end) is timed alone: the issue aims at under 100 ms. No assertion on time: the
figures go in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time
from datetime import date
from pathlib import Path

from ktxh.reader import check_document, read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "reader" / "seeds"  # verbatim copies of ../shared/seeds
BARE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*/\s*\d+(?:[.,]\d+)*)?")


def corpus(n: int) -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    return [seeds[i % len(seeds)] for i in range(n)]


def fifty_kb() -> bytes:
    text = (next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8") + "\n"
            + next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8"))
    data = text.encode("utf-8")[: 50 * 1024]
    return data[: data.rfind(b"\n") + 1]


def check_all(docs: list[bytes]) -> int:
    found = 0
    for i, data in enumerate(docs):
        found += len(check_document(read_document(data, filename=f"{i}.txt")))
    return found


def scan_all(docs: list[bytes]) -> int:
    found = 0
    for data in docs:
        for _ in BARE.finditer(data.decode("utf-8")):
            found += 1
    return found


def timed(fn, *args) -> tuple[float, int]:
    t = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t, result


def ocr_pages_per_minute(pages: int) -> None:
    """Seed 003 rendered to PDF by LibreOffice, pages rasterized at 300 dpi into a PDF with no text layer,
    read back by OCR: pages per minute, and how many of the .txt's findings the scan gives."""
    import shutil
    import subprocess
    import tempfile
    from collections import Counter

    import pypdfium2 as pdfium

    if not (shutil.which("soffice") and shutil.which("tesseract")):
        print("OCR: soffice or tesseract missing (Debian libreoffice-writer-nogui, tesseract-ocr tesseract-ocr-vie)")
        return
    seed = next(SEEDS.glob("003_*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi-VN",
                        "--convert-to", "pdf", "--outdir", tmp, str(seed)], check=True, capture_output=True)
        doc = pdfium.PdfDocument(str(Path(tmp) / (seed.stem + ".pdf")))
        images = [doc[i].render(scale=300 / 72).to_pil().convert("L") for i in range(min(pages, len(doc)))]
        doc.close()
        scan = Path(tmp) / "scan.pdf"
        images[0].save(scan, save_all=True, append_images=images[1:], resolution=300)
        t, findings = timed(lambda: check_document(read_document(scan)))
    txt = Counter((f.kind, f.stated, f.verdict) for f in check_document(read_document(seed)))
    got = Counter((f.kind, f.stated, f.verdict) for f in findings)
    print(f"OCR: {len(images)} scanned pages of seed 003 in {t:.1f} s = {len(images) / t * 60:.1f} pages/minute; "
          f"findings {sum((txt & got).values())} of the .txt's {sum(txt.values())}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5, help="rounds of the baseline and of the 50 KB report")
    ap.add_argument("--ocr", type=int, default=0, metavar="PAGES", help="also time OCR of a scan (seed 003, up to PAGES pages)")
    args = ap.parse_args()
    docs = corpus(args.docs)
    size = sum(len(d) for d in docs)
    check_all(docs[:5])  # warm up imports and regex caches
    base_before = min(timed(scan_all, docs)[0] for _ in range(args.rounds))
    t_check, findings = timed(check_all, docs)
    base_after = min(timed(scan_all, docs)[0] for _ in range(args.rounds))
    base = min(base_before, base_after)
    report = fifty_kb()
    times, n = [], 0
    for _ in range(max(args.rounds, 5)):
        t, found = timed(lambda: check_document(read_document(report, filename="50kb.txt")))
        times.append(t)
        n = len(found)
    print(f"documents: {len(docs)} ({size / 1024 / 1024:.1f} MB), findings: {findings}")
    print(f"check: {t_check:.2f} s = {len(docs) / t_check:.0f} documents/s ({size / 1024 / t_check:.0f} KB/s)")
    print(f"bare regex scan of the same bytes: {base:.3f} s (best of {args.rounds})")
    print(f"ratio check / scan: {t_check / base:.0f} ×")
    scan50 = min(timed(scan_all, [report])[0] for _ in range(max(args.rounds, 5) * 4))
    print(f"50 KB report ({len(report)} bytes, {n} findings): best {min(times) * 1000:.0f} ms, "
          f"median {statistics.median(times) * 1000:.0f} ms (aim: under 100 ms); "
          f"{min(times) / scan50:.0f} × a bare scan of it ({scan50 * 1000:.2f} ms; aim: 5 ×)")
    # An import of a plan also reads the target lists, which ``ktxh check`` leaves unparsed (Document.targets
    # is parsed when first read): the same report with them, to show what the check leaves out.
    def check_and_targets() -> int:
        doc = read_document(report, filename="50kb.txt")
        return len(check_document(doc)) + len(doc.targets)

    with_targets = min(timed(check_and_targets)[0] for _ in range(max(args.rounds, 5)))
    print(f"50 KB report checked and its target lists read too (as a plan's import does): best {with_targets * 1000:.0f} ms, "
          f"{with_targets / scan50:.0f} × the bare scan")
    if args.ocr:
        ocr_pages_per_minute(args.ocr)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, load {load:.1f}, {date.today()}")


if __name__ == "__main__":
    main()
