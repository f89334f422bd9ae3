"""The corpus on disk, ingest, and the one loading function the dashboard uses.

Layout of a data folder (``data/`` by default, ``NEWSMAP_DATA_DIR`` or ``--data-dir``)::

    data/
      corpus.json            manifest: schema, articles (id, hash, title, source, published, file)
      articles/<id>.json     one extraction document per article (the ``extract`` output)
      raw/<file>             the source files (+ optional <stem>.meta.json sidecars)
      corrections.toml       hand corrections, applied at load time; never written by ingest

Every write goes to a temporary file in the same folder and is moved into place with
``os.replace``; the manifest is written last, so a crash leaves the previous corpus intact.
Writers hold an OS lock on ``<data>/.lock`` (``fcntl.flock``: no extra package, and the kernel
releases it when the process dies, so a killed ingest never leaves a stale lock) while they read
the manifest, write documents and rewrite the manifest; the next writer cleans what a killed one
left (temporary files, documents the manifest does not list).

An article's identity is its *source*: the sidecar's ``id``, else its URL, else the file's path
(relative to the data folder when inside it). The content hash and metadata only decide whether
it changed.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import SCHEMA_VERSION, __version__
from .errors import E, NewsmapError
from .reader import Article, check_published, read_article

MANIFEST = "corpus.json"
CORRECTIONS = "corrections.toml"
LOCK = ".lock"
#: jobs of the dashboard's *Add articles* page (newsmap/jobs.py); their files are copied to raw/ like outside ones
INCOMING = ".incoming"
LOCK_TIMEOUT_DEFAULT = 600.0
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
#: fields of a manifest entry compared to decide "unchanged" (besides the source)
FINGERPRINT = ("hash", "published", "title", "source", "url", "lang")


def data_dir_default() -> Path:
    return Path(os.environ.get("NEWSMAP_DATA_DIR", "data"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_temp(path: Path, data: str | bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path`` (flushed to disk); return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; the corpus is shared like any file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _unlink_quietly(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def atomic_write(path: Path, data: str | bytes) -> None:
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise


class Staging:
    """Files written under temporary names, all moved into place when the block ends without error
    (and removed if it fails), so an ingest that stops half-way leaves the corpus as it was."""

    def __init__(self):
        self.pending: list[tuple[str, Path]] = []

    def write(self, path: Path, data: str | bytes) -> None:
        self.pending.append((_write_temp(path, data), path))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            for tmp, path in self.pending:
                os.replace(tmp, path)
        else:
            for tmp, _ in self.pending:
                _unlink_quietly(tmp)
        return False


# ---------------------------------------------------------------- the writers' lock
def lock_timeout() -> float:
    raw = os.environ.get("NEWSMAP_LOCK_TIMEOUT", "")
    try:
        value = float(raw) if raw else LOCK_TIMEOUT_DEFAULT
        if not value >= 0:
            raise ValueError
    except ValueError:
        raise NewsmapError(E.BAD_SETTING.format(name="NEWSMAP_LOCK_TIMEOUT", value=raw, expected="a number of seconds (≥ 0)")) from None
    return value


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


@contextlib.contextmanager
def corpus_lock(data_dir: Path, notify=None):
    """Hold the corpus writers' lock; wait for it (telling ``notify``) up to NEWSMAP_LOCK_TIMEOUT seconds."""
    timeout = lock_timeout()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(data_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise NewsmapError(E.DATA_DIR_UNWRITABLE.format(data_dir=data_dir, error=exc.strerror or exc)) from None
    try:
        if not _try_lock(fd):
            if notify:
                notify(E.LOCK_WAIT.format(data_dir=data_dir, timeout=timeout))
            deadline = time.monotonic() + timeout
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise NewsmapError(E.LOCK_TIMEOUT.format(data_dir=data_dir, timeout=timeout))
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # releases the lock


# ---------------------------------------------------------------- manifest
def read_manifest(data_dir: Path) -> dict:
    path = Path(data_dir) / MANIFEST
    if not path.exists():
        return {"schema": SCHEMA_VERSION, "articles": []}
    try:
        man = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(man, dict) or not isinstance(man.get("articles"), list):
            raise ValueError("no 'articles' list")
        return man
    except ValueError as exc:
        raise NewsmapError(E.CORPUS_BAD.format(path=path, error=exc)) from None
    except OSError as exc:
        raise NewsmapError(E.CORPUS_BAD.format(path=path, error=exc.strerror or exc)) from None


def _entry_problem(entry, seen: set) -> str | None:
    if not isinstance(entry, dict):
        return "not an object"
    if not (isinstance(entry.get("id"), str) and ID_RE.match(entry["id"])):
        return "no valid 'id'"
    if entry["id"] in seen:
        return f"id '{entry['id']}' listed twice"
    for key in ("hash", "published", "file"):
        if not isinstance(entry.get(key), str):
            return f"'{key}' is not a text"
    for key in ("title", "source", "url", "lang", "source_key"):
        if not isinstance(entry.get(key, ""), str):
            return f"'{key}' is not a text"
    try:
        dt.date.fromisoformat(entry["published"])
    except ValueError:
        return f"'published' is not a date: {entry['published'][:20]!r}"
    return None


def manifest_entries(man: dict, path) -> tuple[list[dict], list[str]]:
    """The usable entries of a manifest, and one warning per damaged entry (skipped)."""
    entries, warnings, seen = [], [], set()
    for index, entry in enumerate(man["articles"], 1):
        problem = _entry_problem(entry, seen)
        if problem:
            warnings.append(E.ENTRY_DAMAGED.format(path=path, index=index, error=problem))
        else:
            seen.add(entry["id"])
            entries.append(entry)
    return entries, warnings


def source_key(article: Article, data_dir: Path) -> str:
    """What makes two ingests the same article: the sidecar id, else the URL, else the file."""
    if article.given_id:
        return "id:" + article.given_id
    if article.url:
        return "url:" + article.url
    src, root = Path(article.path).resolve(), data_dir.resolve()
    return "path:" + (src.relative_to(root).as_posix() if src.is_relative_to(root) else str(src))


def _unique_id(base: str, key: str, taken: set) -> str:
    """``base``, or ``base-<8 hex of the source>`` when another source has it (stable across runs)."""
    suffix = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    cand, n = base, 1
    while cand in taken:
        cand = f"{base}-{suffix}" + (f"-{n}" if n > 1 else "")
        n += 1
    return cand


def _clean_leftovers(data_dir: Path, keep_ids: set) -> int:
    """Remove what a killed ingest left: temporary files, and documents no manifest entry names."""
    removed = 0
    docs = data_dir / "articles"
    for folder in (data_dir, docs, data_dir / "raw"):
        if not folder.is_dir():
            continue
        for p in folder.iterdir():
            temp = p.name.startswith(".") and p.name.endswith(".tmp")  # atomic_write's temporary files
            orphan = folder == docs and p.suffix == ".json" and p.stem not in keep_ids
            if (temp or orphan) and p.is_file() and not p.is_symlink():
                p.unlink()
                removed += 1
    return removed


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    cleaned: int = 0
    warnings: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged

    def line(self, data_dir) -> str:
        total = self.total
        rate = total / self.seconds if self.seconds else 0
        return (f"ingested {total} article{'s' if total != 1 else ''} ({self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged) in {self.seconds:.1f} s ({rate:.1f} articles/s) → {Path(data_dir) / MANIFEST}")


def problems_message(problems: list[str]) -> str:
    """The first problem in full, then how many more (a message stays one readable line)."""
    more = len(problems) - 1
    return problems[0] if not more else E.MANY_FILES.format(first=problems[0], more=more, s="s" if more > 1 else "")


def _store_raw(article: Article, data_dir: Path, copy_raw: bool, staged: Staging) -> str:
    """Copy the source (and its chosen metadata as a sidecar) to raw/<id>; return its path in the corpus."""
    src, root = Path(article.path).resolve(), data_dir.resolve()
    if src.is_relative_to(root) and not src.is_relative_to(root / INCOMING):
        return src.relative_to(root).as_posix()
    if not copy_raw:
        return str(src)
    dest = data_dir / "raw" / f"{article.id}{src.suffix}"
    staged.write(dest, src.read_bytes())
    meta = {"published": article.published.isoformat(), "lang": article.lang, "title": article.title,
            "source": article.source, "url": article.url}
    if article.given_id:
        meta["id"] = article.given_id
    staged.write(dest.with_name(dest.stem + ".meta.json"), json.dumps(meta, ensure_ascii=False, indent=1))
    return dest.relative_to(data_dir).as_posix()


def _entry(article: Article, key: str, file_rel: str) -> dict:
    return {"id": article.id, "source_key": key, "hash": article.hash, "title": article.title, "source": article.source,
            "url": article.url, "published": article.published.isoformat(), "lang": article.lang, "file": file_rel}


def ingest(paths, data_dir=None, published=None, lang=None, n_process=1, progress=None, copy_raw=True,
           skip_bad=False, errors=None, encoding=None, notify=None, source=None, force=False) -> IngestReport:
    """Add or update articles in the corpus. Raises on bad input before writing (unless ``skip_bad``:
    the bad files' messages then go to ``errors``). ``notify`` receives progress remarks (lock wait);
    ``source`` names the outlet of every file (else the HTML site name or the sidecar's);
    ``force`` extracts unchanged articles again (after a pipeline upgrade)."""
    from .pipeline import extract_many

    t0 = time.perf_counter()
    data_dir = Path(data_dir or data_dir_default())
    if data_dir.exists() and not data_dir.is_dir():
        raise NewsmapError(E.DATA_DIR_NOT_DIR.format(data_dir=data_dir))

    sources: dict[str, Article] = {}
    problems, duplicates = [], 0
    for p in paths:
        try:
            a = read_article(p, published=published, lang=lang, encoding=encoding, source=source)
        except NewsmapError as exc:
            problems.append(str(exc))
            continue
        key = source_key(a, data_dir)
        if key in sources:
            if sources[key].hash != a.hash:
                problems.append(E.DUPLICATE_SOURCE.format(path=a.path, other=sources[key].path, key=key))
            else:
                duplicates += 1  # the same file named twice
            continue
        sources[key] = a
    if problems and not skip_bad:
        tail = "; nothing was written" + (" (--skip-bad ingests the readable files)" if len(paths) > 1 else "")
        raise NewsmapError(problems_message(problems) + tail)
    if errors is not None:
        errors.extend(problems)

    report = IngestReport(unchanged=duplicates)
    if not sources:  # --skip-bad and every file bad: nothing to do
        return report
    with corpus_lock(data_dir, notify):
        man = read_manifest(data_dir)
        entries, report.warnings = manifest_entries(man, data_dir / MANIFEST)
        report.cleaned = _clean_leftovers(data_dir, {e.get("id") for e in man["articles"] if isinstance(e, dict)})
        by_key = {e["source_key"]: e for e in entries if e.get("source_key")}
        by_file = {e["file"]: e for e in entries}
        legacy = {e["id"]: e for e in entries if not e.get("source_key")}  # manifests written before source keys
        hashes = {e["hash"] for e in entries}
        taken = {e["id"] for e in entries}
        claimed: set[str] = set()
        rekeyed: dict[str, dict] = {}  # unchanged entries of an old manifest that now get their source key
        todo: list[tuple[str, Article, dict | None]] = []
        for key, a in sources.items():
            candidates = [by_key.get(key), by_file.get(key[5:]) if key.startswith("path:") else None, legacy.get(a.id)]
            old = next((e for e in candidates if e is not None and e["id"] not in claimed), None)
            if old is not None:
                claimed.add(old["id"])
                a.id = old["id"]
                key = old.get("source_key") or key  # a re-ingested raw/ copy stays its original's article
                if not force and all(_entry(a, key, "")[k] == old.get(k) for k in FINGERPRINT):
                    report.unchanged += 1
                    if not old.get("source_key"):
                        rekeyed[a.id] = dict(old, source_key=key)
                    continue
            elif a.hash in hashes:  # this text is already in the corpus, from another source
                report.unchanged += 1
                continue
            else:
                a.id = _unique_id(a.id, key, taken)
                taken.add(a.id)
            hashes.add(a.hash)
            todo.append((key, a, old))

        by_id = {e["id"]: rekeyed.get(e["id"], e) for e in entries}
        plan = {a.id: (key, old) for key, a, old in todo}
        results = extract_many([a for _, a, _ in todo], n_process=n_process)
        if progress is not None:
            results = progress(results, total=len(todo))
        stale = []
        with Staging() as staged:  # every file is written under a temporary name and renamed at the end:
            for article, doc in results:  # a failure mid-run (a killed parser) changes nothing
                key, old = plan[article.id]
                file_rel = _store_raw(article, data_dir, copy_raw, staged)
                doc["article"]["path"] = file_rel
                staged.write(data_dir / "articles" / f"{article.id}.json", json.dumps(doc, ensure_ascii=False, indent=1))
                if old is None:
                    report.new += 1
                else:
                    report.updated += 1
                    if old["file"] != file_rel:
                        stale.append(old["file"])
                by_id[article.id] = _entry(article, key, file_rel)
        if todo or rekeyed:
            man = {"schema": SCHEMA_VERSION, "newsmap": __version__,
                   "articles": sorted(by_id.values(), key=lambda e: (e["published"], e["id"]))}
            atomic_write(data_dir / MANIFEST, json.dumps(man, ensure_ascii=False, indent=1))
            _remove_stale_raw(data_dir, stale, {e["file"] for e in by_id.values()})
        from .store import ensure

        ensure(data_dir)  # the query store follows the corpus (rebuilt when the manifest or corrections changed)
    report.seconds = time.perf_counter() - t0
    return report


def _remove_stale_raw(data_dir: Path, stale: list[str], in_use: set[str]) -> None:
    """An updated article's previous copy in raw/ (renamed since), unless another entry uses it."""
    for rel in stale:
        p = data_dir / rel
        if rel in in_use or not rel.startswith("raw/") or not p.is_file():
            continue
        for q in (p, p.with_name(p.stem + ".meta.json")):
            q.unlink(missing_ok=True)


# ---------------------------------------------------------------- readers
#: how long corpus_version() may reuse its scan of the documents (an in-place edit shows within it)
SCAN_EVERY = 1.0
#: a scan that took longer than this (a large corpus: 10,000 stat calls take 0.1–0.2 s) is redone in a
#: background thread, and the run in hand uses the last digest: no filter change waits on a scan
SCAN_INLINE = 0.02
_scan_cache: dict[str, tuple[float, str, str, float]] = {}  # folder -> (when, cheap part, digest, seconds taken)
_scan_lock = threading.Lock()
_scanning: dict[str, threading.Thread] = {}


def _scan(adir: Path, cheap: str) -> str:
    t = time.monotonic()
    h = hashlib.blake2b(digest_size=8)
    with os.scandir(adir) as it:
        stats = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in it if e.name.endswith(".json"))
    for row in stats:
        h.update(repr(row).encode())
    _scan_cache[str(adir)] = (t, cheap, h.hexdigest(), time.monotonic() - t)
    return h.hexdigest()


