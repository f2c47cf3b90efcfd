"""Every page: Vietnamese, every form control named (label/for, a wrapping label, or aria-label),
every table captioned, colour never alone (each status badge carries its words)."""

from html.parser import HTMLParser

import pytest

from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import approved, signed_in


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.tables, self.captions, self.in_label, self.lang = [], set(), 0, 0, 0, None
        self.badges, self._badge, self._depth = [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.labelled.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append((a.get("name"), a.get("id"), bool(a.get("aria-label")) or self.in_label > 0))
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "span" and self._badge is not None:
            self._depth += 1
        elif tag == "span" and "badge" in (a.get("class") or "").split():
            self._badge, self._depth = "", 0

    def handle_endtag(self, tag):
        if tag == "label":
            self.in_label -= 1
        if tag == "span" and self._badge is not None:
            if self._depth:
                self._depth -= 1
            else:
                self.badges.append(self._badge.strip())
                self._badge = None

    def handle_data(self, data):
        if self._badge is not None:
            self._badge += data


@pytest.fixture
def pages(w):
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2022, source="hdnd", text="dưới 2%")
    approved(w, "6.031")
    return [
        (w.leader, f"/xa/{w.a.pk}/"), (w.leader, f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/"),
        (w.leader, f"/xa/{w.a.pk}/nhiem-ky/"), (w.officer, "/nhap-lieu/"), (w.officer, f"/nhap-lieu/{w.year.pk}/"),
        (w.leader, "/cho-duyet/"), (w.leader, "/ke-hoach/"), (w.leader, f"/ke-hoach/{w.plan.pk}/"),
        (w.leader, "/nhap-tep/"), (w.planner, f"/tinh/{w.p.pk}/"), (None, "/dang-nhap/"),
    ]


def test_every_control_named_every_table_captioned(client, pages):
    seen = {"controls": 0, "tables": 0, "badges": 0}
    for user, url in pages:
        c = signed_in(user) if user else client
        r = c.get(url)
        assert r.status_code == 200, url
        p = Page()
        p.feed(r.content.decode())
        assert p.lang == "vi", url
        unnamed = [(name, id_) for name, id_, wrapped in p.controls if not wrapped and id_ not in p.labelled]
        assert unnamed == [], url
        assert p.tables == p.captions, url
        assert all(any(ch.isalpha() for ch in b) for b in p.badges), url  # a sign and words, not colour alone
        seen["controls"] += len(p.controls)
        seen["tables"] += p.tables
        seen["badges"] += len(p.badges)
    assert seen["controls"] > 15 and seen["tables"] > 8 and seen["badges"] >= 2  # the checks had something to check
