"""The query store: one DuckDB file per corpus, built from the documents + corrections.

The per-article JSON documents stay the archive; ``data/newsmap-<fingerprint>.duckdb`` is derived from them and
from ``corrections.toml`` (applied here, exactly as :func:`newsmap.load.load` applies them), with
what the dashboard filters and counts on computed once:

==============  ===========================================================================
table           rows
==============  ===========================================================================
articles        one per article (+ ``n_events``, ``n_quotes``, ``ord``)
quotes          one per quote (+ ``lo``/``hi`` date bounds, ``search`` folded text, ``ord``, ``article_ord``)
events          one per event (+ ``lo``/``hi``, ``search``, ``first_actor``, ``ord``, ``article_ord``; ``group_uid`` and
                ``n_sources``: the corpus event it belongs to and how many articles report it)
places          one per place and article (+ ``ord``)
actors          one per actor and article (+ ``ord``)
dates           one per date expression (the Article page's highlights)
actor_aliases   one per name the identity rules merged: ``alias, actor, rule, confidence``
actor_stats     one per actor name: kind, quotes, events, count (quotes + event mentions), colour
event_actors    event ↔ actor (``role``: ``actor`` or ``asserted_by``; ``event_ord``: the event's ``ord``)
event_places    event ↔ place (+ ``event_ord``)
quote_places    quote ↔ place: the place it was said, or a place named in its sentence (+ ``quote_ord``)
meta            ``fingerprint`` (what it was built from), ``warnings`` (unmatched corrections)
==============  ===========================================================================

List fields (``places``, ``spans``, ``aliases`` …) are stored as JSON text and decoded when a
page fetches rows. Safety with a dashboard reading while ingest writes: the store is written to a
temporary file and moved into place with ``os.replace``; a reader keeps the file it opened (a
read-only connection per corpus version), never a half-written one.

The fingerprint is a hash of the manifest, the corrections file, the store schema and newsmap's
version; it names the file (``data/newsmap-<fingerprint>.duckdb``), so a changed corpus or
corrections file finds no store of its own and builds one (``python -m newsmap build-store``
forces it). A build removes the older versions (a process that has one open keeps reading it).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import CORRECTIONS, MANIFEST, data_dir_default
from .errors import NewsmapError

STORE_FILE = "newsmap-{fp}.duckdb"
STORE_SCHEMA = "4"
READER_MEMORY = "512MB"  # DuckDB's buffer for a reader (the dashboard): its share of the RSS target
JSON_COLUMNS = {
    "articles": ["sentences"],
    "quotes": [],
    "events": ["places", "actors", "quote_ids"],
    "places": ["mentions", "spans"],
    "actors": ["aliases", "spans"],
    "dates": [],
}
INT_COLUMNS = {"start", "end", "sentence_start", "count", "words", "ord", "n_events", "n_quotes", "quotes", "events", "n_sources",
               "article_ord", "event_ord", "quote_ord"}
FLOAT_COLUMNS = {"lat", "lon", "confidence"}
BOOL_COLUMNS = {"in_quote"}
DATE_COLUMNS = {"lo", "hi"}


def store_path(data_dir=None, fp: str | None = None) -> Path:
    """The store of the corpus as it is now: its file name carries the fingerprint."""
    data_dir = Path(data_dir or data_dir_default())
    return data_dir / STORE_FILE.format(fp=(fp or fingerprint(data_dir))[:16])


def fingerprint(data_dir=None) -> str:
    """What the store is built from: manifest + corrections + store schema + newsmap version."""
    data_dir = Path(data_dir or data_dir_default())
    h = hashlib.sha256(f"{STORE_SCHEMA}|{__version__}".encode())
    for name in (MANIFEST, CORRECTIONS):
        p = data_dir / name
        h.update(f"|{name}:".encode())
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def _sql_type(col: str) -> str:
    if col in INT_COLUMNS:
        return "BIGINT"
    if col in FLOAT_COLUMNS:
        return "DOUBLE"
    if col in BOOL_COLUMNS:
        return "BOOLEAN"
    if col in DATE_COLUMNS:
        return "DATE"
    return "VARCHAR"


def _column_frame(df: pd.DataFrame, name: str, cols: list[str]) -> pd.DataFrame:
    """The columns stored for a table, list fields as JSON text."""
    out = {}
    for c in cols:
        values = df[c].tolist() if c in df.columns else [None] * len(df)
        if c in JSON_COLUMNS.get(name, []):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        elif c in INT_COLUMNS:
            values = [None if v is None or v != v else int(v) for v in values]
        elif c in FLOAT_COLUMNS:
            values = [None if v is None else float(v) for v in values]
        elif c in BOOL_COLUMNS:
            values = [None if v is None or v != v else bool(v) for v in values]
        elif c not in DATE_COLUMNS:
            values = [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in values]
        out[c] = pd.Series(values, dtype=object)
    return pd.DataFrame(out, columns=cols)


def _derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Derived columns and link tables: date bounds, folded search text, mentions, actor stats."""
    from .filters import date_bounds, fold
    from .views import PALETTE

    arts, quotes, events, places = tables["articles"], tables["quotes"], tables["events"], tables["places"]
    published = dict(zip(arts["id"], arts["published"]))

    q_bounds = [date_bounds(d or published.get(a), p or "day")
                for d, a, p in zip(quotes["date"], quotes["article"], quotes["date_precision"])]
    quotes = quotes.assign(lo=[b[0] for b in q_bounds], hi=[b[1] for b in q_bounds],
                           search=["\x00".join(fold(x) for x in t) for t in zip(quotes["text"], quotes["sentence"], quotes["speaker"])])
    e_bounds = [date_bounds(d or s or p, prec or "day", end)
                for d, s, p, prec, end in zip(events["date"], events["statement_date"], events["published"],
                                              events["date_precision"], events["date_end"])]
    events = events.assign(lo=[b[0] for b in e_bounds], hi=[b[1] for b in e_bounds],
                           first_actor=[xs[0] if xs else None for xs in events["actors"]],
                           search=["\x00".join(fold(x) for x in t) for t in zip(events["summary"], events["sentence"])])

    # link tables carry the row's ``ord`` too: the filters join on integers, not on uid strings (3–4× faster at 10k)
    ev_actors = [(uid, a, "actor", i) for i, (uid, xs) in enumerate(zip(events["uid"], events["actors"])) for a in dict.fromkeys(xs or [])]
    ev_actors += [(uid, a, "asserted_by", i) for i, (uid, a) in enumerate(zip(events["uid"], events["asserted_by"])) if a]
    ev_places = [(uid, p, i) for i, (uid, xs) in enumerate(zip(events["uid"], events["places"])) for p in dict.fromkeys(xs or [])]
    art_ord = {a: i for i, a in enumerate(arts["id"])}
    quotes = quotes.assign(article_ord=[art_ord.get(a) for a in quotes["article"]])
    events = events.assign(article_ord=[art_ord.get(a) for a in events["article"]])

    spans_by_article: dict[str, list] = {}
    for art, name, spans in zip(places["article"], places["name"], places["spans"]):
        for s, _e in spans or []:
            spans_by_article.setdefault(art, []).append((s, name))
    q_places = set()
    for i, (uid, art, place, s0, sent) in enumerate(zip(quotes["uid"], quotes["article"], quotes["place"], quotes["sentence_start"], quotes["sentence"])):
        if place:
            q_places.add((uid, place, i))
        s0 = s0 or 0
        s1 = s0 + len(sent or "")
        q_places.update((uid, name, i) for s, name in spans_by_article.get(art, []) if s0 <= s < s1)

    # actor stats: the count and colour order of filters.actor_counts / views.actor_colors
    q_counts = quotes["speaker"].dropna().value_counts()
    e_counts = pd.Series([a for xs in events["actors"] for a in xs], dtype=object).value_counts()
    counts = q_counts.add(e_counts, fill_value=0).astype(int).sort_values(ascending=False, kind="stable")
    names = list(counts.index) + [n for n in dict.fromkeys(tables["actors"]["name"]) if n not in counts.index]
    kinds = (tables["actors"].dropna(subset=["kind"]).groupby("name")["kind"].agg(lambda s: s.value_counts().index[0]).to_dict()
             if len(tables["actors"]) else {})
    stats = pd.DataFrame({"name": names, "ord": range(len(names)), "kind": [kinds.get(n) for n in names],
                          "quotes": [int(q_counts.get(n, 0)) for n in names], "events": [int(e_counts.get(n, 0)) for n in names],
                          "count": [int(counts.get(n, 0)) for n in names],
                          "color": [PALETTE[i % len(PALETTE)] for i in range(len(names))]})

    n_ev = events["article"].value_counts()
    n_q = quotes["article"].value_counts()
    arts = arts.assign(n_events=[int(n_ev.get(a, 0)) for a in arts["id"]], n_quotes=[int(n_q.get(a, 0)) for a in arts["id"]])
    return {
        **tables, "articles": arts, "quotes": quotes, "events": events, "actor_stats": stats,
        "event_actors": pd.DataFrame(ev_actors, columns=["event", "actor", "role", "event_ord"], dtype=object),
        "event_places": pd.DataFrame(ev_places, columns=["event", "place", "event_ord"], dtype=object),
        "quote_places": pd.DataFrame(sorted(q_places), columns=["quote", "place", "quote_ord"], dtype=object),
    }


