"""30 concurrent browser sessions against one `streamlit run`: each opens every page and changes
the filters; prints errors (target 0), p50/p95 step latency and the server's peak memory (target
≤ 300 MB at 30 sessions). ``python -m bench.load [SESSIONS]``. Loopback only, bounded in time."""

from __future__ import annotations

import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

from playwright.async_api import async_playwright

from bench.harness import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server

STEPS = ["/", "/map", "/themes", "/delegations?delegation=osaka", "/programme", "/sources",
         "/themes?theme=green,education&match=all", "/map?theme=tourism&color=country", "/delegations?country=JP"]
STEP_TIMEOUT_MS = 120_000
DEADLINE_S = 900


def rss_mb(pid: int) -> float:
    """Resident memory of the server process, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(browser, url: str, latencies: list[float], errors: list[str]) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    for step in STEPS:
        start = time.perf_counter()
        try:
            await page.goto(url + step, wait_until="commit", timeout=STEP_TIMEOUT_MS)
            await page.locator("h1").first.wait_for(timeout=STEP_TIMEOUT_MS)
            await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                         timeout=STEP_TIMEOUT_MS)
            if await page.get_by_test_id("stException").count():
                errors.append(f"{step}: exception shown")
            latencies.append(time.perf_counter() - start)
        except Exception as problem:
            errors.append(f"{step}: {type(problem).__name__}")
    await context.close()


async def run(sessions: int) -> dict[str, float]:
    process, url = start_server()
    peak = [rss_mb(process.pid)]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb(process.pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            await asyncio.wait_for(asyncio.gather(*(session(browser, url, latencies, errors)
                                                    for _ in range(sessions))), DEADLINE_S)
            await browser.close()
    finally:
        stop.set()
        stop_server(process)
    for error in errors[:10]:
        print("  error:", error)
    ordered = sorted(latencies)
    return {"sessions": sessions, "steps": len(latencies), "errors": len(errors),
            "p50": statistics.median(ordered) if ordered else float("nan"),
            "p95": ordered[int(0.95 * (len(ordered) - 1))] if ordered else float("nan"),
            "rss": peak[0], "wall": time.perf_counter() - started}


def main(argv: list[str]) -> None:
    sessions = int(argv[0]) if argv else 30
    r = asyncio.run(run(sessions))
    print(f"{r['sessions']} concurrent sessions, {r['steps']} page loads in {r['wall']:.0f} s")
    print(f"{'errors (target 0)':<36}{r['errors']:>10}")
    print(f"{'page load p50 / p95 (s)':<36}{r['p50']:>5.1f} /{r['p95']:>5.1f}")
    print(f"{'server peak RSS (target ≤ 300 MB)':<36}{r['rss']:>7.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
