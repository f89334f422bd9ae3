"""Peak memory and time of `ingest` against article size (one file each).

Builds French texts of 0.1, 1 and 5 MB from the evaluation articles (their paragraphs repeated in
a rotating order, each repetition numbered, so the text is no mere copy) and one 200 kB line with no
punctuation, then runs, for each, in a fresh process and a fresh temporary data folder:

    python -m newsmap ingest FILE --data-dir TMP --no-progress

and prints the peak resident memory of the process tree (sampled every 0.1 s from /proc, and the
kernel's own peak for the process from wait4) and the wall time. A run is stopped when it goes over
--max-gb or --timeout, and then reported as "> …".

Usage: python bench/ingest_memory.py [--sizes 0.1 1 5] [--no-line] [--max-gb 4] [--timeout 900] [--repo DIR]
(--repo: run the newsmap of another checkout, e.g. an older commit, with the same texts.)
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2024-11-20"


def french_text(n_bytes: int) -> str:
    paras = []
    for f in sorted((ROOT / "eval" / "articles").glob("*.txt")):
        paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    out, size, rnd = [], 0, 0
    while size < n_bytes:
        rnd += 1
        for k in range(len(paras)):
            p = paras[(k * 7 + rnd) % len(paras)]  # a different order every round
            if k == 0:
                p = f"Partie {rnd}. {p}"
            out.append(p)
            size += len(p.encode("utf-8")) + 1
            if size >= n_bytes:
                break
    return "\n".join(out) + "\n"


def no_punctuation_line(n_bytes: int) -> str:
    words = french_text(60_000).replace("\n", " ")
    words = "".join(c if c.isalnum() or c == " " else " " for c in words).split()
    out, size, i = [], 0, 0
    while size < n_bytes:
        w = words[i % len(words)]
        out.append(w)
        size += len(w.encode("utf-8")) + 1
        i += 1
    return " ".join(out) + "\n"


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of pid and all its descendants (kB), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run(cmd, cwd, max_kb: int, timeout: float) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    peak, stopped, rusage_kb, status = 0, "", 0, None
    while status is None:
        pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status, rusage_kb = st, ru.ru_maxrss
            break
        peak = max(peak, _tree_rss_kb(proc.pid))
        elapsed = time.perf_counter() - t0
        if not stopped and (peak > max_kb or elapsed > timeout):
            stopped = "memory" if peak > max_kb else "time"
            os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace").strip()
    return {"seconds": time.perf_counter() - t0, "peak_kb": max(peak, rusage_kb), "stopped": stopped,
            "returncode": proc.returncode, "stderr": err.splitlines()[-1] if err else ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="*", default=[0.1, 1, 5], help="text sizes in MB")
    ap.add_argument("--no-line", action="store_true", help="skip the 200 kB line without punctuation")
    ap.add_argument("--max-gb", type=float, default=4.0, help="stop a run above this peak memory")
    ap.add_argument("--timeout", type=float, default=900, help="stop a run after this many seconds")
    ap.add_argument("--repo", default=str(ROOT), help="checkout whose newsmap runs (default: this one)")
    a = ap.parse_args()
    cases = [(f"{s:g} MB French text", french_text(int(s * 1_000_000))) for s in a.sizes]
    if not a.no_line:
        cases.append(("200 kB line, no punctuation", no_punctuation_line(200_000)))
    print(f"{'case':30} {'bytes':>9} {'peak RSS':>10} {'seconds':>9}  result")
    for name, text in cases:
        with tempfile.TemporaryDirectory() as tmp:
            f = Path(tmp) / "long.txt"
            f.write_text(text, encoding="utf-8")
            (Path(tmp) / "long.meta.json").write_text(json.dumps({"published": PUBLISHED}), encoding="utf-8")
            cmd = [sys.executable, "-m", "newsmap", "ingest", str(f), "--data-dir", str(Path(tmp) / "data"), "--no-progress"]
            r = run(cmd, a.repo, int(a.max_gb * 1024 * 1024), a.timeout)
            gt = "> " if r["stopped"] else "  "
            mem = f"{gt}{r['peak_kb'] / 1024 / 1024:.2f} GB"
            secs = f"{gt}{r['seconds']:.0f}"
            result = f"stopped ({r['stopped']})" if r["stopped"] else ("ok" if r["returncode"] == 0 else f"exit {r['returncode']}: {r['stderr']}")
            print(f"{name:30} {f.stat().st_size:>9} {mem:>10} {secs:>9}  {result}", flush=True)


if __name__ == "__main__":
    main()