def _write(con, tables: dict[str, pd.DataFrame], warnings: list[str], fp: str) -> None:
    from .load import COLUMNS

    extra = {"articles": ["n_events", "n_quotes"], "quotes": ["lo", "hi", "search", "article_ord"],
             "events": ["lo", "hi", "search", "first_actor", "article_ord"]}
    for name, df in tables.items():
        if name in COLUMNS:
            cols = COLUMNS[name] + extra.get(name, [])
            df = _column_frame(df.assign(ord=range(len(df))), name, cols + ["ord"])
        else:
            cols = list(df.columns)
            df = _column_frame(df, name, cols)
        schema = ", ".join(f'"{c}" {"BIGINT" if c == "ord" else _sql_type(c)}' for c in df.columns)
        con.execute(f"CREATE TABLE {name} ({schema})")
        if len(df):
            con.register("_src", df)
            con.execute(f"INSERT INTO {name} SELECT * FROM _src")
            con.unregister("_src")
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("fingerprint", fp), ("warnings", json.dumps(warnings, ensure_ascii=False))])


def build(data_dir=None) -> Path:
    """Build the store from the documents and corrections; atomic (temporary file + os.replace).

    Returns the path written (named after the fingerprint, so a process that still has an older
    version open never gets it back for the new one). Raises NewsmapError if the corpus is missing
    or damaged."""
    import duckdb

    from .load import load

    data_dir = Path(data_dir or data_dir_default())
    fp = fingerprint(data_dir)  # read before the corpus: a change during the build makes the next open rebuild
    corpus = load(data_dir)
    tables = _derive({n: corpus.table(n) for n in ("articles", "quotes", "events", "places", "actors", "dates", "actor_aliases")})
    path = store_path(data_dir, fp)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates the file itself
    try:
        con = duckdb.connect(tmp)
        try:
            con.execute("BEGIN")
            _write(con, tables, corpus.warnings, fp)
            con.execute("COMMIT")
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        for p in (tmp, tmp + ".wal"):
            if os.path.exists(p):
                os.unlink(p)
    for old in data_dir.glob(STORE_FILE.format(fp="*")):  # readers of an old version keep their open file
        if old != path:
            old.unlink(missing_ok=True)
    return path


