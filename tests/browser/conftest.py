"""Browser tests: one `streamlit run` per session on a free loopback port, Debian's Chromium,
and a guard that fails any test during which a request leaves 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request

from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server
from tests.support.browser import Traffic


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

