"""End to end in a real browser: Debian's Chromium, headless, driven by Playwright.

Each test serves a fresh app on a loopback port.  Screenshots of the key pages are kept in
``test-artifacts/screenshots`` for a person to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, ViewportSize, expect, sync_playwright
from playwright.sync_api import Response as PlaywrightResponse

from tests.web.conftest import LiveServer, make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parents[2] / "test-artifacts" / "screenshots"
# Chromium's own background traffic would fail on a closed network; none of it is needed here.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE: ViewportSize = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    yield launched
    launched.close()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    app = make_app(tmp_path)
    with LiveServer(app) as url:
        yield url
    app.state.backend.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    opened = context.new_page()
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # A form shown again with a 422 is a page load Chromium reports; a subresource failing is caught below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response: PlaywrightResponse) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            errors.append(f"{response.status} {response.url}")

    opened.on("console", on_console)
    opened.on("response", on_response)
    yield opened
    context.close()
    assert not errors, f"the browser reported errors (a CSP violation, a script error, a missing file): {errors}"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def start_check(page: Page, site: str, days: str) -> None:
    page.goto(f"{site}/check")
    page.locator('.figure-front [data-toggle-site="left_calf"]').click()  # the body map ticks the list for you
    expect(page.get_by_label("left calf", exact=True).first).to_be_checked()
    expect(page.locator("#chosen-sites")).to_have_text("left calf")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("For how many days").fill(days)
    page.get_by_role("button", name="Continue").click()


def finish_check(page: Page, yes: str | None = None) -> None:
    """Say yes to one symptom when it is offered; no to the other checklists; skip the rest."""
    for _ in range(40):
        if page.url.split("/")[-2:-1] == ["checks"]:
            return
        if yes and page.locator(f'input[name="q.{yes}"][value="yes"]').count():
            page.locator(f'input[name="q.{yes}"][value="yes"]').check()
            page.get_by_role("button", name="Continue").click()
            yes = None
        elif page.get_by_role("button", name="None of these").count():
            page.get_by_role("button", name="None of these").click()
        elif page.get_by_role("button", name="See my advice").count():
            page.get_by_role("button", name="See my advice").click()  # the summary of answers
        elif page.get_by_role("button", name="Skip the rest and see my advice").count():
            page.get_by_role("button", name="Skip the rest and see my advice").click()
        else:
            page.get_by_role("button", name="Not sure / skip").click()
    raise AssertionError("the check did not end")


@pytest.mark.parametrize(
    ("days", "yes", "banner", "words"),
    [
        ("2", "breathing_difficulty", "emergency", "Call 999"),
        ("2", "recent_fluid_loss", "urgent", "today"),
        ("30", None, "routine", "Twitching for more than 2 weeks"),
        ("3", None, "self_care", "Self-care"),
    ],
)
def test_a_check_ends_in_each_disposition(
    page: Page, site: str, days: str, yes: str | None, banner: str, words: str
) -> None:
    start_check(page, site, days)
    if banner == "self_care":
        shot(page, "check-red-flag-checklist")
    finish_check(page, yes)
    result = page.locator(f".banner-{banner}")
    expect(result).to_be_visible()
    expect(page.locator("main")).to_contain_text(words)
    expect(page.locator("#sources-h")).to_be_visible()
    shot(page, f"result-{banner}")
    page.goto(site)
    expect(page.locator(f".badge-{banner}")).to_be_visible()  # home shows the last check


def test_log_on_the_body_map_at_phone_width_then_see_it_and_delete_it(page: Page, site: str) -> None:
    page.goto(f"{site}/log")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    shot(page, "log-body-map")
    page.get_by_role("link", name="left calf").click()  # tap 1: the place
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a twitch: left calf")
    page.get_by_label("3 · moderate").check()
    shot(page, "log-count")
    page.get_by_role("button", name="5", exact=True).click()  # tap 2: the count logs it
    expect(page.locator(".flash")).to_contain_text("left calf, 5 twitches, intensity 3")
    expect(page.locator("#entry-e1")).to_contain_text("left calf")
    bar = page.locator('#day-chart rect.bar[data-day="2026-11-21"]')
    expect(bar).to_have_attribute("data-value", "1")
    assert float(bar.get_attribute("height") or 0) > 30  # today's bar is drawn full height
    box = page.locator("#day-chart").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] - 2, box["y"] + 5)  # a tap near the bar, not on it, picks it
    expect(page.locator("#daychart-value")).to_have_text("Sat 21 Nov: 1 episode (calf)")
    shot(page, "diary")
    page.goto(f"{site}/insights")
    chart_box = page.locator("#episodes-chart").bounding_box()
    assert chart_box is not None
    page.mouse.click(chart_box["x"] + 3, chart_box["y"] + 5)  # two weeks at least: the first is before the diary
    expect(page.locator("#day-value")).to_have_text("Sun 8 Nov: nothing recorded")
    page.keyboard.press("ArrowRight")  # the chart has focus: the arrow keys walk its days
    expect(page.locator("#day-value")).to_have_text("Mon 9 Nov: nothing recorded")
    page.mouse.click(chart_box["x"] + chart_box["width"] - 3, chart_box["y"] + 5)
    expect(page.locator("#day-value")).to_contain_text("Sat 21 Nov: 1 episode")
    page.get_by_text("The charts as printed in the report").click()
    chart = page.get_by_role("img", name="Twitch episodes a day over your whole diary", exact=False)
    expect(chart).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())  # it loaded
    page.goto(f"{site}/diary")
    page.get_by_role("link", name="Delete e1").click()
    page.get_by_role("button", name="Delete it").click()
    expect(page.locator(".flash")).to_have_text("Deleted e1.")
    expect(page.locator("#entry-e1")).to_have_count(0)
    expect(page.locator('#day-chart rect.bar[data-day="2026-11-21"]')).to_have_count(0)


def test_the_body_map_works_from_the_keyboard(page: Page, site: str) -> None:
    page.goto(f"{site}/check")
    area = page.locator('[data-toggle-site="right_thigh"]').first
    area.focus()
    page.keyboard.press("Space")
    expect(area).to_have_attribute("aria-checked", "true")
    expect(page.get_by_label("right thigh", exact=True).first).to_be_checked()
    page.keyboard.press("Enter")
    expect(area).to_have_attribute("aria-checked", "false")


def test_a_script_in_a_note_does_not_run(page: Page, site: str) -> None:
    page.goto(f"{site}/log/twitch?site=left_calf")
    page.get_by_text("More detail (optional)").click()
    page.get_by_label("Note").fill(
        "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
    )
    page.get_by_role("button", name="1", exact=True).click()
    expect(page.locator(".note-text")).to_contain_text("<script>")
    assert page.title() != "pwned"


def test_home_and_day_log_pages(page: Page, site: str) -> None:
    page.goto(site)
    expect(page.get_by_role("link", name="Check my twitching")).to_be_visible()
    shot(page, "home")
    page.goto(f"{site}/log/day")
    page.get_by_label("Caffeine").fill("3 cups")
    page.get_by_label("Sleep last night").fill("6h")
    page.get_by_role("button", name="Save the day").click()
    expect(page.locator(".flash")).to_contain_text("caffeine 285 mg")
    page.goto(f"{site}/log/day")
    page.get_by_label("Stress, 0–10").fill("12")
    page.get_by_role("button", name="Save the day").click()
    expect(page.get_by_role("alert")).to_contain_text("stress")
    shot(page, "day-log-error")


def test_the_light_log_at_phone_width_is_one_tap(page: Page, site: str) -> None:
    page.goto(f"{site}/log")
    page.get_by_role("link", name="left calf").click()
    page.get_by_role("button", name="5", exact=True).click()
    page.goto(f"{site}/log")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="A little").click()  # one tap for today
    expect(page.get_by_role("status")).to_contain_text("Saved for today: left calf, a little.")
    expect(page.get_by_role("button", name="A little")).to_have_attribute("aria-pressed", "true")
    box = page.get_by_role("button", name="A lot").bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    shot(page, "log-light")


def test_the_re_check_can_be_a_browser_notification_kept_in_this_browser_only(page: Page, site: str) -> None:
    page.context.grant_permissions(["notifications"], origin=site)
    start_check(page, site, "3")
    finish_check(page)
    page.get_by_role("button", name="Or remind me in this browser").click()
    expect(page.locator("#remind-status")).to_contain_text("This browser will remind you")
    due = page.evaluate("localStorage.getItem('twitchwise-recheck')")
    assert due == "2026-12-05"  # two weeks after the check (the app's today is 2026-11-21)
    page.evaluate("localStorage.setItem('twitchwise-recheck', '2000-01-01')")  # the day has come
    page.goto(site)
    assert page.evaluate("localStorage.getItem('twitchwise-recheck')") is None  # shown once, then forgotten


def test_a_common_answer_is_one_tap_on_a_chip(page: Page, site: str) -> None:
    page.goto(f"{site}/check")
    page.locator('.figure-front [data-toggle-site="left_calf"]').click()
    page.get_by_role("button", name="Continue").click()
    chip = page.get_by_role("button", name="2 weeks", exact=True)
    box = chip.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    chip.click()
    expect(page.get_by_label("For how many days")).to_have_value("2 weeks")
    shot(page, "check-chips")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#form-error")).to_have_count(0)  # the chip's words are read like typed ones
