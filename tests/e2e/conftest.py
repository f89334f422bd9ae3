"""End-to-end fixtures: the app on a free loopback port, Debian's Chromium through Playwright, and a
recorder of every request the browser makes (any host but localhost fails the test)."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "screens"
from newsmap.briefing import CHROMIUM, CHROMIUM_ARGS as ARGS  # noqa: E402  (one list of browser flags)
LOCAL = {"localhost", "127.0.0.1", "[::1]", "::1"}
PAGE_PATHS = ("map", "timeline", "quotes", "article", "data", "add")  # the url_path of every page but the default
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, NEWSMAP_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
        env.pop("NEWSMAP_TILES", None)
        env.pop("NEWSMAP_GEOCODER", None)
        self.log = open(ROOT / "tests" / "artifacts" / f"streamlit-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def server(artifacts):
    """The app on the seed corpus (data/: one article)."""
    s = Server(ROOT / "data")
    yield s
    s.stop()


EVAL_ARTICLES = sorted((ROOT / "eval" / "articles").glob("*.txt")) + sorted((ROOT / "eval" / "heldout" / "articles").glob("*.txt"))
SEED_ARTICLE = ROOT / "data" / "raw" / "article-2024-11-20-fr.txt"


@pytest.fixture(scope="session")
def multi_server(tmp_path_factory, artifacts):
    """The app on the evaluation corpus: eval/articles and eval/heldout/articles (with their shipped
    sidecars) and the seed, ingested with the CLI as the README says. One server for the session."""
    data = tmp_path_factory.mktemp("eval-corpus") / "data"
    r = subprocess.run([sys.executable, "-m", "newsmap", "ingest", *map(str, EVAL_ARTICLES + [SEED_ARTICLE]),
                        "--data-dir", str(data), "--no-progress"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    s = Server(data)
    yield s
    s.stop()


class Corpus:
    """A corpus under test: its running app and its query store, opened read-only in the test process,
    from which the tests derive what the pages must show (names, counts, lines)."""

    def __init__(self, name: str, server: Server):
        from newsmap.query import Store

        self.name, self.server, self.url = name, server, server.url
        self.store = Store.open(server.data_dir)

    def view(self, **filters):
        from newsmap.filters import Filters

        return self.store.view(Filters(**filters))

    def __repr__(self):
        return self.name


@pytest.fixture(scope="session", params=["seed", "multi"])
def corpus(request) -> Corpus:
    """Each browser test that takes this fixture runs on the seed (one article) and on the evaluation
    corpus (20 articles)."""
    return Corpus(request.param, request.getfixturevalue("server" if request.param == "seed" else "multi_server"))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watch:
    """Every request, console error and dialog of one browser context."""

    def __init__(self, context):
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []
        context.on("request", self._request)
        context.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)
        context.route("**/*", self._route)

    def _request(self, req):
        self.requests.append(req.url)

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:", "file:")) or host in LOCAL:
            return route.continue_()
        self.outside.append(url)
        return route.abort()

    def real_console_errors(self) -> list[str]:
        """Console errors, less exactly the two 404s of Streamlit's own base-path probe: opened on a page
        (/map), its frontend first asks /map/_stcore/health and /map/_stcore/host-config, then the root
        (it cannot know whether /map is a page or a base path). Any other error or failed request counts."""
        probe = re.compile(r"^/(%s)/_stcore/(health|host-config)$" % "|".join(PAGE_PATHS))
        probes = [u for u in self.failed if probe.match(urlsplit(u).path)]
        errors = list(self.console_errors)
        for _ in probes:
            if NOT_FOUND in errors:
                errors.remove(NOT_FOUND)
        return errors + [f"HTTP error: {u}" for u in self.failed if u not in probes]

    def attach(self, page):
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        return page


def _watched(browser, **options):
    ctx = browser.new_context(accept_downloads=True, **options)
    ctx.set_default_timeout(90000)  # a bound, not a wait: the machine is shared, a full-page screenshot can be slow
    w = Watch(ctx)
    yield ctx, w
    ctx.close()
    assert not w.outside, f"requests left localhost: {w.outside}"
    assert not w.real_console_errors(), w.real_console_errors()


@pytest.fixture
def watched(browser):
    """(context, watch) with a 1400×1000 viewport; fails the test if anything left localhost or the
    console logged an error (other than Streamlit's two base-path probes)."""
    yield from _watched(browser, viewport={"width": 1400, "height": 1000})


PHONE = 390


@pytest.fixture
def watched_phone(browser):
    """(context, watch) at a phone's width (390×844, touch, 2× pixels), watched like `watched`."""
    yield from _watched(browser, viewport={"width": PHONE, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)


SETTLED = """(after) => {
  const done = document.querySelector("[data-testid='nm-done']");
  return !!done && Number(done.dataset.run) > after
    && !document.querySelector("[data-testid='stStatusWidgetRunningIcon']")
    && !document.querySelector("[data-stale='true']")
    && !document.querySelector("[data-testid='stSkeleton'], [data-testid='stSkeletonElement'], [data-testid='stAppSkeleton']");
}"""


FRAGMENT_SETTLED = """([name, after]) => {
  const done = document.querySelector(`[data-testid='nm-fragment-done'][data-name='${name}']`);
  return !!done && Number(done.dataset.run) > after
    && !document.querySelector("[data-testid='stStatusWidgetRunningIcon']")
    && !document.querySelector("[data-stale='true']")
    && !document.querySelector("[data-testid='stSkeleton'], [data-testid='stSkeletonElement'], [data-testid='stAppSkeleton']");
}"""


def fragment_id(page, name: str) -> int:
    """The number of the last complete run of the fragment `name` in this page (0 before the first)."""
    return page.evaluate("(n) => Number(document.querySelector(`[data-testid='nm-fragment-done'][data-name='${n}']`)?.dataset.run || 0)", name)


def wait_fragment(page, name: str, after: int, timeout=60000):
    """Wait until the fragment `name` has finished a run numbered above `after` (an action that reruns
    only a fragment, such as a click on the map, does not give the app a new run number)."""
    page.wait_for_function(FRAGMENT_SETTLED, arg=[name, after], timeout=timeout)


def run_id(page) -> int:
    """The number of the last complete run of the app in this page (0 before the first)."""
    return page.evaluate("() => Number(document.querySelector(\"[data-testid='nm-done']\")?.dataset.run || 0)")


def wait_app(page, after: int = 0, timeout=60000):
    """Wait until the app has finished a run numbered above `after` and nothing is running or stale.
    Give `after=run_id(page)` taken before an action that reruns the app."""
    page.wait_for_function(SETTLED, arg=after, timeout=timeout)


def open_page(watched, url):
    """A watched page of this test's browser context, loaded and settled."""
    ctx, w = watched
    page = w.attach(ctx.new_page())
    page.goto(url)
    wait_app(page)
    return page


CARD_QUOTE = "[data-testid='stMain'] [data-testid='stMarkdownContainer']:has(> .nm-src) > div:first-child"  # « … » of a card


def quote_cards(page) -> int:
    """How many quote cards the main area shows (counting « would also count quotes inside quotes)."""
    return page.locator(CARD_QUOTE).count()


def summary_text(page) -> str:
    return page.locator("[data-testid='nm-summary']").inner_text()


MAP_DRAWN = """() => {  // Leaflet, the basemap, the places drawn (as markers or in clusters)
  return typeof L !== 'undefined' && document.querySelectorAll('path.nm-place, .nm-cluster').length > 0
    && document.querySelectorAll('path.nm-country').length > 0;
}"""


def map_frame(page, timeout=60000):
    """The folium map's frame, once its iframe is attached and Leaflet has drawn the basemap. Resolved
    afresh from the iframe element each time: a rerun may replace the iframe."""
    wait_app(page)
    handle = page.wait_for_selector("iframe[title^='streamlit_folium']", state="attached", timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_function(MAP_DRAWN, timeout=timeout)
    return frame


def evaluate_in_every_frame(page, script: str) -> list:
    """`script` evaluated in every frame of the settled page. If the app reran meanwhile (a frame was
    replaced), start again on the new frames."""
    for _ in range(5):
        wait_app(page)
        before = run_id(page)
        try:
            results = [(f.url, f.evaluate(script)) for f in page.frames if not f.is_detached()]
        except Exception as exc:  # noqa: BLE001 - a frame detached by a rerun: evaluate the new ones
            if "detached" not in str(exc):
                raise
            continue
        if run_id(page) == before:
            return results
    raise AssertionError("the app kept rerunning; frames never settled")


def png_download(page, key: str, timeout=120000) -> bytes:
    """Click an image export (its widget key: map_png, timeline_png) and save the result: each click
    must end in a download (returned) or an error message (raised as AssertionError with its text)."""
    before = run_id(page)
    page.locator(f".st-key-{key} button").click()
    wait_app(page, after=before, timeout=timeout)
    alert = page.locator("[data-testid='stAlertContentError']")
    if alert.count():
        raise AssertionError(alert.first.inner_text())
    with page.expect_download(timeout=timeout) as dl:
        page.locator(f".st-key-{key}_save button").click()
    return Path(dl.value.path()).read_bytes()
