"""A parser worker killed by the system (as the out-of-memory killer would) stops ingest cleanly."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, snapshot


def _children(pid: int) -> list[int]:
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            out += [int(c) for c in fh.read().split()]
    return out


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:  # gone
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def test_killed_parser_worker_stops_ingest_and_changes_nothing(seed_corpus, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = []
    for f in sorted((ROOT / "eval" / "articles").glob("*.txt")):  # 16 files: two batches of 8, two workers
        shutil.copy(f, src / f.name)
        files.append(str(src / f.name))
    before = snapshot(seed_corpus)
    proc = subprocess.Popen([sys.executable, "-m", "newsmap", "ingest", *files, "--data-dir", str(seed_corpus),
                             "--published", "2024-11-20", "--processes", "2", "--no-progress"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        victim = None
        # a worker (forked once the model is loaded) that is parsing: it has used some CPU time
        while victim is None and proc.poll() is None and time.monotonic() < deadline:
            busy = [k for k in _children(proc.pid) if _cpu_seconds(k) >= 0.3]
            victim = busy[0] if busy else None
            if victim is None:
                time.sleep(0.05)
        assert victim is not None, "no parser worker at work"
        os.kill(victim, signal.SIGKILL)
        out, err = proc.communicate(timeout=240)  # before: ingest waited forever
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmap: a parser process was killed (out of memory?)"), err
    assert "corpus is unchanged" in lines[0]
    assert snapshot(seed_corpus) == before
    assert not Path(seed_corpus / "articles" / "02-sommet-bruxelles.json").exists()


def test_an_extraction_failure_after_some_articles_writes_nothing(seed_corpus, tmp_path, monkeypatch):
    """Every article is extracted before any is written: a failure on the 9th (after a first batch of 8
    is done) leaves no document behind."""
    from newsmap import corpus, pipeline

    files = []
    for i in range(9):
        f = tmp_path / f"breve-{i}.txt"
        f.write_text(f"Le ministre numéro {i} a déclaré lundi à Paris que « rien ne change ».", encoding="utf-8")
        files.append(f)
    before = snapshot(seed_corpus)
    real, calls = pipeline.run_components, []

    def failing(article, doc):
        calls.append(article.id)
        if len(calls) == 9:
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "run_components", failing)
    with pytest.raises(RuntimeError, match="boom"):
        corpus.ingest(files, data_dir=seed_corpus, published="2024-11-25")
    assert len(calls) == 9
    assert snapshot(seed_corpus) == before
