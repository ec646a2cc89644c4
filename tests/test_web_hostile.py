"""A hostile statement renders inert: markup shows as text, a javascript: address is no link,
and no script runs in a real browser."""

import json
import re

import pytest

from tests.browser import chromium, chromium_missing, live_server
from tests.conftest import BACKENDS
from tests.webapp import app_with_source

SCRIPT = "<script>alert('x')</script>"
IMAGE = "\"><img src=x onerror=alert('y')>"
CLAIM = "<svg onload=alert('z')>"
HOSTILE_TEXT = f"""A hostile article, made up for the tests.

The spokesman wrote “{SCRIPT}” on the board.

He then typed “{IMAGE}” into the form.
"""


@pytest.fixture(scope="module", params=BACKENDS)
def hostile(request, tmp_path_factory):
    """The seed plus a made-up source whose statements, address and claim are hostile."""
    statements = "".join(
        f"  - key: {key}\n    speaker: sergei-lavrov\n    kind: direct\n"
        f"    text: {json.dumps(text)}\n    said: 2019-05-27\n"
        f"    stances:\n      russia: neutral\n    claims:\n      hostile-claim: asserts\n"
        for key, text in (("script", SCRIPT), ("image", IMAGE))
    )

    def add_claim(data):
        with (data / "claims.yaml").open("a", encoding="utf-8") as claims:
            claims.write(f"  - key: hostile-claim\n    text: {json.dumps(CLAIM)}\n")

    yield from app_with_source(
        request,
        tmp_path_factory,
        key="hostile",
        text=HOSTILE_TEXT,
        yaml="source:\n  title: A hostile <b>article</b>\n  author: Test Author\n"
        "  published: 2019-06-01\n  url: \"javascript:alert('url')\"\n"
        f"  text: seeds/hostile.txt\nstatements:\n{statements}",
        edit=add_claim,
    )


PAGES = [
    "/statements?source=hostile",
    "/statements/hostile/script",
    "/statements/hostile/image",
    "/sources/hostile",
    "/claims/hostile-claim",
    "/claims",
    "/sources",
    "/speakers/sergei-lavrov",
]


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_is_escaped(hostile, path):
    html = hostile.get(path).text
    assert "<script>alert" not in html
    assert "<img" not in html and "<svg onload" not in html
    # The address may show as text (the citation gives it), never as an attribute.
    assert not re.search(r"=\s*[\"']?\s*javascript:", html, re.I)
    assert "<b>article</b>" not in html


def test_hostile_text_shows_as_text(hostile):
    client = hostile
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        in client.get("/statements/hostile/script").text
    )
    page = client.get("/statements/hostile/image").text
    assert "&#34;&gt;&lt;img src=x onerror=alert(&#39;y&#39;)&gt;" in page
    # The address is shown, not linked.
    assert '<span class="url">javascript:alert(&#39;url&#39;)</span>' in page
    svg = client.get("/claims/hostile-claim/timeline.svg").text
    assert "&lt;svg onload=alert('z')&gt;" in svg and "<svg onload" not in svg


def test_search_and_names_cannot_inject(hostile):
    client = hostile
    response = client.get("/statements", params={"speaker": SCRIPT})
    assert response.status_code == 400
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text
    response = client.get("/statements", params={"search": IMAGE})
    assert "<img" not in response.text


@pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))
def test_no_script_runs_in_a_browser(hostile):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with live_server(hostile.app) as base, chromium() as browser:
        for path in PAGES[:5]:
            browser.get(base + path)
            with pytest.raises(NoAlertPresentException):
                browser.switch_to.alert.text  # noqa: B018
            assert browser.find_elements(By.TAG_NAME, "img") == []
        browser.get(base + "/statements/hostile/script")
        assert SCRIPT in browser.find_element(By.TAG_NAME, "main").text
