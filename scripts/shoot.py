"""Screenshot pages of a running Newsmap with headless Chromium (Debian's, offline).

Usage: python scripts/shoot.py BASE_URL OUT_DIR [path …]      e.g. python scripts/shoot.py http://localhost:8501 docs/screenshots
Without paths it shoots every page. Requests leaving localhost are blocked and listed.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsmap.briefing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = {"overview": "/", "map": "/map", "timeline": "/timeline", "quotes": "/quotes", "article": "/article", "data": "/data"}


SETTLED = """() => {
  const done = document.querySelector("[data-testid='nm-done']");
  return !!done && !document.querySelector("[data-testid='stStatusWidgetRunningIcon'], [data-stale='true']")
    && !document.querySelector("[data-testid='stSkeleton'], [data-testid='stSkeletonElement'], [data-testid='stAppSkeleton']");
}"""


def wait_settled(page, path: str, timeout=90000):
    """The app's own signals: its run marker (the last element of a complete run), nothing running or
    stale; then the map's frame with its basemap and places, the timeline's points."""
    page.wait_for_function(SETTLED, timeout=timeout)
    if path in ("/", "/map") or path.startswith(("/?", "/map?")):
        frame = page.wait_for_selector("iframe", state="attached", timeout=timeout).content_frame()
        frame.wait_for_function("() => document.querySelectorAll('path.nm-country').length > 0 && "
                                "document.querySelectorAll('path.nm-place, .nm-cluster').length > 0", timeout=timeout)
    if path.startswith("/timeline"):
        page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached", timeout=timeout)


def shoot(base: str, out: Path, paths: list[str], width=1400, height=1000, prefix: str = "", suffix: str = ""):
    out.mkdir(parents=True, exist_ok=True)
    host = urlsplit(base).hostname
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        phone = width < 600  # a phone: touch, 2× pixels, as Chromium's device emulation
        ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=2 if phone else 1,
                                  is_mobile=phone, has_touch=phone)

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
            wait_settled(page, path)
            stem = name.strip("/").split("?")[0] or "overview"
            if "?" in name:
                stem += "-filtered"
            f = out / f"{prefix}{stem}{suffix}.png"
            page.screenshot(path=str(f), full_page=False)
            print(f)
        browser.close()
    if blocked:
        print("blocked requests:", *blocked, sep="\n  ")


if __name__ == "__main__":
    shoot(sys.argv[1], Path(sys.argv[2]), sys.argv[3:])