def _scan_in_background(adir: Path, cheap: str) -> None:
    def work():
        try:
            _scan(adir, cheap)
        except OSError:  # the folder changed under us: the next call scans again
            pass
        finally:
            with _scan_lock:
                _scanning.pop(str(adir), None)
    with _scan_lock:
        if str(adir) in _scanning:
            return
        _scanning[str(adir)] = thread = threading.Thread(target=work, name="newsmap-scan", daemon=True)
    thread.start()


def wait_for_scans(timeout: float = 30.0) -> None:
    """Returns once no background scan is running (for tests and tools)."""
    with _scan_lock:
        threads = list(_scanning.values())
    for thread in threads:
        thread.join(timeout)


def _documents_digest(adir: Path, cheap: str, rescan: bool = True) -> str:
    """A digest of every document's name, size and mtime. Reused for SCAN_EVERY s while the cheap
    part (manifest, corrections, folder) is unchanged; after that rescanned, in the background when
    the last scan was slow (the in-place edit then shows at the next run after the scan), or not at
    all if not ``rescan`` (the caller starts it later: :func:`rescan_documents`)."""
    hit = _scan_cache.get(str(adir))
    if hit and hit[1] == cheap:
        if time.monotonic() - hit[0] < SCAN_EVERY:
            return hit[2]
        if hit[3] > SCAN_INLINE:
            if rescan:
                _scan_in_background(adir, cheap)
            return hit[2]
    return _scan(adir, cheap)


