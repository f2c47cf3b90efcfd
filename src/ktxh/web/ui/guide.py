"""The user guide inside the application: docs/huong-dan-su-dung.md rendered with markdown-it-py,
with the list of its sections; its pictures served from docs/img."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from django.http import FileResponse, Http404
from django.urls import reverse
from markdown_it import MarkdownIt

from .pages import page, signed_in

DOCS = Path(__file__).resolve().parents[4] / "docs"
GUIDE = DOCS / "huong-dan-su-dung.md"
PICTURE = re.compile(r"[a-z0-9][a-z0-9-]*\.png")


def anchor(title: str) -> str:
    """An anchor for a heading.

    >>> anchor("3. Nhập số liệu (công chức)")
    '3-nhap-so-lieu-cong-chuc'
    """
    t = unicodedata.normalize("NFD", title.lower().replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _pictures(text: str, image_url: str) -> str:
    return text.replace('src="img/', f'src="{image_url}')


def render(markdown: str, image_url: str) -> tuple[str, list[tuple[str, str]]]:
    """The guide's HTML (its own raw HTML kept: the file is ours) and its sections (anchor, title).

    >>> html, sections = render("# Hướng dẫn\\n\\n## 1. Đăng nhập\\n\\n![Ảnh](img/a.png)", "/anh/")
    >>> sections, '<h2 id="1-dang-nhap">' in html, 'src="/anh/a.png"' in html
    ([('1-dang-nhap', '1. Đăng nhập')], True, True)
    """
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(markdown)
    sections = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag in ("h2", "h3"):
            title = tokens[i + 1].content
            tok.attrSet("id", anchor(title))
            if tok.tag == "h2":
                sections.append((anchor(title), title))
        elif tok.type == "html_block":
            tok.content = _pictures(tok.content, image_url)
        for child in tok.children or []:
            if child.type == "image" and str(child.attrGet("src") or "").startswith("img/"):
                child.attrSet("src", image_url + str(child.attrGet("src"))[4:])
            elif child.type == "html_inline":
                child.content = _pictures(child.content, image_url)
    return md.renderer.render(tokens, md.options, {}), sections


@signed_in
def guide(request):
    if not GUIDE.exists():
        raise Http404("Bản cài đặt này không kèm hướng dẫn sử dụng (docs/huong-dan-su-dung.md).")
    html, sections = render(GUIDE.read_text(encoding="utf-8"), reverse("ui:guide") + "anh/")
    return page(request, "ui/guide.html", {"title": "Hướng dẫn sử dụng", "html": html, "sections": sections})


@signed_in
def picture(request, name: str):
    path = DOCS / "img" / name
    if not PICTURE.fullmatch(name) or not path.is_file():
        raise Http404(f"Không có ảnh “{name}” trong hướng dẫn.")
    return FileResponse(path.open("rb"), content_type="image/png")
