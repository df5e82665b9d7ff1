"""Browser tests: one `streamlit run` per session on a free loopback port, Debian's Chromium,
and a guard that fails any test during which a request leaves 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
LOCAL_PREFIXES = ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("streamlit did not start within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    process, url = start_server()
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run"]}


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
