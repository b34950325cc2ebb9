"""The installable app against server mode as a phone reaches it: over HTTPS (nginx with a self-signed certificate
on loopback, two workers), signed in, the log opens offline from the service worker and an entry made there is
sent once the phone is back online — into the person's own diary, with their session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.postgres import PostgresServer
from tests.server.cluster import cluster as running
from tests.web.test_browser import CHROMIUM, FLAGS, playwright  # noqa: F401  (fixtures)
from tests.web.test_installable import log_offline_then_reconnect
from twitchwise.diary.store import Store
from twitchwise.server.accounts import Accounts

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def secure_site(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = postgres.new_database()
    with Store(database) as store:
        accounts = Accounts(store, lambda: dt.datetime.now().replace(microsecond=0))
        accounts.create("alice", PASSWORD, "person")
        accounts.create("bob", PASSWORD, "person")
    with running(database, tmp_path_factory.mktemp("phone"), workers=2) as (base, _trusted):
        yield base


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:  # noqa: F811
    # The certificate is self-signed for this test (a real deployment has a trusted one, docs/deployment.md); a
    # service worker registers only on a certificate the browser accepts, so this browser is told to.
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, "--ignore-certificate-errors"])
    yield launched
    launched.close()


def _phone(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 375, "height": 812}, ignore_https_errors=True)
    context.set_default_timeout(20_000)
    return context.new_page()


def _sign_in(phone: Page, base: str, username: str) -> None:
    phone.goto(f"{base}/login")
    phone.get_by_label("Username").fill(username)
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Sign in", exact=True).click()
    expect(phone).to_have_url(f"{base}/")


def test_the_phone_app_logs_offline_over_https_and_sends_it_once_back_online(
    browser: Browser, secure_site: str
) -> None:
    base = secure_site
    phone = _phone(browser)
    _sign_in(phone, base, "alice")
    log_offline_then_reconnect(phone, base, shot="server-saved-offline.png")
    phone.context.close()
    other = _phone(browser)
    _sign_in(other, base, "bob")
    other.goto(f"{base}/diary")
    expect(other.locator("main")).not_to_contain_text("left calf, 5 twitches")  # into alice's diary alone
    other.context.close()


def test_the_sign_in_page_itself_works_at_phone_width(browser: Browser, secure_site: str) -> None:
    phone = _phone(browser)
    phone.goto(f"{secure_site}/login")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    expect(phone.get_by_role("button", name="Sign in", exact=True)).to_be_visible()
    phone.context.close()


def test_a_passkey_is_added_on_the_account_page_and_signs_in_with_no_password(
    browser: Browser, secure_site: str
) -> None:
    base = secure_site
    phone = _phone(browser)
    device = phone.context.new_cdp_session(phone)  # Chromium's virtual authenticator stands for the phone's own
    device.send("WebAuthn.enable")
    device.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True,
    }})  # fmt: skip
    _sign_in(phone, base, "bob")
    phone.goto(f"{base}/account")
    phone.get_by_role("button", name="Add a passkey on this device").click()
    expect(phone.locator("#passkey-status")).to_have_text("Passkey added: you can sign in with it on this device.")
    phone.reload()
    expect(phone.get_by_text("You have 1 passkey")).to_be_visible()
    phone.get_by_role("button", name="Sign out").click()
    expect(phone).to_have_url(f"{base}/login")
    phone.get_by_role("button", name="Sign in with a passkey").click()
    expect(phone).to_have_url(f"{base}/")  # signed in: no username, no password
    phone.goto(f"{base}/account")
    expect(phone.locator("main")).to_contain_text("Signed in as bob")
    forged = phone.request.post(f"{base}/login/passkey", data={"credential": {"id": "nope"}, "token": "x.0.y.1.z"},
                                headers={"Origin": base})  # fmt: skip
    assert forged.status in (401, 422)
    phone.context.close()
