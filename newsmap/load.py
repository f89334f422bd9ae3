"""Corpus + corrections → pandas tables. The one loading function the dashboard uses.

``load(data_dir)`` returns a :class:`Corpus` of DataFrames: ``articles, quotes, events, places,
actors, dates``. Each record keeps its ``article`` id and a corpus-wide ``uid``
(``<article>/<id>``).

Corrections (``data/corrections.toml``) are applied here, at load time, so a re-ingest never
overwrites them. Format (see README "Corrections")::

    [[correction]]
    action = "fix"                      # fix | drop | merge | split
    table = "quotes"                    # quotes | events | places | actors | dates
    article = "article-2024-11-20-fr"   # optional
    where = { text = "appropriée" }     # every key must equal (lists: contain) the value
    set = { speaker = "Sergueï Lavrov" }

    [[correction]]
    action = "merge"
    actors = ["Kremlin", "Moscou"]      # the later names are folded into the first

    [[correction]]
    action = "split"
    actors = ["Emmanuel Macron", "Macron"]  # no identity rule may make these names one actor

After the corrections, :mod:`newsmap.identity` merges the names of one actor across articles
(``Corpus.actor_aliases`` says which rule merged each name) and groups the events several articles
report (``group_uid``, ``n_sources``).

A correction that matches nothing is reported in ``Corpus.warnings``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import identity
from .corpus import CORRECTIONS, data_dir_default, read_documents
from .errors import E, NewsmapError
from .identity import ALIAS_COLUMNS

TABLES = ("quotes", "events", "places", "actors", "dates")
PRECISIONS = ("day", "month", "year")
#: the fields a ``fix`` may set, and what each accepts: str (any text), "date" (YYYY-MM-DD, YYYY-MM or
#: YYYY), "names" (a name or a list of names), a tuple of words (one of them), (low, high) (a number)
FIXABLE = {
    "quotes": {"speaker": str, "speaker_mention": str, "date": "date", "date_precision": PRECISIONS,
               "date_relation": ("on", "on_or_before"), "place": str,
               "kind": ("direct", "partial", "indirect")},
    "events": {"kind": str, "summary": str, "date": "date", "date_end": "date", "date_precision": PRECISIONS,
               "date_relation": ("on", "on_or_before"), "places": "names", "actors": "names", "asserted_by": str},
    "places": {"name": str, "lat": (-90, 90), "lon": (-180, 180), "kind": str, "country": str},
    "actors": {"name": str, "kind": str, "role": str, "country": str, "linked_to": str},
    "dates": {"value": "date", "precision": PRECISIONS, "end_value": "date"},
}
KEYS = {"fix": {"action", "table", "article", "where", "set"}, "drop": {"action", "table", "article", "where"},
        "merge": {"action", "actors"}, "split": {"action", "actors"}}
ACTIONS = ("fix", "drop", "merge", "split")
COLUMNS = {
    "articles": ["id", "title", "source", "url", "published", "lang", "path", "words", "text", "sentences"],
    "quotes": ["uid", "article", "id", "text", "kind", "speaker", "speaker_mention", "date", "date_precision", "date_relation",
               "date_source", "place",
               "sentence", "sentence_start", "start", "end"],
    "events": ["uid", "article", "id", "kind", "summary", "sentence", "sentence_start", "start", "end", "date", "date_end",
               "date_precision", "date_relation", "date_source", "statement_date", "published", "places", "actors", "asserted_by", "quote_ids",
               "group_uid", "n_sources"],
    "places": ["uid", "article", "id", "name", "mentions", "spans", "count", "lat", "lon", "kind", "country", "source"],
    "actors": ["uid", "article", "id", "name", "aliases", "kind", "role", "country", "linked_to", "location", "spans", "count"],
    "dates": ["uid", "article", "id", "mention", "value", "precision", "end_value", "start", "end", "sentence", "in_quote"],
}


@dataclass
class Corpus:
    articles: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    actors: pd.DataFrame
    dates: pd.DataFrame
    warnings: list = field(default_factory=list)
    actor_aliases: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ALIAS_COLUMNS))

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def empty(self) -> bool:
        return self.articles.empty


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in COLUMNS[name]:
        if col not in df.columns:
            df[col] = None
    df = df[COLUMNS[name] + [c for c in df.columns if c not in COLUMNS[name]]]
    for col in df.columns:  # missing values are None, never NaN, in text columns
        if df[col].dtype == object or str(df[col].dtype).startswith("str"):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def tables_from_documents(docs: list[dict]) -> dict[str, pd.DataFrame]:
    rows = {name: [] for name in COLUMNS}
    for doc in docs:
        art = doc["article"]
        aid = art["id"]
        rows["articles"].append({k: art.get(k) for k in COLUMNS["articles"]})
        for name in TABLES:
            for i, rec in enumerate(doc.get(name, [])):
                rid = rec.get("id", f"{name[0]}{i + 1}")
                r = dict(rec, article=aid, uid=f"{aid}/{rid}")
                if name == "events":
                    r["places"] = list(r.get("places") or [])
                    r["actors"] = list(r.get("actors") or [])
                rows[name].append(r)
    return {**{name: _frame(rows[name], name) for name in rows}, "actor_aliases": pd.DataFrame(columns=ALIAS_COLUMNS)}


def empty_corpus(warnings=None) -> Corpus:
    return Corpus(**tables_from_documents([]), warnings=list(warnings or []))


# ---------------------------------------------------------------- corrections
def _shown(val) -> str:
    text = json.dumps(val, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _valid_date_value(v: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}", v):
            return 1 <= int(v)
        if re.fullmatch(r"\d{4}-\d{2}", v):
            return bool(dt.date(int(v[:4]), int(v[5:]), 1))
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)) and bool(dt.date.fromisoformat(v))
    except ValueError:
        return False


def _checked_value(spec, key: str, val):
    """``val`` as stored in a table if it fits ``spec`` (see FIXABLE), else ValueError naming the field."""
    if isinstance(val, dt.date) and not isinstance(val, dt.datetime):
        val = val.isoformat()  # a TOML date literal: 2024-11-20
    if spec is str:
        if isinstance(val, str):
            return val
        raise ValueError(f"set.{key} must be a text in quotes, not {_shown(val)}")
    if spec == "date":
        if isinstance(val, str) and _valid_date_value(val):
            return val
        raise ValueError(f"set.{key} must be a date \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\", not {_shown(val)}")
    if spec == "names":
        vals = [val] if isinstance(val, str) else val
        if isinstance(vals, list) and all(isinstance(v, str) for v in vals):
            return vals
        raise ValueError(f"set.{key} must be a name or a list of names, not {_shown(val)}")
    if isinstance(spec[0], str):
        if isinstance(val, str) and val in spec:
            return val
        raise ValueError(f"set.{key} must be one of {', '.join(spec)}, not {_shown(val)}")
    low, high = spec
    if isinstance(val, (int, float)) and not isinstance(val, bool) and low <= val <= high:
        return float(val)
    raise ValueError(f"set.{key} must be a number from {low} to {high}, not {_shown(val)}")


def _checked_where(where: dict) -> dict:
    out = {}
    for key, val in where.items():
        if isinstance(val, dt.date) and not isinstance(val, dt.datetime):
            val = val.isoformat()
        if not isinstance(val, (str, int, float, bool)):
            raise ValueError(f"where.{key} must be a text, number or date, not {_shown(val)}")
        out[key] = val
    return out


def _checked(c) -> dict:
    """One correction (its action known), its values checked and normalised; ValueError says what is wrong."""
    action = c["action"]
    unknown = sorted(set(c) - KEYS[action])
    if unknown:
        raise ValueError(f"unknown key {', '.join(unknown)} for action {action!r} (use {', '.join(sorted(KEYS[action]))})")
    if action in ("merge", "split"):
        names = c.get("actors")
        if not (isinstance(names, list) and len(names) >= 2 and all(isinstance(x, str) and x for x in names)):
            example = "[\"Keep\", \"Fold\", …]" if action == "merge" else "[\"One\", \"Other\", …]"
            raise ValueError(f"{action} needs actors = {example}, not {_shown(names)}")
        return c
    table = c.get("table")
    if not isinstance(table, str) or table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}")
    if not isinstance(c.get("article", ""), str):
        raise ValueError(f"article must be an article id in quotes, not {_shown(c['article'])}")
    if not isinstance(c.get("where"), dict) or not c["where"]:
        raise ValueError("'where' must select records, e.g. where = { id = \"q3\" }")
    c = dict(c, where=_checked_where(c["where"]))
    if action == "fix":
        sets = c.get("set")
        if not isinstance(sets, dict) or not sets:
            raise ValueError("'set' must give new values, e.g. set = { speaker = \"Name\" }")
        allowed = FIXABLE[table]
        bad = set(sets) - set(allowed)
        if bad:
            raise ValueError(f"cannot set {', '.join(sorted(bad))} on {table} (allowed: {', '.join(sorted(allowed))})")
        c["set"] = {key: _checked_value(allowed[key], key, val) for key, val in sets.items()}
    return c


def read_corrections(path: Path) -> list[dict]:
    """The corrections, every value checked: a wrong one is one NewsmapError naming the file,
    the correction's number and the field."""
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NewsmapError(E.CORRECTIONS_BAD.format(path=path, error=exc)) from None
    except OSError as exc:
        raise NewsmapError(E.CORRECTIONS_BAD.format(path=path, error=exc.strerror or exc)) from None
    items = data.get("correction", [])
    if not isinstance(items, list):
        raise NewsmapError(E.CORRECTIONS_BAD.format(path=path, error="use [[correction]] tables"))
    checked = []
    for n, c in enumerate(items, 1):
        if not isinstance(c, dict):
            raise NewsmapError(E.CORRECTIONS_FIELD.format(path=path, index=n, error=f"must be a [[correction]] table, not {_shown(c)}"))
        if not isinstance(c.get("action"), str) or c["action"] not in ACTIONS:
            raise NewsmapError(E.CORRECTIONS_UNKNOWN_OP.format(path=path, index=n, action=c.get("action"), actions=", ".join(ACTIONS)))
        try:
            checked.append(_checked(c))
        except ValueError as exc:
            raise NewsmapError(E.CORRECTIONS_FIELD.format(path=path, index=n, error=exc)) from None
    return checked


