"""Background ingests started from the dashboard (the *Add articles* page). No streamlit, no spaCy.

A job is a folder ``<data>/.incoming/<job-id>/`` holding the files to ingest, each with its sidecar
``<stem>.meta.json`` (publication date, title, outlet typed in the form), and ``status.json``. Starting
a job runs ``python -m newsmap.jobs <job>`` in its own process (session), which runs the usual
``python -m newsmap ingest … --skip-bad --no-progress`` and records its summary line, its one-line
messages (bad files, lock wait) and its exit status in ``status.json``, then removes the inputs (the
ingest has copied them to ``raw/``). The corpus lock serialises a job with any other ingest; a page
reload reads the status again. Jobs are listed newest first.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from .corpus import INCOMING, atomic_write
from .errors import E
from .reader import slugify

STATUS = "status.json"
SUFFIXES = {".txt", ".html", ".htm"}


def jobs_dir(data_dir) -> Path:
    return Path(data_dir) / INCOMING


def new_job(data_dir) -> Path:
    job = jobs_dir(data_dir) / (dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6])
    job.mkdir(parents=True)
    return job


def article_id(name: str | None, data: bytes) -> str:
    """The article's identity: the uploaded file's name (uploading it again updates that article),
    or for pasted text (no name) its content."""
    return (slugify(Path(name).stem, "") if name else "") or "pasted-" + hashlib.sha1(data).hexdigest()[:10]


def add_file(job: Path, name: str | None, data: bytes, published: str, title: str = "", source: str = "") -> Path:
    """Write one input file (``name`` None: pasted text) and its sidecar into the job folder."""
    ident, name = article_id(name, data), name or "pasted.txt"
    suffix = Path(name).suffix.lower()
    stem = slugify(Path(name).stem, "") or "pasted"
    path = job / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path, n = job / f"{stem}-{n}{suffix}", n + 1
    path.write_bytes(data)
    meta = {"id": ident, "published": published, "title": title.strip(), "source": source.strip()}
    (job / f"{path.stem}.meta.json").write_text(json.dumps({k: v for k, v in meta.items() if v}, ensure_ascii=False),
                                                encoding="utf-8")
    return path


def form_problem(names: list[str], pasted: str, published) -> str | None:
    """What stops the *Add articles* form (one line), or None."""
    if not names and not pasted.strip():
        return E.ADD_NOTHING
    undated = [n for n in names if Path(n).suffix.lower() == ".txt"] + (["pasted text"] if pasted.strip() else [])
    if undated and not published:
        return E.ADD_NO_DATE.format(names=", ".join(undated[:3]) + (" …" if len(undated) > 3 else ""))
    return None


def _write_status(job: Path, **fields) -> None:
    atomic_write(job / STATUS, json.dumps(fields, ensure_ascii=False))


def start(job: Path, data_dir) -> subprocess.Popen:
    """Run the job in a background process; return at once."""
    _write_status(job, state="running", started=dt.datetime.now().isoformat(timespec="seconds"),
                  files=sorted(p.name for p in job.iterdir() if p.suffix in SUFFIXES), messages=[])
    return subprocess.Popen([sys.executable, "-m", "newsmap.jobs", str(job), str(data_dir)], start_new_session=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(job: Path, data_dir) -> int:
    """The job's own process: the ingest, then its outcome in status.json, then the inputs removed."""
    status = {**read_status(job), "pid": os.getpid()}
    _write_status(job, **status)
    files = [str(job / f) for f in status["files"]]
    cmd = [sys.executable, "-m", "newsmap", "ingest", *files, "--data-dir", str(data_dir), "--skip-bad", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    messages = []
    for line in proc.stderr:  # live: a lock wait shows while it waits
        if line.strip():
            messages.append(line.strip().replace(f"{job}/", ""))  # the file's name, not the job folder
            _write_status(job, **{**status, "messages": messages})
    out = proc.stdout.read().strip().splitlines()
    rc = proc.wait()
    for f in job.iterdir():
        if f.name != STATUS:
            f.unlink()
    _write_status(job, **{**status, "messages": messages, "state": "done" if rc == 0 else "failed", "returncode": rc,
                          "summary": out[-1] if out else "", "ended": dt.datetime.now().isoformat(timespec="seconds")})
    return rc


def _alive(pid) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def read_status(job: Path) -> dict:
    """The job's status; a job whose process died before recording its end (killed) reads as failed."""
    try:
        status = json.loads((job / STATUS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"state": "failed", "files": [], "messages": [f"{job.name}: no readable status"]}
    if status.get("state") == "running" and status.get("pid") and not _alive(status["pid"]):
        status["state"] = "failed"
    return status


def list_jobs(data_dir, limit: int = 5) -> list[tuple[Path, dict]]:
    folder = jobs_dir(data_dir)
    jobs = sorted((p for p in folder.iterdir() if p.is_dir()), reverse=True)[:limit] if folder.is_dir() else []
    return [(j, read_status(j)) for j in jobs]


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), sys.argv[2]))
