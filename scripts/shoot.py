"""Screenshot pages of a running Newsmap with headless Chromium (Debian's, offline).

Usage: python scripts/shoot.py BASE_URL OUT_DIR [path …]      e.g. python scripts/shoot.py http://localhost:8501 docs/screenshots
Without paths it shoots every page. Requests leaving localhost are blocked and listed.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsmap.briefing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = {"overview": "/", "map": "/map", "timeline": "/timeline", "quotes": "/quotes", "article": "/article", "data": "/data"}


def wait_ready(page, timeout=30000):
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') || "
                           "!document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')", timeout=timeout)
    page.wait_for_timeout(1500)


def wait_settled(page, path: str, timeout=60000):
    """Every element drawn (no skeleton left), the map's frame with its basemap, the timeline's chart."""
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0", timeout=timeout)
    if path in ("/", "/map") or path.startswith(("/?", "/map?")):
        deadline = time.time() + timeout / 1000
        while time.time() < deadline:
            if any(_has_basemap(f) for f in page.frames[1:]):
                break
            page.wait_for_timeout(300)
    if path.startswith("/timeline"):
        page.wait_for_selector(".js-plotly-plot", timeout=timeout)


def _has_basemap(frame) -> bool:
    try:
        return frame.evaluate("() => document.querySelectorAll('path.nm-country').length > 0")
    except Exception:
        return False


def shoot(base: str, out: Path, paths: list[str], width=1400, height=1000, prefix: str = ""):
    out.mkdir(parents=True, exist_ok=True)
    host = urlsplit(base).hostname
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)

        def guard(route):
            h = urlsplit(route.request.url).hostname
            if h in (host, "localhost", "127.0.0.1") or route.request.url.startswith(("data:", "blob:", "about:")):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()

        ctx.route("**/*", guard)
        page = ctx.new_page()
        for name, path in ((n, PAGES.get(n, n)) for n in (paths or PAGES)):
            page.goto(base.rstrip("/") + path)
            wait_ready(page)
            wait_settled(page, path)
            page.wait_for_timeout(1500)
            stem = name.strip("/").split("?")[0] or "overview"
            if "?" in name:
                stem += "-filtered"
            f = out / f"{prefix}{stem}.png"
            page.screenshot(path=str(f), full_page=False)
            print(f)
        browser.close()
    if blocked:
        print("blocked requests:", *blocked, sep="\n  ")


if __name__ == "__main__":
    shoot(sys.argv[1], Path(sys.argv[2]), sys.argv[3:])
