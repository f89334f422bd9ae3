"""Dashboard speed: first page fully rendered after server start, rerun time after a filter change,
and map Python time per rerun at 10,000 synthetic places.

  1. starts `streamlit run app.py` on a free loopback port and opens the Overview in headless
     Chromium; seconds from process start to the page fully rendered (summary line shown, map
     markers drawn); median of 5 fresh servers. Target ≤ 3 s.
  2. server-side rerun after a filter change on the seed: AppTest run with a new actor filter,
     median of 15 (target ≤ 200 ms).
  3. map Python time per rerun for 10,000 synthetic places: map_features + build_map + the
     rendering st_folium does in Python, median of 5 (target ≤ 0.2 s); and the same for the
     views.MAP_PLACES most mentioned of them, which is what the Map page draws.
Usage: python bench/dashboard_speed.py
"""
from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def first_page():
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with sync_playwright() as p:
        from newsmap.briefing import CHROMIUM, CHROMIUM_ARGS

        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                                 "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            t_health = time.perf_counter() - t0
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("[data-testid='nm-summary']")
            frame = None
            while frame is None:
                for f in page.frames:
                    try:
                        if f.evaluate("() => document.querySelectorAll('path.nm-place').length > 0"):
                            frame = f
                    except Exception:
                        pass
                time.sleep(0.02)
            t_page = time.perf_counter() - t0
        finally:
            proc.terminate()
            browser.close()
    return t_health, t_page


def rerun_ms():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    times = []
    actors = ["Sergueï Lavrov", "Kremlin", "Washington", "Volodymyr Zelensky", "États-Unis"]
    for i in range(15):
        at.session_state["actor"] = [actors[i % len(actors)]]
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def map_seconds(n=10_000, cap: int | None = None):
    """Python time of the map for ``n`` synthetic places; with ``cap``, only the ``cap`` most mentioned
    are drawn, as the Map page does (views.MAP_PLACES, the rest counted in a note)."""
    from newsmap import filters as F
    from newsmap import views as V

    rng = random.Random(1)
    places = pd.DataFrame([{"uid": f"a/p{i}", "article": "a", "id": f"p{i}", "name": f"Place {i}", "mentions": [f"Place {i}"],
                            "spans": [[0, 1]], "count": rng.randint(1, 9), "lat": rng.uniform(-60, 70), "lon": rng.uniform(-180, 180),
                            "kind": "city", "country": "XX", "source": "synthetic"} for i in range(n)])
    events = pd.DataFrame([{"uid": f"a/e{i}", "article": "a", "kind": "strike", "summary": f"event {i}", "sentence": "", "sentence_start": 0,
                            "date": "2024-11-20", "date_end": None, "date_precision": "day", "date_relation": "on",
                            "places": [f"Place {i}"], "actors": ["X"], "asserted_by": None, "statement_date": None,
                            "published": "2024-11-20"} for i in range(0, n, 10)])
    quotes = pd.DataFrame(columns=["uid", "article", "text", "speaker", "place", "kind", "date", "date_precision", "sentence_start"])
    if cap:
        places = places.nlargest(cap, "count", keep="first")
    view = F.View(pd.DataFrame([{"id": "a", "published": "2024-11-20", "title": "t", "source": ""}]), quotes, events, places,
                  pd.DataFrame(columns=["name"]), {})
    from streamlit_folium import _get_header, _get_html, _get_map_string

    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        m = V.build_map(V.map_features(view, {"X": "#1f77b4"}))
        # what st_folium(render=False) does in Python on every rerun
        m.render()
        _get_html(m), _get_header(m), _get_map_string(m)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


if __name__ == "__main__":
    os.chdir(ROOT)
    runs = [first_page() for _ in range(5)]
    pages = sorted(p for _h, p in runs)
    health = statistics.median(h for h, _p in runs)
    print(f"first page fully rendered after server start: {statistics.median(pages):.2f} s median of 5 "
          f"(range {pages[0]:.2f}–{pages[-1]:.2f} s; server healthy after {health:.2f} s; target ≤ 3 s)")
    print(f"rerun after a filter change (server side, seed): {rerun_ms():.0f} ms median of 15 (target ≤ 200 ms)")
    from newsmap.views import MAP_PLACES
    print(f"map Python time per rerun, 10,000 places: {map_seconds():.3f} s median of 5 (target ≤ 0.2 s); "
          f"the Map page draws the {MAP_PLACES} most mentioned of them: {map_seconds(cap=MAP_PLACES):.3f} s")
