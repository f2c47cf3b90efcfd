"""Every page × every role: no page shows a figure, a past value, a note or a comment that the API
refuses the same person (issue 13, item 3).

Commune A holds figures in each state — a draft (typed twice), one sent, one returned with the
reviewer's comment, one approved — each with its own figure and note. What each role may see is asked
of the API itself (``GET /api/actuals/{id}`` and ``/history``), as the role would; every page, every
document download included, is then read by that role and must contain nothing else of them.
"""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.factories import Api

ROLES = ["officer", "officer_soc", "leader", "leader_b", "officer_b", "planner", "planner_q", "viewer", "anon"]

# What people typed, one set per figure: figures, past figures, notes, the reviewer's comment.
DRAFT = {"first": "1.916,2", "text": "1.917,3", "note": "Sổ theo dõi của thôn NH-17"}
SENT = {"text": "2.918,4", "note": "Báo cáo hợp tác xã NH-28"}
RETURNED = {"text": "3.919,5", "note": "Ước của cán bộ NH-39", "comment": "Chưa khớp số liệu thống kê TL-39"}
APPROVED = {"text": "5.933,3", "note": "Chi cục Thống kê NH-50"}
MARKERS = {v for d in (DRAFT, SENT, RETURNED, APPROVED) for v in d.values()}


@pytest.fixture
def figures(w):
    Target.objects.create(plan=w.plan, indicator=w.grain, year=None, source="hdnd", text="6.000 tấn")
    q1, q2, q3 = (Period.get("quarter", 2022, n) for n in (1, 2, 3))
    draft = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=q1, text=DRAFT["first"],
                           source_note=DRAFT["note"])
    draft = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=q1, text=DRAFT["text"],
                           source_note=DRAFT["note"], version=draft.version)
    sent = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=q2, text=SENT["text"], source_note=SENT["note"])
    sent = workflow.submit(w.officer, sent, version=sent.version)
    back = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=q3, text=RETURNED["text"],
                          source_note=RETURNED["note"])
    back = workflow.submit(w.officer, back, version=back.version)
    back = workflow.return_(w.leader, back, version=back.version, comment=RETURNED["comment"])
    done = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text=APPROVED["text"],
                          source_note=APPROVED["note"])
    done = workflow.submit(w.officer, done, version=done.version)
    done = workflow.approve(w.leader, done, version=done.version)
    return {"draft": draft, "sent": sent, "returned": back, "approved": done, "periods": [q1, q2, q3, w.year]}


