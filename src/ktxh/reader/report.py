"""Findings as a Vietnamese text report, or as an HTML page to share."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

from .document import KIND_LABELS, VERDICT_LABELS, Finding

_ORDER = {"wrong": 0, "unverifiable": 1, "ok": 2}


def summary_line(findings: Sequence[Finding]) -> str:
    c = Counter(f.verdict for f in findings)
    return (f"{len(findings)} số liệu kiểm tra: {c['wrong']} sai, {c['ok']} đúng, "
            f"{c['unverifiable']} không kiểm tra được.")


def text_report(file: str, findings: Sequence[Finding], *, show_ok: bool = True,
                warnings: Sequence[str] = ()) -> str:
    lines = [f"== {file}", summary_line(findings)]
    lines.extend(f"Lưu ý: {w}" for w in warnings)
    for f in sorted(findings, key=lambda f: _ORDER[f.verdict]):
        if f.verdict == "ok" and not show_ok:
            continue
        lines.append("")
        lines.append(f"[{VERDICT_LABELS[f.verdict].upper()}] {KIND_LABELS.get(f.kind, f.kind)} — {f.location}")
        lines.append(f"  Câu: \u201c{f.quote}\u201d")
        if f.stated_text or f.computed_text:
            lines.append(f"  Ghi: {f.stated_text or '—'}   Tính lại: {f.computed_text or '—'}")
        if f.note:
            lines.append(f"  {f.note}")
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top}
th{background:#f3f3f3;text-align:left}.wrong{background:#fde8e8}.unverifiable{background:#fff8e1}
.ok{background:#eef8ee}blockquote{margin:0;font-style:italic}small{color:#555}
"""


def html_report(results: Sequence[tuple[str, Sequence[Finding]]], errors: Sequence[tuple[str, str]] = ()) -> str:
    """One page for every file checked; unreadable files listed with their error."""
    e = html.escape
    out = ['<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">',
           "<title>Kiểm tra số liệu báo cáo</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>Kiểm tra số liệu báo cáo</h1>"]
    for name, message in errors:
        out.append(f"<h2>{e(name)}</h2><p class=wrong>Không đọc được: {e(message)}</p>")
    for name, findings in results:
        out.append(f"<h2>{e(name)}</h2><p>{e(summary_line(findings))}</p>")
        out.append("<table><tr><th>Kết luận</th><th>Câu và vị trí</th><th>Ghi</th><th>Tính lại</th></tr>")
        for f in sorted(findings, key=lambda f: _ORDER[f.verdict]):
            out.append(
                f'<tr class="{e(f.verdict)}"><td>{e(VERDICT_LABELS[f.verdict])}<br>'
                f"<small>{e(KIND_LABELS.get(f.kind, f.kind))}</small></td>"
                f"<td><blockquote>{e(f.quote)}</blockquote><small>{e(str(f.location))}</small>"
                f"<br><small>{e(f.note)}</small></td>"
                f"<td>{e(f.stated_text)}</td><td>{e(f.computed_text)}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
