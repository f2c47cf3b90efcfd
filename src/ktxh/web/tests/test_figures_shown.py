"""Figures as people read them (issue 16): a stored figure shows its indicator's display decimals.

The demo imports Lương Sơn's budget from seed 002 in đồng ("3.182.308.468đ") and stores it exactly in
the indicator's unit, 3.182,308468 triệu đồng; the term review, the indicator page and the comparison
between communes showed all six decimals. Every page a leader and the province's planner reach from
the dashboard is read here; the plan editor is left out on purpose: it shows a target as typed.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model

from ktxh.web.demo import load
from ktxh.web.tests.pages import signed_in

LONG = re.compile(r"\d[\d.]*,\d{4,}")
TAG = re.compile(r"<[^>]+>")
FOLLOWED = ("/xa/", "/tinh/", "/cho-duyet/", "/nhap-lieu/")


@pytest.fixture
def demo(db):
    load.load_demo()


def _crawl(client, start: str, limit: int = 60) -> dict[str, list[str]]:
    seen, todo, found = set(), [start], {}
    while todo and len(seen) < limit:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        page = client.get(url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        body = page.content.decode()
        hits = LONG.findall(TAG.sub(" ", body))
        if hits:
            found[url] = hits
        for href in re.findall(r'href="(/[^"#]*)"', body):
            href = urljoin(url, href.replace("&amp;", "&"))
            if href.startswith(FOLLOWED) and "dinh_dang" not in href and href not in seen:
                todo.append(href)
    assert len(seen) > 10, seen  # the pages were reached, not an empty crawl
    return found


@pytest.mark.parametrize("username", ["luongson.lanhdao", "tinh.kehoach"])
def test_no_page_shows_a_figure_with_more_decimals_than_its_indicator(demo, username):
    client = signed_in(get_user_model().objects.get(username=username))
    home = client.get("/", follow=True)
    start = urlsplit(home.redirect_chain[-1][0]).path if home.redirect_chain else "/"
    assert _crawl(client, start) == {}


def test_lương_sơn_budget_shows_whole_millions_on_the_term_review(demo):
    user = get_user_model().objects.get(username="luongson.lanhdao")
    unit = user.membership.unit
    page = signed_in(user).get(f"/xa/{unit.pk}/nhiem-ky/").content.decode()
    assert "3.182,308468" not in page and ">3.182 <" in page.replace("\n", " ")
