"""Read an article file and its metadata; reject bad input with one clear error.

Reads: a path (``.txt`` UTF-8 or ``.html``), an optional sidecar ``<stem>.meta.json``, and
explicit overrides. Writes nothing. Returns an :class:`Article`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import E, NewsmapError

MAX_MB_DEFAULT = 5
_FR_WORDS = {"le", "la", "les", "des", "du", "de", "et", "un", "une", "est", "que", "qui", "dans", "pour", "sur", "au", "aux", "avec", "pas", "a", "son", "ses", "cette", "ont"}
_EN_WORDS = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it", "his", "her", "said", "from", "have", "has", "are", "were", "this"}
_LANG_WORDS = {"fr": _FR_WORDS, "en": _EN_WORDS}


@dataclass
class Article:
    text: str
    published: dt.date
    lang: str = "fr"
    title: str = ""
    source: str = ""
    url: str = ""
    path: str = ""
    id: str = ""
    hash: str = ""
    extra: dict = field(default_factory=dict)
    #: the explicit ``id`` of the sidecar, if any (the article's identity, see corpus.source_key)
    given_id: str = ""

    def meta(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat(),
            "lang": self.lang,
            "path": self.path,
            "hash": self.hash,
            "chars": len(self.text),
            "words": len(self.text.split()),
        }


def parse_date(value: str, where: str = "") -> dt.date:
    """Parse ``YYYY-MM-DD`` strictly (a real calendar date) or raise NewsmapError.

    ``where`` prefixes the message (``"path: "``) so the user knows which file is wrong."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value).strip()):
            raise ValueError
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise NewsmapError(E.BAD_PUBLISHED.format(where=where, value=value)) from None


#: Publication dates outside this range are typos (``0005-06-01``, ``9999-06-01``).
EARLIEST_PUBLISHED = dt.date(1800, 1, 1)


def check_published(day: dt.date, where: str = "") -> dt.date:
    latest = dt.date.today() + dt.timedelta(days=366)
    if not EARLIEST_PUBLISHED <= day <= latest:
        raise NewsmapError(E.PUBLISHED_RANGE.format(where=where, value=day.isoformat(), low=EARLIEST_PUBLISHED, high=latest))
    return day


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slugify(name: str, empty: str = "article") -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:80] or empty


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def _decode(path: Path, raw: bytes, encoding: str | None) -> str:
    if b"\x00" in raw:  # anywhere: a NUL is never part of an article
        raise NewsmapError(E.FILE_BINARY.format(path=path))
    if encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise NewsmapError(f"{path}: cannot decode as {encoding}: {exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NewsmapError(E.FILE_NOT_UTF8.format(path=path, pos=exc.start)) from None


def _binary_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0xFFF0 <= ord(ch))
    return bad / len(sample)


def guess_language(text: str) -> str | None:
    """A cheap stop-word vote; returns None when the text is too short to tell."""
    words = re.findall(r"[a-zà-ÿ']+", text[:20000].lower())
    if len(words) < 30:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANG_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.08 * len(words) else None


def _read_html(path: Path, html: str) -> tuple[str, dict]:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = {}
    doc = trafilatura.extract_metadata(html)
    if doc is not None:
        meta = {k: v for k, v in {"title": doc.title, "source": doc.sitename, "url": doc.url}.items() if v}
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; the date is then just unknown
        found = None
    if found:
        meta["published"] = found
    if not text.strip():
        raise NewsmapError(E.HTML_NO_TEXT.format(path=path))
    return text, meta


