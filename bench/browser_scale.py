"""Dashboard in the browser at scale: a real server on a synthetic corpus, headless Chromium.

For each size (bench/out/scale-N, made by bench/make_corpus.py, store built if missing; with
``--seed``, the one-article seed first, for this machine's floor at the time):
  1. starts `streamlit run app.py` on a free loopback port and opens the Overview once, so the server
     loads the corpus (the shared store): "corpus load" is that first page, from server start;
  2. first page rendered, in a fresh browser context each time (a new session, the store already
     loaded): seconds from `goto` until the app's run marker `nm-done` is there and nothing runs or is
     stale (tests/e2e/conftest.py `wait_app`), for the Overview (median of 3) and once for each other
     page; with the bytes the server sent over the websocket meanwhile (the page's payload) and the
     server's own time for that run (wall and CPU of the script thread, from the marker);
  3. a filter change: an actor picked in the sidebar (typed, then its option clicked, or Enter for one
     beyond the picker's list of the most active), seconds from the click
     until the next run marker and the summary line naming the actor (top, then mid-ranked actors;
     median), with the websocket bytes and the server time of that rerun;
  4. RSS of the server process after all this.
Targets (issue 9, 10,000 articles): first page ≤ 3 s after the corpus is loaded, a filter change
≤ 1.5 s until the page shows it, every page's payload ≤ 2 MB, RSS ≤ 1 GB. Figures are printed; on
a shared, loaded machine the seconds in the browser are mostly Chromium and Python waiting for a
core: the server's CPU milliseconds are the steadier figure.

  python bench/browser_scale.py [--sizes 10000] [--seed] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from conftest import run_id, summary_text, wait_app  # noqa: E402  (the e2e suite's own waits)
from dashboard_scale import ensure_corpus  # noqa: E402  (the same synthetic corpora, made once)

ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) // 1024


class Bytes:
    """Bytes the server sends to one page over Streamlit's websocket."""

    def __init__(self, page):
        self.n = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload):
        self.n += len(payload)


def server_ms(page) -> dict:
    """The server time of the page's last run, from its run marker (app.py ``done``)."""
    return page.evaluate("() => { const d = document.querySelector(\"[data-testid='nm-done']\").dataset;"
                         " return {server_ms: Number(d.ms), server_cpu_ms: Number(d.cpuMs)}; }")


def open_fresh(browser, url: str, timeout: int) -> tuple[float, int, object, object, Bytes]:
    """(seconds until the run marker is settled, websocket bytes, context, page, byte counter) for a
    new session."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    got = Bytes(page)
    t = time.perf_counter()
    page.goto(url)
    wait_app(page, timeout=timeout)
    sec = time.perf_counter() - t
    return sec, got.n, ctx, page, got


def pick_actor(page, got: Bytes, name: str, listed: bool, timeout: int) -> tuple[float, int]:
    """Type an actor into the sidebar picker and click its option (``listed``: the picker lists the
    most active actors) or, for one beyond the list, press Enter: seconds until the page shows the
    filter, and the websocket bytes of that rerun."""
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first.click()
    page.keyboard.type(name)
    before, sent = run_id(page), got.n
    if listed:
        # the option of that actor ("Name — kind · counts"); Enter would take "Select N matches" when the
        # name is part of another one (Ukraine, Ambassade des États-Unis en Ukraine)
        option = page.locator("[role='option']").filter(has_text=re.compile("^" + re.escape(name) + "( —|$)")).first
        option.wait_for(timeout=timeout)
        t = time.perf_counter()
        option.click()
    else:  # "Add: name", which the app resolves to the corpus's actor
        page.locator("[role='option']").filter(has_text=name).first.wait_for(timeout=timeout)
        t = time.perf_counter()
        page.keyboard.press("Enter")
    wait_app(page, after=before, timeout=timeout)
    # the summary names the actor picked
    try:
        page.wait_for_function("() => document.querySelector(\"[data-testid='nm-summary']\").innerText.includes('Actor: ')",
                               timeout=timeout)
    except Exception as exc:  # say what the page shows instead
        raise RuntimeError(f"picking {name!r}: the summary reads {summary_text(page)[:160]!r}") from exc
    return time.perf_counter() - t, got.n - sent, server_ms(page)


def one(data: Path, repeat: int, timeout: int) -> dict:
    from playwright.sync_api import sync_playwright

    from newsmap import store as S
    from newsmap.briefing import CHROMIUM
    from newsmap.query import Store

    S.ensure(data, apart=True)  # built once, apart (not timed here)
    store = Store.open(data)
    names = [n for n in store.actor_options() if store.actor_counts.get(n)]  # the picker lists only actors with items
    actors = list(dict.fromkeys([names[0], names[len(names) // 2], names[min(len(names) - 1, len(names) // 2 + 1)]]))[:repeat]
    listed = set(store.actor_picker)
    n = store.totals["articles"]
    store.con.close()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, NEWSMAP_DATA_DIR=str(data))
    env.pop("NEWSMAP_TILES", None)
    res: dict = {"articles": n}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("streamlit exited")
                time.sleep(0.1)
        res["server_healthy_s"] = round(time.perf_counter() - t0, 2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            sec, nbytes, ctx, _page, _got = open_fresh(browser, url + "/", timeout)
            ctx.close()
            res["corpus_load_first_page_s"] = round(time.perf_counter() - t0, 2)
            firsts, sizes, servers = [], [], []
            for _ in range(repeat):
                sec, nbytes, ctx, page, _got = open_fresh(browser, url + "/", timeout)
                firsts.append(sec)
                sizes.append(nbytes)
                servers.append(server_ms(page))
                ctx.close()
            res["first_page_s"] = {"median": round(statistics.median(firsts), 2), "max": round(max(firsts), 2),
                                   "payload_kb": round(max(sizes) / 1024), "server": servers}
            for path in ("map", "timeline", "quotes", "article", "data"):
                for visit in ("cold", "warm"):  # cold: the first in this server (its imports: folium, plotly …)
                    sec, nbytes, ctx, page, _got = open_fresh(browser, f"{url}/{path}", timeout)
                    res[f"first_{path}_s ({visit})"] = {"s": round(sec, 2), "payload_kb": round(nbytes / 1024), **server_ms(page)}
                    ctx.close()
            changes = []
            for name in actors:  # each in a new session on the unfiltered Overview
                _sec, _n, ctx, page, got = open_fresh(browser, url + "/", timeout)
                sec, nbytes, server = pick_actor(page, got, name, name in listed, timeout)
                changes.append({"actor": name, "s": round(sec, 2), "payload_kb": round(nbytes / 1024), **server,
                                "summary": summary_text(page)[:100]})
                ctx.close()
            res["filter_change_s"] = {"median": round(statistics.median(c["s"] for c in changes), 2), "runs": changes}
            browser.close()
        res["server_rss_mb"] = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return res


def main() -> int:
    p = argparse.ArgumentParser(description="Dashboard at scale in headless Chromium")
    p.add_argument("--sizes", type=int, nargs="*", default=[10000])
    p.add_argument("--seed", action="store_true", help="the same on the one-article seed first: this machine's floor now")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--timeout", type=int, default=300, help="seconds any one wait may take (a bound, not a sleep)")
    a = p.parse_args()
    for data in ([ROOT / "data"] if a.seed else []) + [ensure_corpus(n) for n in a.sizes]:
        print(f"[{data}]")
        print(json.dumps(one(data, a.repeat, a.timeout * 1000), ensure_ascii=False, indent=1), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