def build_apart(data_dir=None) -> Path:
    """:func:`build` in a child process: the documents and pandas tables a build holds (about
    2 GB at 10,000 articles) never swell a long-running process such as the dashboard."""
    import subprocess
    import sys

    data_dir = Path(data_dir or data_dir_default())
    r = subprocess.run([sys.executable, "-m", "newsmap", "build-store", "--data-dir", str(data_dir)],
                       capture_output=True, text=True)
    if r.returncode:
        raise NewsmapError((r.stderr.strip().splitlines() or ["the query store could not be built"])[-1].removeprefix("newsmap: "))
    return store_path(data_dir)


def ensure(data_dir=None, apart: bool = False) -> Path:
    """The store's path, built first if there is none for the corpus as it is now."""
    path = store_path(data_dir)
    return path if path.exists() else (build_apart if apart else build)(data_dir)


def connect(data_dir=None, apart: bool = False):
    """A read-only connection to an up-to-date store (built first if missing or damaged; in a child
    process if ``apart``)."""
    import duckdb

    config = {"memory_limit": READER_MEMORY}
    try:
        return duckdb.connect(str(ensure(data_dir, apart)), read_only=True, config=config)
    except duckdb.Error:  # a damaged file: build it again
        return duckdb.connect(str((build_apart if apart else build)(data_dir)), read_only=True, config=config)
