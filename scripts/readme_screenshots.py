"""Regenerate the README's screenshots from the running app, offline.

Usage: python scripts/readme_screenshots.py [OUT_DIR]                      (seed corpus; default docs/screenshots)
       python scripts/readme_screenshots.py OUT_DIR --data-dir DIR --prefix multi-   (another corpus, e.g. the
       evaluation articles ingested into DIR; files named multi-*.png, with multi-map-phone.png and
       multi-timeline-phone.png at 390 px)
Starts `streamlit run app.py` on a free loopback port, opens each page in Debian's headless
Chromium (requests leaving localhost are blocked) and saves PNGs.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from shoot import shoot  # noqa: E402

SHOTS = ["overview", "map", "timeline", "quotes", "article", "data", "/quotes?actor=Sergue%C3%AF+Lavrov"]


MULTI_SHOTS = ["overview", "map", "timeline", "quotes", "data", "/quotes?actor=Emmanuel+Macron"]
PHONE_SHOTS = ["map", "timeline"]


def main(out: Path, data_dir: str | None = None, prefix: str = ""):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
                            env=dict(os.environ, **({"NEWSMAP_DATA_DIR": data_dir} if data_dir else {})),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        shoot(f"http://127.0.0.1:{port}", out, MULTI_SHOTS if prefix else SHOTS, width=1400, height=1000, prefix=prefix)  # tall enough for the timeline's date axis
        if prefix:  # the same corpus at a phone's width
            shoot(f"http://127.0.0.1:{port}", out, PHONE_SHOTS, width=390, height=844, prefix=prefix, suffix="-phone")
    finally:
        proc.terminate()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--data-dir")
    ap.add_argument("--prefix", default="")
    a = ap.parse_args()
    main(Path(a.out), a.data_dir, a.prefix)
