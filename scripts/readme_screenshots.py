"""Regenerate the README's screenshots from the running app (seed corpus), offline.

Usage: python scripts/readme_screenshots.py [OUT_DIR]     (default docs/screenshots)
Starts `streamlit run app.py` on a free loopback port, opens each page in Debian's headless
Chromium (requests leaving localhost are blocked) and saves PNGs.
"""
from __future__ import annotations

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


def main(out: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        shoot(f"http://127.0.0.1:{port}", out, SHOTS, width=1400, height=900)
    finally:
        proc.terminate()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