def _headline(text: str) -> tuple[str, str]:
    """A first short line that does not end a sentence with a full stop is the headline
    (it may end with a quotation: « … dans quatre ans »)."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest.strip() and first and len(first.split()) <= 20 and not first.endswith((".", ":", "…")):
        return first, rest.lstrip("\n")
    return "", text


def read_article(
    path: str | os.PathLike,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    check_language: bool = True,
) -> Article:
    path = Path(path)
    if not path.is_file():
        raise NewsmapError(E.FILE_NOT_FOUND.format(path=path))
    _check_symlink(path)
    suffix = path.suffix.lower()
    if suffix not in {".txt", ".html", ".htm", ".text", ""}:
        raise NewsmapError(E.FILE_TYPE.format(path=path, suffix=suffix))
    limit_mb = float(os.environ.get("NEWSMAP_MAX_MB", MAX_MB_DEFAULT))
    size = path.stat().st_size
    if size > limit_mb * 1024 * 1024:
        raise NewsmapError(E.FILE_TOO_LARGE.format(path=path, size_mb=size / 1e6, limit_mb=limit_mb))
    raw = _read_bytes(path)
    text = _decode(path, raw, encoding)
    if not text.strip():
        raise NewsmapError(E.FILE_EMPTY.format(path=path))
    if _binary_ratio(text) > 0.05:
        raise NewsmapError(E.FILE_BINARY.format(path=path))

    side = sidecar_path(path)
    meta = read_sidecar(side)
    dated_by_sidecar = "published" in meta

    looks_html = suffix in {".html", ".htm"} or re.match(r"\s*(<!doctype html|<html)", text[:200], re.I)
    if looks_html:
        text, html_meta = _read_html(path, text)
        meta = {**html_meta, **meta}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    headline, body = _headline(text)
    if headline and not meta.get("title"):
        meta["title"] = headline

    chosen = {
        "published": published or meta.get("published"),
        "lang": lang or meta.get("lang") or "fr",
        "title": title or meta.get("title") or "",
        "source": source or meta.get("source") or "",
        "url": url or meta.get("url") or "",
    }
    if not chosen["published"]:
        raise NewsmapError(E.NO_PUBLISHED.format(path=path, sidecar=side.name))
    where = "" if published else f"{side if dated_by_sidecar else path}: "
    pub = check_published(parse_date(str(chosen["published"])[:10], where), where)
    if check_language:
        detected = guess_language(text)
        if detected and detected != chosen["lang"]:
            raise NewsmapError(E.WRONG_LANGUAGE.format(path=path, detected=detected, lang=chosen["lang"]))
    if not chosen["title"]:
        first = re.split(r"(?<=[.!?»])\s", text.strip(), maxsplit=1)[0]
        chosen["title"] = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    digest = content_hash(text)
    return Article(
        text=text,
        published=pub,
        lang=chosen["lang"],
        title=chosen["title"],
        source=chosen["source"],
        url=chosen["url"],
        path=str(path),
        id=slugify(meta.get("id") or path.stem),
        hash=digest,
        given_id=meta.get("id") or "",
    )


def _check_symlink(path: Path) -> None:
    """A link is followed only to a regular file inside the link's own folder (tree), so a folder
    of articles handed over by someone else cannot pull in /etc/passwd or ~/.ssh/id_rsa."""
    if not path.is_symlink():
        return
    target = path.resolve()
    if not (target.is_file() and target.is_relative_to(path.parent.resolve())):
        raise NewsmapError(E.SYMLINK_OUTSIDE.format(path=path, target=target))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:  # permission denied, a folder, an I/O error: the user's to fix
        raise NewsmapError(E.FILE_UNREADABLE.format(path=path, error=exc.strerror or exc)) from None


#: sidecar fields and the type each must have (anything else in the sidecar is ignored)
SIDECAR_FIELDS = {"published": str, "lang": str, "title": str, "source": str, "url": str, "id": str}


def read_sidecar(side: Path) -> dict:
    """The sidecar ``<stem>.meta.json`` as a dict of checked fields ({} when there is none)."""
    if not side.exists() and not side.is_symlink():
        return {}
    _check_symlink(side)
    raw = _read_bytes(side)
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
        if not isinstance(meta, dict):
            raise ValueError("top level must be an object")
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise NewsmapError(E.BAD_SIDECAR.format(path=side, error=exc)) from None
    for key, typ in SIDECAR_FIELDS.items():
        val = meta.get(key)
        if val is None:
            meta.pop(key, None)
        elif not isinstance(val, typ) or (key == "id" and not slugify(val, "")):
            got = f"{type(val).__name__} {json.dumps(val, ensure_ascii=False)[:40]}"
            expected = "a string with letters or digits" if key == "id" else "a string"
            raise NewsmapError(E.SIDECAR_FIELD.format(path=side, field=key, expected=expected, got=got))
    return meta
