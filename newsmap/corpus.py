"""The corpus on disk, ingest, and the one loading function the dashboard uses.

Layout of a data folder (``data/`` by default, ``NEWSMAP_DATA_DIR`` or ``--data-dir``)::

    data/
      corpus.json            manifest: schema, articles (id, hash, title, source, published, file)
      articles/<id>.json     one extraction document per article (the ``extract`` output)
      raw/<file>             the source files (+ optional <stem>.meta.json sidecars)
      corrections.toml       hand corrections, applied at load time; never written by ingest

Every write goes to a temporary file in the same folder and is moved into place with
``os.replace``; the manifest is written last, so a crash leaves the previous corpus intact.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import SCHEMA_VERSION, __version__
from .errors import E, NewsmapError
from .reader import Article, read_article

MANIFEST = "corpus.json"
CORRECTIONS = "corrections.toml"


def data_dir_default() -> Path:
    return Path(os.environ.get("NEWSMAP_DATA_DIR", "data"))


def atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    def line(self, data_dir) -> str:
        total = self.new + self.updated + self.unchanged
        rate = total / self.seconds if self.seconds else 0
        return (f"ingested {total} article{'s' if total != 1 else ''} ({self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged) in {self.seconds:.1f} s ({rate:.1f} articles/s) → {Path(data_dir) / MANIFEST}")


def _unique_id(article: Article, taken: dict[str, str]) -> str:
    base = article.id
    if base not in taken or taken[base] == article.hash:
        return base
    return f"{base}-{article.hash[:8]}"


def ingest(paths, data_dir=None, published=None, lang=None, n_process=1, progress=None, copy_raw=True,
           skip_bad=False, errors=None, encoding=None, source=None) -> IngestReport:
    """Add articles to the corpus; idempotent by content hash. Raises on bad input before writing."""
    from .pipeline import extract_many

    t0 = time.perf_counter()
    data_dir = Path(data_dir or data_dir_default())
    if data_dir.exists() and not data_dir.is_dir():
        raise NewsmapError(E.DATA_DIR_NOT_DIR.format(data_dir=data_dir))
    man = read_manifest(data_dir)
    by_hash = {a["hash"]: a for a in man["articles"]}
    by_id = {a["id"]: a["hash"] for a in man["articles"]}

    articles, problems = [], []
    for p in paths:
        try:
            articles.append(read_article(p, published=published, lang=lang, encoding=encoding, source=source))
        except NewsmapError as exc:
            problems.append(str(exc))
    if problems and not skip_bad:
        tail = "; nothing was written" + (" (--skip-bad ingests the readable files)" if len(paths) > 1 else "")
        raise NewsmapError((problems[0] if len(problems) == 1 else
                            f"{len(problems)} files cannot be read: " + " | ".join(problems)) + tail)
    if errors is not None:
        errors.extend(problems)

    report = IngestReport()
    todo = []
    seen = set()
    for a in articles:
        if a.hash in by_hash or a.hash in seen:
            report.unchanged += 1
            continue
        seen.add(a.hash)
        a.id = _unique_id(a, by_id)
        todo.append(a)

    entries = {a["id"]: a for a in man["articles"]}
    raw_dir = data_dir / "raw"
    results = extract_many(todo, n_process=n_process)
    if progress is not None:
        results = progress(results, total=len(todo))
    for article, doc in results:
        src = Path(article.path)
        if copy_raw and src.resolve().parent != raw_dir.resolve():
            dest = raw_dir / src.name
            if dest.exists() and dest.read_bytes() != src.read_bytes():
                dest = raw_dir / f"{src.stem}-{article.hash[:8]}{src.suffix}"
            atomic_write(dest, src.read_bytes())
            side = src.with_name(src.stem + ".meta.json")
            if side.exists():
                atomic_write(dest.with_name(dest.stem + ".meta.json"), side.read_bytes())
            file_rel = str(dest.relative_to(data_dir))
        else:
            try:
                file_rel = str(src.resolve().relative_to(data_dir.resolve()))
            except ValueError:
                file_rel = str(src)
        doc["article"]["path"] = file_rel
        atomic_write(data_dir / "articles" / f"{article.id}.json", json.dumps(doc, ensure_ascii=False, indent=1))
        if article.id in entries:
            report.updated += 1
        else:
            report.new += 1
        entries[article.id] = {"id": article.id, "hash": article.hash, "title": article.title,
                               "source": article.source, "url": article.url,
                               "published": article.published.isoformat(), "lang": article.lang, "file": file_rel}
    if report.new or report.updated:
        man = {"schema": SCHEMA_VERSION, "newsmap": __version__,
               "articles": sorted(entries.values(), key=lambda a: (a["published"], a["id"]))}
        atomic_write(data_dir / MANIFEST, json.dumps(man, ensure_ascii=False, indent=1))
    from .store import ensure

    ensure(data_dir)  # the query store follows the corpus (rebuilt only if the manifest or corrections changed)
    report.seconds = time.perf_counter() - t0
    return report


def corpus_version(data_dir=None) -> str:
    """A cheap fingerprint of the corpus and corrections (for caches)."""
    data_dir = Path(data_dir or data_dir_default())
    parts = []
    for name in (MANIFEST, CORRECTIONS):
        p = data_dir / name
        if p.exists():
            st = p.stat()
            parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    adir = data_dir / "articles"
    if adir.is_dir():
        st = adir.stat()
        parts.append(f"articles:{st.st_mtime_ns}")
    return "|".join(parts) or "empty"


def read_documents(data_dir=None) -> list[dict]:
    data_dir = Path(data_dir or data_dir_default())
    if not (data_dir / MANIFEST).exists():
        raise NewsmapError(E.CORPUS_MISSING.format(data_dir=data_dir))
    man = read_manifest(data_dir)
    docs = []
    for entry in man["articles"]:
        path = data_dir / "articles" / f"{entry['id']}.json"
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or "article" not in doc:
                raise ValueError("not an extraction document")
        except (OSError, ValueError) as exc:
            raise NewsmapError(E.CORPUS_BAD.format(path=path, error=exc)) from None
        docs.append(doc)
    return docs