def rescan_documents(data_dir=None) -> None:
    """Starts the background rescan that ``corpus_version(rescan=False)`` left for later, if one is due.
    The dashboard calls it once a run has drawn its page, so that a scan of 10,000 documents (0.1–0.2 s,
    much of it holding Python's lock) does not run beside the filter change it would slow."""
    corpus_version(data_dir)


def corpus_version(data_dir=None, rescan: bool = True) -> str:
    """A cheap fingerprint of the corpus and corrections (for caches): changes with the manifest,
    the corrections, and any document (an in-place edit shows within SCAN_EVERY seconds, or at the
    run after a background rescan on a large corpus; ``rescan=False``: the rescan is not started
    here, see :func:`rescan_documents`)."""
    data_dir = Path(data_dir or data_dir_default())
    parts = []
    for name in (MANIFEST, CORRECTIONS):
        p = data_dir / name
        if p.exists():
            st = p.stat()
            parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    adir = data_dir / "articles"
    if adir.is_dir():
        parts.append(f"articles:{adir.stat().st_mtime_ns}")
        cheap = "|".join(parts)
        try:
            parts.append(_documents_digest(adir, cheap, rescan))
        except OSError:  # the folder changed under us: the next call sees the new state
            parts.append(str(time.monotonic_ns()))
    return "|".join(parts) or "empty"