def _mask(df: pd.DataFrame, where: dict, article: str | None):
    m = pd.Series(True, index=df.index)
    if article:
        m &= df["article"] == article
    for key, val in where.items():
        if key not in df.columns:
            return pd.Series(False, index=df.index)
        col = df[key]
        m &= col.map(lambda v, val=val: (val in v) if isinstance(v, list) else (str(v) == str(val)))
    return m


def _rename(tables, kind: str, old: str, new: str):
    if kind == "actors":
        tables["quotes"].loc[tables["quotes"]["speaker"] == old, "speaker"] = new
        tables["events"]["actors"] = tables["events"]["actors"].map(lambda xs: list(dict.fromkeys(new if x == old else x for x in xs)))
        tables["events"].loc[tables["events"]["asserted_by"] == old, "asserted_by"] = new
    elif kind == "places":
        tables["quotes"].loc[tables["quotes"]["place"] == old, "place"] = new
        tables["events"]["places"] = tables["events"]["places"].map(lambda xs: list(dict.fromkeys(new if x == old else x for x in xs)))


def apply_corrections(tables: dict[str, pd.DataFrame], corrections: list[dict], merged: list | None = None) -> list[str]:
    """Apply fix, drop and merge corrections (in place); ``merged`` receives the ``(name, kept)`` pairs
    a merge folded. Split corrections are read by the identity pass (:func:`load`)."""
    warnings = []
    for n, c in enumerate(corrections, 1):
        if c["action"] == "split":
            known = set(tables["actors"]["name"])
            warnings += [f"correction #{n}: no actor named {name!r} to split" for name in c["actors"] if name not in known]
            continue
        if c["action"] == "merge":
            keep, *fold = c["actors"]
            actors = tables["actors"]
            for name in fold:
                if not (actors["name"] == name).any():
                    warnings.append(f"correction #{n}: no actor named {name!r} to merge")
                    continue
                rows = actors["name"] == name
                actors.loc[rows, "aliases"] = actors.loc[rows, "aliases"].map(lambda a, name=name: list(dict.fromkeys([*(a or []), name])))
                actors.loc[rows, "name"] = keep
                _rename(tables, "actors", name, keep)
                if merged is not None:
                    merged.append((name, keep))
            continue
        df = tables[c["table"]]
        m = _mask(df, c["where"], c.get("article"))
        if not m.any():
            warnings.append(f"correction #{n}: nothing in {c['table']} matches {c['where']}")
            continue
        if c["action"] == "drop":
            tables[c["table"]] = df[~m].reset_index(drop=True)
            continue
        for key, val in c["set"].items():
            if key == "name" and c["table"] in ("actors", "places"):
                for old in df.loc[m, "name"].unique():
                    _rename(tables, c["table"], old, val)
            if key in ("places", "actors") and not isinstance(val, list):
                val = [val]
            df.loc[m, key] = pd.Series([val] * int(m.sum()), index=df.index[m], dtype=object) if isinstance(val, list) else val
    return warnings


def load(data_dir=None) -> Corpus:
    """Read the corpus in ``data_dir`` and apply its corrections. Raises NewsmapError if the corpus is
    missing, its manifest damaged or its corrections wrong; a damaged document or manifest entry is
    skipped and named in ``Corpus.warnings``."""
    data_dir = Path(data_dir or data_dir_default())
    warnings: list[str] = []
    docs = read_documents(data_dir, warnings)
    tables = tables_from_documents(docs)
    corrections = read_corrections(data_dir / CORRECTIONS)
    identity.drop_junk(tables)
    merged: list = []
    warnings += apply_corrections(tables, corrections, merged)
    tables["actor_aliases"] = identity.resolve(tables, [c["actors"] for c in corrections if c["action"] == "split"], merged)
    tables["events"] = identity.group_events(tables["events"])
    return Corpus(**tables, warnings=warnings)
