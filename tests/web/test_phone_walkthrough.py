"""Every page, and every step of a check, as a phone (375 × 812) and a desktop (1280 × 900) show them.

A screenshot of each is kept in ``test-artifacts/screenshots/<viewport>/`` for a person to look at,
and axe-core (Deque's accessibility engine, fetched from npm by ``make test``) runs its WCAG 2.0/2.1
A and AA rules on each: no serious or critical violation is allowed.  The check is also walked with
the keyboard alone, and focus must land on each new step's heading.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.web.test_browser import SHOTS, browser, playwright, site  # noqa: F401  (fixtures)

AXE = Path(os.environ.get("TWITCHWISE_AXE", ".cache/axe-core-4.14.1/axe.min.js"))
VIEWPORTS: dict[str, ViewportSize] = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
PAGES = {
    "today": "/", "log": "/log", "log-twitch": "/log/twitch", "log-day": "/log/day", "log-symptom": "/log/symptom",
    "diary": "/diary", "insights": "/insights", "report": "/report", "settings": "/settings",
    "not-found": "/no-such-page",
}  # fmt: skip
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(params=list(VIEWPORTS))
def screen(browser: Browser, request: pytest.FixtureRequest) -> Iterator[tuple[str, Page]]:  # noqa: F811
    assert AXE.is_file(), f"axe-core is missing at {AXE}: `make test` fetches it (make axe)"
    # axe is injected as a script; the app's own policy forbids that, so this context alone sets it aside.
    context = browser.new_context(viewport=VIEWPORTS[request.param], device_scale_factor=1, bypass_csp=True)
    yield request.param, context.new_page()
    context.close()


def audit(page: Page, viewport: str, name: str, found: dict[str, list[str]]) -> None:
    """Keep a screenshot, and note every serious or critical WCAG A/AA violation on the page."""
    folder = SHOTS / viewport
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, f"{name} scrolls sideways on a phone"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG
    )
    serious = [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    if serious:
        found[name] = serious


def test_every_page_and_every_step_passes_axe_at_phone_and_desktop_width(
    screen: tuple[str, Page],
    site: str,  # noqa: F811
) -> None:
    viewport, page = screen
    found: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        audit(page, viewport, name, found)
    page.goto(f"{site}/log/twitch?site=left_calf")  # a diary to draw: the charts, the week so far, the tables
    page.get_by_role("button", name="5", exact=True).click()
    page.goto(f"{site}/log/day")
    page.get_by_label("Caffeine").fill("3 cups")
    page.get_by_role("button", name="Save", exact=False).first.click()
    for name in ("diary", "insights"):
        page.goto(f"{site}{PAGES[name]}")
        expect(page.locator("svg.daychart").first).to_be_visible()
        audit(page, viewport, f"{name}-with-data", found)
    page.goto(f"{site}/check")
    audit(page, viewport, "check-start", found)
    page.get_by_label("Describe it in your own words").fill(
        "my left calf has been twitching for 3 days, no weakness, I'm really scared it's ALS"
    )
    page.get_by_role("button", name="Read my description").click()
    for number in range(30):
        audit(page, viewport, f"check-step-{number:02d}", found)
        if "/checks/" in page.url:
            break
        if page.get_by_role("button", name="See my advice").count():
            page.get_by_role("button", name="See my advice").click()
        elif page.get_by_role("button", name="None of these").count():
            page.get_by_role("button", name="None of these").click()
        elif page.get_by_role("button", name="Skip the rest and see my advice").count():
            page.get_by_role("button", name="Skip the rest and see my advice").click()
        else:
            page.get_by_role("button", name="Not sure / skip").click()
    assert "/checks/" in page.url, "the check did not reach its result"
    expect(page.locator(".banner-self_care")).to_be_visible()
    assert not found, found


def test_the_check_works_from_the_keyboard_and_focus_moves_to_each_new_step(
    screen: tuple[str, Page],
    site: str,  # noqa: F811
) -> None:
    _, page = screen
    page.goto(f"{site}/check")
    page.get_by_label("Describe it in your own words").fill("left calf twitching for 3 days")
    page.keyboard.press("Tab")  # to "Read my description"
    page.keyboard.press("Enter")
    for _ in range(3):  # three steps, by keyboard alone
        page.wait_for_url(re.compile(r"/check/d/[\w-]+/\d+$"))
        assert page.evaluate("document.activeElement.id") == "step-h"  # focus is on the new step's heading
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "None of these":
                break
        else:
            raise AssertionError("'None of these' is not reachable with Tab")
        previous = page.url
        page.keyboard.press("Enter")
        page.wait_for_function("url => location.href !== url", arg=previous)
