"""In a real browser: headless Chromium filters with the form, follows a statement, copies its
citation and downloads the CSV, which must equal `quotes export` for the same filter."""

import json
import time

import pytest

from quotes.web.app import create_app
from quotes.web.database import read_only_engine
from tests.browser import chromium, chromium_missing, live_server
from tests.helpers import PROJECT, run

pytestmark = pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))


@pytest.fixture(scope="module")
def site(seeded_url):
    engine = read_only_engine(seeded_url)
    with live_server(create_app(engine, project=PROJECT)) as base:
        yield base
    engine.dispose()


def wait_for(condition, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.1)
    return found


def test_filter_follow_copy_and_download(site, seeded_url, tmp_path):
    from selenium.webdriver.common.by import By

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium(downloads) as browser:
        browser.get(site + "/statements")
        assert len(browser.find_elements(By.CSS_SELECTOR, "li.statement")) == 22
        browser.find_element(By.NAME, "critical_of").send_keys("moscow")
        browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait_for(lambda: browser.current_url.endswith("/statements?critical_of=moscow"))
        listing = browser.current_url
        assert len(browser.find_elements(By.CSS_SELECTOR, "li.statement")) == 9
        assert "9 statements match" in browser.find_element(By.CSS_SELECTOR, ".summary").text

        # Follow the first statement and copy its citation with the button.
        first = browser.find_element(By.CSS_SELECTOR, "li.statement blockquote a")
        key = first.get_attribute("href").split("/statements/", 1)[1]
        first.click()
        wait_for(lambda: key in browser.current_url)
        browser.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"origin": site, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )
        browser.find_element(By.ID, "copy-citation").click()
        wait_for(lambda: browser.find_element(By.ID, "copied").text == "Copied.")
        copied = browser.execute_async_script(
            "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('' + e));"
        )
        shown = json.loads(run(seeded_url, "show", key, "--json").stdout)
        assert copied == shown["citation"]
        assert copied.startswith("Samuel Ramani, “Russia’s Falling Out With Kabul,” 2019")

        # Back to the answer, and download it as CSV.
        browser.get(listing)
        browser.find_element(By.LINK_TEXT, "CSV").click()
        csv_file = wait_for(lambda: next(iter(downloads.glob("*.csv")), None))
        wait_for(lambda: not list(downloads.glob("*.crdownload")))
    expected = tmp_path / "expected.csv"
    run(seeded_url, "export", "--critical-of", "moscow", "-o", str(expected))
    assert csv_file.read_bytes() == expected.read_bytes()
    assert csv_file.read_bytes().count(b"\r\n") == 10  # a header and the nine


def test_pages_raise_no_console_errors(site):
    """The Content-Security-Policy blocks nothing the pages need: no violation is logged."""
    with chromium() as browser:
        for path in [
            "/statements?critical_of=moscow",
            "/statements/russia-falling-out-with-kabul/saleh-stunning-experience",
            "/claims/moscow-talks-government-backed",
            "/stance-matrix",
            "/sources/russia-falling-out-with-kabul",
        ]:
            browser.get(site + path)
            errors = [
                entry["message"]
                for entry in browser.get_log("browser")
                if entry["level"] == "SEVERE"
            ]
            assert errors == [], path
