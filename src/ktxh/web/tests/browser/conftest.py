"""Browser tests: Playwright for Python driving Debian's chromium (never a downloaded one).

Skipped when /usr/bin/chromium or the playwright package is missing. Screenshots go to
artifacts/screenshots/ (kept by CI).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[5]
SHOTS = (ROOT if (ROOT / "pyproject.toml").exists() else Path.cwd()) / "artifacts" / "screenshots"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    # While Playwright's sync API runs, an event loop runs in this thread: the tests' own ORM
    # calls are still synchronous, so Django's guard against ORM use in a loop is lifted, and
    # only for as long as the browser lives.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as p:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield b
            b.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    p = context.new_page()
    p.set_default_timeout(15000)
    yield p
    context.close()


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture
def demo(transactional_db):
    """The demo province: the five seed wards, read and imported as ``ktxh serve`` loads them."""
    from ktxh.web.demo.load import load_demo

    load_demo()


WIDTHS = [1366, 360]  # a desktop and a phone


@pytest.fixture
def ward(transactional_db):
    """The test province of ``factories.world`` (password ``mat-khau-thu``) with this year's plan of
    Lương Sơn: two targets, the year's figures due in five days (the officers' deadline: in two)."""
    import datetime as dt

    from django.utils import timezone

    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans.models import Plan, Target
    from ktxh.web.tests.factories import world

    w = world()
    today = timezone.localdate()
    w.this = Plan.objects.create(unit=w.a, kind="annual", start_year=today.year, end_year=today.year,
                                 title=f"Kế hoạch phát triển kinh tế - xã hội năm {today.year}")
    Target.objects.create(plan=w.this, indicator=w.grain, year=today.year, source="hdnd", text="6.000 tấn")
    Target.objects.create(plan=w.this, indicator=w.poor, year=today.year, source="hdnd", text="< 1,5%")
    w.now = Period.get("year", today.year)
    w.now.due_on = today + dt.timedelta(days=5)
    w.now.save()
    Period.objects.exclude(pk=w.now.pk).delete()  # the periods that open themselves: only this one here
    return w


def context(browser, width: int):
    return browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 780}, locale="vi-VN")


def no_sideways_scroll(page) -> bool:
    # A click that navigates returns before the next page exists: measure the page once it is whole.
    page.wait_for_load_state()
    page.wait_for_function("document.documentElement !== null && document.readyState === 'complete'")
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def log_in(page, base: str, username: str, password: str | None = None) -> None:
    from ktxh.web.demo.load import PASSWORD

    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password or PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()
