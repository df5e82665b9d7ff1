"""Browser tests: one `streamlit run` per session on a free loopback port, Debian's Chromium,
and a guard that fails any test during which a request leaves 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request

from bench.harness import CHROMIUM, CHROMIUM_ARGS, ROOT, start_server, stop_server

ARTIFACTS = ROOT / "test-artifacts"
LOCAL_PREFIXES = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    process, url = start_server()
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}, "locale": "en-US"}


class Traffic:
    """Requests and console errors seen by a page."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_PREFIXES)]


@pytest.fixture
def traffic(page: Page) -> Iterator[Traffic]:
    """Records the page's traffic; every browser test fails if anything left localhost."""
    seen = Traffic()

    def on_console(message: ConsoleMessage) -> None:
        # On a deep link Streamlit's frontend first probes <page>/_stcore/health and gets a 404
        # before it finds the server root; that probe is Streamlit's, not an app error.
        probe = "/_stcore/" in (message.location or {}).get("url", "")
        if message.type == "error" and not probe:
            seen.console_errors.append(f"{message.text} ({(message.location or {}).get('url')})")

    def on_request(request: Request) -> None:
        seen.requests.append(request.url)

    page.on("request", on_request)
    page.on("console", on_console)
    yield seen
    assert seen.outside() == [], f"requests left 127.0.0.1: {seen.outside()}"


def wait_for_app(page: Page) -> None:
    """Wait until the script has run: a title is shown and Streamlit is idle."""
    page.locator("h1").first.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def screenshot(page: Page, name: str, full: bool = True) -> Path:
    """Save a screenshot under test-artifacts/ (the whole scrolled page when ``full``)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if full:
        height = page.evaluate(
            "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight")
        page.set_viewport_size({"width": page.viewport_size["width"], "height": max(900, min(height, 6000))})
    page.screenshot(path=path)
    return path