def _document_problem(doc, entry_id: str) -> str | None:
    if not isinstance(doc, dict) or not isinstance(doc.get("article"), dict):
        return "not an extraction document"
    art = doc["article"]
    if art.get("id") != entry_id:
        return f"its article id is {art.get('id')!r}, not {entry_id!r}"
    if not isinstance(art.get("text"), str) or not isinstance(art.get("published"), str):
        return "no article text or publication date"
    try:
        check_published(dt.date.fromisoformat(art["published"]))
    except ValueError:
        return f"publication date {art['published'][:20]!r} is not a date"
    except NewsmapError as exc:  # written by an older ingest that did not check the range
        return str(exc)
    for name in ("quotes", "dates", "places", "actors", "events"):
        recs = doc.get(name, [])
        if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
            return f"'{name}' is not a list of records"
    for ev in doc.get("events", []):
        if not all(isinstance(ev.get(k) or [], list) for k in ("places", "actors")):
            return "an event's places or actors are not lists"
    return None


def read_documents(data_dir=None, warnings: list | None = None) -> list[dict]:
    """The documents of the corpus. A damaged document or manifest entry is skipped with a
    warning (appended to ``warnings``); a missing or unreadable manifest raises NewsmapError."""
    data_dir = Path(data_dir or data_dir_default())
    if not (data_dir / MANIFEST).exists():
        raise NewsmapError(E.CORPUS_MISSING.format(data_dir=data_dir))
    man = read_manifest(data_dir)
    entries, skipped = manifest_entries(man, data_dir / MANIFEST)
    docs = []
    for entry in entries:
        rel = f"articles/{entry['id']}.json"
        try:
            doc = json.loads((data_dir / rel).read_text(encoding="utf-8"))
            problem = _document_problem(doc, entry["id"])
            if problem:
                raise ValueError(problem)
        except FileNotFoundError:
            skipped.append(E.DOC_DAMAGED.format(path=data_dir / rel, error="missing"))
            continue
        except OSError as exc:
            skipped.append(E.DOC_DAMAGED.format(path=data_dir / rel, error=exc.strerror or exc))
            continue
        except ValueError as exc:  # truncated JSON, not UTF-8, wrong structure
            skipped.append(E.DOC_DAMAGED.format(path=data_dir / rel, error=exc))
            continue
        docs.append(doc)
    if warnings is not None:
        warnings.extend(skipped)
    return docs