def _strings(value) -> set[str]:
    if isinstance(value, dict):
        return {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return {value} if isinstance(value, str) else set()


def api_shows(w, role, actuals) -> set[str]:
    """The typed strings the API gives ``role`` about ``actuals`` (figure and change log)."""
    if role == "anon":
        return set()
    api = Api(getattr(w, role))
    shown = set()
    for a in actuals:
        for path in (f"/actuals/{a.pk}", f"/actuals/{a.pk}/history"):
            r = api.get(path)
            if r.status_code == 200:
                shown |= _strings(r.json())
    return shown & MARKERS


def pages(w, f) -> dict[str, str]:
    """URL name → a path for each page a person can open with GET (every period for the period pages)."""
    ky = [p.pk for p in f["periods"]]
    out = {
        "ui:home": "/", "ui:login": "/dang-nhap/",
        "analytics:commune": [f"/xa/{w.a.pk}/"] + [f"/xa/{w.a.pk}/?ke_hoach={w.plan.pk}&ky={k}" for k in ky],
        "analytics:indicator": [f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/", f"/xa/{w.a.pk}/chi-tieu/{w.poor.pk}/"],
        "analytics:term": f"/xa/{w.a.pk}/nhiem-ky/",
        "analytics:province": [f"/tinh/{w.p.pk}/"] + [f"/tinh/{w.p.pk}/?ky={k}" for k in ky],
        "tracking:entry_index": "/nhap-lieu/",
        "tracking:entry": [f"/nhap-lieu/{k}/" for k in ky],
        "tracking:queue": "/cho-duyet/",
        "tracking:import_upload": "/nhap-tep/",
        "plans:plans": "/ke-hoach/",
        "plans:plan": f"/ke-hoach/{w.plan.pk}/",
        "plans:preview": f"/ke-hoach/xem-truoc/?indicator={w.grain.pk}&text=6.000+t%E1%BA%A5n",
        "plans:indicators": ["/chi-tieu/", "/chi-tieu/?q=luong+thuc&dinh_dang=csv"],
        "plans:merge": ["/chi-tieu/gop/", f"/chi-tieu/gop/?giu_lai={w.poor.pk}&gop={w.grain.pk}"],
        "reports:narratives": f"/xa/{w.a.pk}/van-ban/loi-van/",
        "reports:download": [f"/xa/{w.a.pk}/van-ban/{kind}/?ke_hoach={w.plan.pk}&ky={k}"
                             for kind in ("bao-cao", "ke-hoach", "bieu") for k in ky],
        "accounts:tokens": "/tai-khoan/khoa-api/",
        "reports:settings": f"/xa/{w.a.pk}/van-ban/thiet-lap/",
        "accounts:members": "/tai-khoan/",
        "analytics:compare": [f"/tinh/{w.p.pk}/so-sanh/", f"/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}"],
        "accounts:member": [f"/tai-khoan/{w.officer.pk}/", f"/tai-khoan/{w.officer_b.pk}/"],
        "accounts:notifications": "/thong-bao/",
        "analytics:search": ["/tim-kiem/?q=l%C6%B0%C6%A1ng+th%E1%BB%B1c", "/tim-kiem/?q=L%C6%B0%C6%A1ng+S%C6%A1n"],
        "tracking:reading": f"/nhap-lieu/doc-so/?indicator={w.grain.pk}&text=6.100,5",
        "ui:password_change": "/doi-mat-khau/",
        "ui:password_change_done": "/doi-mat-khau/xong/",
        "ui:password_reset": "/quen-mat-khau/",
        "ui:password_reset_done": "/quen-mat-khau/da-gui/",
        "ui:password_reset_complete": "/dat-lai-mat-khau/xong/",
    }
    return {name: [p] if isinstance(p, str) else p for name, p in out.items()}


# Pages that only act on a POST and redirect, showing nothing of their own.
NOT_SHOWN = {
    "ui:logout": "đăng xuất",
    "tracking:review": "duyệt hoặc trả lại, rồi về trang chờ duyệt",
    "tracking:import_accept": "nhận một bản xem trước, rồi về kế hoạch",
    "jobs:status": "trạng thái công việc (JSON) của chính người yêu cầu: không chứa số liệu",
    "jobs:refresh_rollup": "xếp việc tổng hợp, chỉ POST",
    "accounts:revoke": "thu hồi khóa API, chỉ POST",
    "reports:issue": "cấp số văn bản, chỉ POST, rồi về trang tổng quan",
    "accounts:notification": "mở một thông báo của chính mình: đánh dấu đã xem, rồi chuyển tới trang nó nói",
    "ui:guide_picture": "một ảnh của hướng dẫn sử dụng",
    "analytics:next_year": "lập kế hoạch năm sau, chỉ POST, rồi về kế hoạch mới",
    "analytics:remind": "nhắc các xã, phường gửi số liệu, chỉ POST, rồi về trang toàn tỉnh",
    "ui:guide": "hướng dẫn sử dụng: văn bản cố định (ví dụ của nó trùng số liệu thử), không đọc số liệu nào",
    "ui:password_reset_confirm": "đặt lại mật khẩu từ đường dẫn trong thư: cần mã một lần",
}


def _url_names(patterns, namespace="") -> set[str]:
    names = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace in ("admin", "api"):
                continue
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            names |= _url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.add(namespace + p.name)
    return names


def test_every_page_is_in_the_sweep(w, figures):
    assert _url_names(get_resolver().url_patterns) == set(pages(w, figures)) | set(NOT_SHOWN)


def _text(r) -> str:
    body = b"".join(r.streaming_content) if r.streaming else r.content
    if body[:2] == b"PK":  # a Word or Excel file: its XML parts
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    return body.decode("utf-8", "replace")


EXPECTED_API = {  # the API's rules, as test_use_api_by_role states them
    "officer": MARKERS, "officer_soc": MARKERS, "leader": MARKERS,
    "planner": MARKERS - {DRAFT["first"], DRAFT["text"], DRAFT["note"]},
    "leader_b": set(APPROVED.values()), "officer_b": set(APPROVED.values()), "viewer": set(APPROVED.values()),
    "planner_q": set(), "anon": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_what_the_api_refuses(w, figures, role):
    actuals = [figures[k] for k in ("draft", "sent", "returned", "approved")]
    allowed = api_shows(w, role, actuals)
    assert allowed == EXPECTED_API[role]
    refused = MARKERS - allowed
    c = Client()
    if role != "anon":
        c.force_login(getattr(w, role))
    seen = set()
    for name, paths in pages(w, figures).items():
        for path in paths:
            r = c.get(path)
            assert r.status_code < 500, (name, path, r.status_code)
            text = _text(r)
            leaked = {m for m in refused if m in text}
            assert not leaked, (role, name, path, leaked)
            seen |= {m for m in allowed if m in text}
    # Not a sweep over empty pages: all the API allows the role shows on some page (past values and
    # comments in the indicator page's change log).
    assert seen == allowed, (role, allowed - seen)


WORK_PAGES = {"Việc cần làm": "/nhap-lieu/", "Chờ duyệt": "/cho-duyet/", "Kế hoạch": "/ke-hoach/", "Nhập tệp": "/nhap-tep/"}


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anon"] + ["nobody"])
def test_the_menu_offers_exactly_the_work_pages_that_open(w, role):
    from ktxh.web.ui.pages import menu

    who = getattr(w, role)
    offered = {label for label, _ in menu(who)}
    c = Client()
    c.force_login(who)
    for label, path in WORK_PAGES.items():
        status = c.get(path).status_code
        assert (status == 200) == (label in offered), (role, label, status)
        assert status in (200, 403), (role, label, status)
