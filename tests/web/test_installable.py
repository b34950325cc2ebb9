"""Installable on a phone: a web app manifest with icons, and a service worker that keeps the log
usable offline and sends what was logged there, once, when the app can be reached again."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import post_form
from tests.web.test_browser import SHOTS, browser, playwright, site  # noqa: F401  (fixtures)


def test_the_manifest_names_the_app_its_start_page_and_icons(client: TestClient) -> None:
    page = client.get("/log").text
    assert '<link rel="manifest" href="/static/manifest.webmanifest">' in page
    manifest = json.loads(client.get("/static/manifest.webmanifest").text)
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/log" and manifest["scope"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes and any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        png = client.get(icon["src"])
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker.headers["content-type"].startswith("text/javascript")
    policy = client.get("/").headers["content-security-policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy


def test_a_form_sent_twice_is_saved_once(client: TestClient) -> None:
    page = client.get("/log/twitch?site=left_calf").text
    uid = re.search(r'name="uid" value="([0-9a-f]{32})"', page)
    assert uid is not None
    form = {"site": "left_calf", "count": "4", "uid": uid.group(1)}
    first, second = post_form(client, "/log/twitch", form), post_form(client, "/log/twitch", form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    entries = client.get("/api/v1/diary").json()["entries"]
    assert len(entries) == 1


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=1)
    yield context.new_page()
    context.close()


def log_offline_then_reconnect(phone: Page, base: str, shot: str | None = None) -> None:
    """On a page the service worker looks after: log a twitch with no connection, then come back online and see it
    reach the diary once.  Shared by the local app's test and server mode's over HTTPS."""
    phone.goto(f"{base}/log")
    phone.wait_for_function("navigator.serviceWorker.ready.then(() => true)", timeout=30_000)
    phone.reload()  # now the page is looked after by the worker
    phone.wait_for_function("navigator.serviceWorker.controller !== null")
    phone.context.set_offline(True)
    phone.goto(f"{base}/log/twitch?site=left_calf")  # from the worker's copy
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Log a twitch")
    phone.get_by_label("Where").select_option("left_calf")
    phone.get_by_role("button", name="5", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Saved on this phone")
    if shot:
        Path(SHOTS / "phone").mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(SHOTS / "phone" / shot), full_page=True)
    phone.context.set_offline(False)
    phone.goto(f"{base}/log")  # a page load with a connection sends the queue (in the worker, in its own time)
    for _ in range(40):  # a busy machine (tests run in parallel) can take a few seconds
        phone.goto(f"{base}/diary")
        if "left calf, 5 twitches" in phone.locator("main").inner_text():
            break
        phone.wait_for_timeout(250)
    expect(phone.locator("main")).to_contain_text("left calf, 5 twitches")
    phone.goto(f"{base}/log")
    phone.wait_for_timeout(500)
    phone.goto(f"{base}/diary")
    expect(phone.locator("main").get_by_text("left calf, 5 twitches")).to_have_count(1)  # sent once


def test_offline_the_log_opens_and_an_entry_is_sent_once_the_app_is_back(phone: Page, site: str) -> None:  # noqa: F811
    log_offline_then_reconnect(phone, site, shot="saved-offline.png")
