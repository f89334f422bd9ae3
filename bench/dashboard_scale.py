"""Dashboard at scale: synthetic corpora of 1,000 and 10,000 articles (bench/make_corpus.py).

For each size, in a fresh process (so RSS is the dashboard's own):
  1. first run: AppTest of app.py on the corpus (store opened or built, sidebar, summary, Overview);
  2. a REAL filter change: the whole app (app.py frame + Overview) run with the actor filter in the
     widget state, the summary line checked to name the actor and to show other counts (median of
     5 actors), then a 30-day date range the same way; the shared store stays cached, as on a server;
  3. every page drawn, without a filter and with the top actor and a mid-ranked one: server seconds
     (wall and CPU) of the page script, and
     the size of the elements it sends (serialized protobufs: an estimate of the payload);
  4. RSS of the process (now and peak);
  5. the same whole-app run on the seed (one article), for scale: AppTest's own cost on this machine.
Figures are printed; nothing is asserted on time. Targets (issue 9): 10k filter change ≤ 0.5 s
server-side, RSS ≤ 1 GB; 1k every page ≤ 1 s server-side.

  python bench/dashboard_scale.py [--sizes 1000 10000] [--root DIR] [--no-pages]

``--root`` runs another checkout of the app (e.g. the code before the store, exported with
``git archive``) on the same corpora, for before/after figures. Corpora are made once in
bench/out/scale-N (the store is built by the first dashboard run when missing; its build time is
reported apart with ``python -m newsmap build-store``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PAGES = ["pages/overview.py", "pages/map.py", "pages/timeline.py", "pages/quotes.py", "pages/article.py", "pages/data.py"]


def rss_mb() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    get = {line.split(":")[0]: line.split()[1] for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
    return int(get["VmRSS"]) / 1024, int(get["VmHWM"]) / 1024


def payload_bytes(at) -> int:
    """Serialized size of every element of the last run (main area and sidebar)."""
    total = 0

    def walk(node):
        nonlocal total
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            total += proto.ByteSize()
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return total


def summary(at) -> str:
    return next((v for v in [h.value for h in at.get("html")] + [m.value for m in at.markdown] if "nm-summary" in v), "")


def one(n: int, root: Path, pages: bool, skip: tuple = ()) -> dict:
    """Runs inside the child process: the app of ``root`` on bench/out/scale-N."""
    sys.path.insert(0, str(root))
    os.chdir(root)
    os.environ["NEWSMAP_DATA_DIR"] = str(OUT / f"scale-{n}")
    from streamlit.testing.v1 import AppTest

    res: dict = {"articles": n}
    at = AppTest.from_file(str(root / "app.py"), default_timeout=900)
    t = time.perf_counter()
    at.run()
    res["first_run_s"] = round(time.perf_counter() - t, 2)
    assert not at.exception, at.exception
    base = summary(at)
    res["summary"] = base[base.find(">") + 1: base.find("</div>")]
    res["rss_after_first_mb"] = round(rss_mb()[0])

    # A filter change on a server reruns app.py (frame) and the page. AppTest reruns only the page
    # script after its first run, so each change is a fresh AppTest whose widget state holds the
    # filter: the whole app runs with it (the shared store stays cached, as on a server).
    def rerun(state: dict):
        t, c = time.perf_counter(), time.process_time()
        fresh = AppTest.from_file(str(root / "app.py"), default_timeout=900)
        for k, v in state.items():
            fresh.session_state[k] = v
        fresh.run()
        sec, cpu = time.perf_counter() - t, time.process_time() - c
        cpus.append(cpu)
        assert not fresh.exception, fresh.exception
        return fresh, sec, summary(fresh)

    cpus: list[float] = []  # CPU seconds of the process (all threads): less sensitive to a busy machine

    at, sec, s = rerun({})
    res["rerun_no_filter_s"] = round(sec, 3)
    res["rerun_no_filter_cpu_s"] = round(cpus[-1], 3)
    options = at.multiselect(key="actor").options
    # the picker shows "Name — kind · 3 quotes · 1 event" (older checkouts: "Name (4)")
    names = [o.rsplit(" — ", 1)[0].rsplit(" (", 1)[0] for o in options[:3] + options[len(options) // 2:][:2]]
    times = []
    for name in names:
        at, sec, s = rerun({"actor": [name]})
        times.append(sec)
        assert f"Actor: {name}" in s and s != base and " 0 of " not in s, (name, s[:200])  # a real actor, a narrower view
    res["actor_filter_s"] = {"median": round(statistics.median(times), 3), "max": round(max(times), 3),
                             "cpu_median": round(statistics.median(cpus[-len(names):]), 3)}
    res["actor_summary"] = s[s.find(">") + 1: s.find("</div>")]

    start = dt.date(2024, 7, 1)
    at, sec, s = rerun({"from": start, "to": start + dt.timedelta(days=29)})
    res["date_range_s"] = round(sec, 3)
    res["date_range_cpu_s"] = round(cpus[-1], 3)
    assert "1–30 Jul 2024" in s, s[:200]
    res["date_summary"] = s[s.find(">") + 1: s.find("</div>")]

    if pages:  # page scripts alone (the frame's view computed by the run before); server time ≈ frame + page
        res["pages"] = {}
        for label, state in (("all", {}), ("top actor", {"actor": names[:1]}), ("mid actor", {"actor": names[3:4]})):
            at, _sec, _s = rerun(state)
            for page in PAGES:
                if label != "mid actor" and page[6:-3] in skip:
                    res["pages"][f"{page[6:-3]} ({label})"] = "skipped (--skip)"
                    continue
                at.switch_page(page)
                t, c = time.perf_counter(), time.process_time()
                at.run()
                sec, cpu = time.perf_counter() - t, time.process_time() - c
                err = str(at.exception[0].value)[:120] if at.exception else ""
                res["pages"][f"{page[6:-3]} ({label})"] = {"page_s": round(sec, 2), "cpu_s": round(cpu, 2), "payload_kb": round(payload_bytes(at) / 1024),
                                                             **({"error": err} if err else {})}
    # the same whole-app run on the one-article seed: AppTest's own cost and the machine's speed now
    os.environ["NEWSMAP_DATA_DIR"] = str(root / "data")
    rerun({})
    res["seed_rerun_s"] = round(statistics.median(rerun({})[1] for _ in range(3)), 3)
    res["seed_rerun_cpu_s"] = round(statistics.median(cpus[-3:]), 3)
    res["rss_mb"], res["peak_rss_mb"] = (round(x) for x in rss_mb())
    return res


def ensure_corpus(n: int) -> Path:
    d = OUT / f"scale-{n}"
    if not (d / "corpus.json").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), "--out", str(d)], check=True)
    return d


def main() -> int:
    p = argparse.ArgumentParser(description="Dashboard benchmark at 1,000 and 10,000 articles")
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--root", default=str(ROOT), help="checkout of the app to measure (default: this one)")
    p.add_argument("--no-pages", action="store_true", help="frame and filter figures only")
    p.add_argument("--build-store", action="store_true", help="also time `python -m newsmap build-store` on each corpus")
    p.add_argument("--skip", nargs="*", default=[], help="pages drawn only for the mid-ranked actor (e.g. timeline: minutes at 10k)")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = p.parse_args()
    root = Path(a.root).resolve()
    if a.one:
        print(json.dumps(one(a.one, root, not a.no_pages, tuple(a.skip)), ensure_ascii=False))
        return 0
    for n in a.sizes:
        d = ensure_corpus(n)
        if a.build_store:
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "newsmap", "build-store", "--data-dir", str(d)], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
            print(f"[{n} articles] build-store: {time.perf_counter() - t:.1f} s")
        cmd = ([sys.executable, str(Path(__file__).resolve()), "--one", str(n), "--root", str(root), "--skip", *a.skip]
               + (["--no-pages"] if a.no_pages else []))
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode:
            print(f"[{n} articles] failed:\n{out.stderr[-3000:]}")
            continue
        res = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"[{n} articles] {root}")
        print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
