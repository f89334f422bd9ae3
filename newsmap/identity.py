"""Corpus-level identity: one actor across articles, junk names out, one event from several articles.

Runs at load time (:func:`newsmap.load.load`, hence also when the query store is built), after the
corrections' ``fix``/``drop``/``merge``. Per-article extraction (``newsmap/actors.py``) already merges
the names of one actor inside an article; this pass merges the names that several articles (or one
article, unlinked) give the same actor. Each rule is a small named function with a confidence; it
proposes ``alias → canonical`` merges and the pass applies them in order, each rule on the names the
previous ones left:

=================  ==========  ===================================================================
rule               confidence  merges
=================  ==========  ===================================================================
variant            0.95        hyphen / case / accent / honorific variants (``Maison Blanche`` /
                               ``Maison-Blanche``, ``Me Béatrice Zavarro`` / ``Béatrice Zavarro``);
                               the form most articles use is kept
acronym-defined    0.95        an acronym an article defines (``… (BCE)``, ``l'agence …, l'UNRWA``)
                               → the organisation it was defined for
acronym-initials   0.8         an acronym → the one organisation whose initials it is
                               (``BCE`` → ``Banque centrale européenne``; ``de``, ``la`` … skipped)
surname            0.8         a surname alone (``Macron``, ``Le Pen``) → the one full name of the
                               corpus that ends with it; never when two full names do
title              0.6         a title standing for a person (``Chef de l'État ukrainien``) → the
                               one person an article gave that title (``président ukrainien``);
                               the title must name a country
=================  ==========  ===================================================================

A merge never joins two names a ``split`` correction keeps apart. ``actor_aliases`` records every
merged name: ``alias, actor, rule, confidence`` (``correction`` for a ``merge`` correction).

Junk names (:func:`junk_rule`): a weekday, a month, a possessive + noun, a dangling apostrophe and
(at extraction, from the parse) a capitalised common noun are no actors.

Events (:func:`group_events`): events of the same kind that share an actor and a place, dated
within 2 days (or with the same month or year), from different articles, are one corpus event:
``group_uid`` is its representative (the earliest event), ``n_sources`` its number of articles.
"""
from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd

from .gazetteer import ASSETS, adjective_forms, norm
from . import lang

ID = lang.Part("identity")  # newsmap/lang/<lang>/identity.py
LEX = lang.Part("lexicon")

PERSON = "person"
ORGS = ("organisation", "government")
DAY_WINDOW = 2
ALIAS_COLUMNS = ["alias", "actor", "rule", "confidence"]

_calendar_words = lang.per_language(lambda: ({norm(w) for w in ID.WEEKDAYS}, {norm(m) for m in ID.MONTHS}))


# ---------------------------------------------------------------- junk names
def junk_rule(name: str, noun: bool = False) -> str | None:
    """The rule that rejects ``name`` as an actor, or None. ``noun``: the parse tagged this one-word
    name a common noun (``Budget``, ``Climat`` in « commissaire au Climat »)."""
    words = norm(name).split()
    if not words:
        return "empty"
    parts = name.split()
    bare = all(not p[:1].isupper() for p in parts[1:])  # "Mardi", "Mardi soir", "Mai 2024"; not "Avril Haines"
    weekdays, months = _calendar_words()
    if words[0] in weekdays and bare:
        return "weekday"
    if words[0] in months and bare:
        return "month"
    if len(parts) >= 2 and parts[0].lower() in ID.POSSESSIVES and parts[1][:1].islower():  # not "Ma Chun-wei"
        return "possessive"
    if name.rstrip().endswith(("'", "’")):
        return "dangling-apostrophe"
    if noun and len(words) == 1 and not name.isupper():
        return "common-noun"
    return None


# ---------------------------------------------------------------- merging rules
def _words(name: str) -> list[str]:
    """The words of a name, each hyphen, case and accent blind, without an honorific (``M.``, ``Me``)."""
    words = [w for w in (norm(x) for x in name.split()) if w]
    return words[1:] if len(words) > 1 and words[0] in LEX.HONORIFICS else words


def _key(name: str) -> str:
    """``Maison-Blanche`` and ``Maison Blanche``, ``M. Legault`` and ``Legault`` have one key."""
    return " ".join(" ".join(_words(name)).split())


def _family(kind) -> str:
    return "person" if kind == PERSON else "other"


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 10 and name.isupper() and name.replace("-", "").isalnum() and " " not in name


def _initials(name: str) -> str:
    words = [w for w in norm(name).split() if w not in ID.ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def rule_variant(names: pd.DataFrame, _ctx) -> list[tuple[str, str]]:
    groups: dict[tuple, list] = {}
    for n, kind, arts, o in zip(names["name"], names["kind"], names["articles"], names["ord"]):
        groups.setdefault((_key(n), _family(kind)), []).append((-arts, o, n))
    out = []
    for g in groups.values():
        if len(g) > 1:
            keep = min(g)[2]  # the form most articles use, else the first met
            out += [(n, keep) for _a, _o, n in g if n != keep]
    return out


def rule_acronym_defined(names: pd.DataFrame, _ctx) -> list[tuple[str, str]]:
    defined: dict[str, set] = {}
    for name, kind, aliases in zip(names["name"], names["kind"], names["aliases"]):
        if kind in ORGS and not _is_acronym(name):
            for a in aliases:
                if _is_acronym(a):
                    defined.setdefault(norm(a), set()).add(name)
    return [(n, next(iter(defined[norm(n)]))) for n, kind in zip(names["name"], names["kind"])
            if kind != PERSON and len(defined.get(norm(n), ())) == 1 and n not in defined[norm(n)]]


def rule_acronym_initials(names: pd.DataFrame, _ctx) -> list[tuple[str, str]]:
    by_initials: dict[str, list] = {}
    for name, kind in zip(names["name"], names["kind"]):
        if kind in ORGS and not _is_acronym(name):
            ini = _initials(name)
            if ini:
                by_initials.setdefault(ini, []).append(name)
    return [(n, by_initials[n.replace("-", "")][0]) for n, kind in zip(names["name"], names["kind"])
            if kind != PERSON and _is_acronym(n) and len(by_initials.get(n.replace("-", ""), ())) == 1]


def rule_surname(names: pd.DataFrame, _ctx) -> list[tuple[str, str]]:
    persons = names[names["kind"] == PERSON]
    keys = {n: _words(n) for n in persons["name"]}
    by_last: dict[str, list] = {}
    for n, ws in keys.items():
        if len(ws) >= 2:
            by_last.setdefault(ws[-1], []).append(n)
    out = []
    for n, ws in keys.items():
        if not ws or n in _ctx["titles"]:
            continue
        full = [f for f in by_last.get(ws[-1], ()) if len(keys[f]) > len(ws) and keys[f][-len(ws):] == ws]
        if len(full) == 1:
            out.append((n, full[0]))
    return out


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Nationality adjective → ISO code, without loading the gazetteer's index."""
    data = json.loads((ASSETS / "fr_demonyms.json").read_text(encoding="utf-8"))
    return {form: iso for adj, iso in data.items() if not adj.startswith("_") for form in adjective_forms(adj)}


def _title_key(text: str):
    from .actors import title_key

    key = title_key(text, adjective=lambda w: _demonyms().get(w.lower()))
    return tuple(key) if key and key[1] else None  # a title with no country names too many people


def rule_title(names: pd.DataFrame, ctx) -> list[tuple[str, str]]:
    holders: dict[tuple, set] = {}
    for name, roles in zip(names["name"], names["roles"]):
        if name in ctx["titles"]:
            continue
        for r in roles:
            k = _title_key(r)
            if k:
                holders.setdefault(k, set()).add(name)
    out = []
    for t in ctx["titles"]:
        k = _title_key(t)
        if k and len(holders.get(k, ())) == 1:
            out.append((t, next(iter(holders[k]))))
    return out


RULES = [("variant", 0.95, rule_variant), ("acronym-defined", 0.95, rule_acronym_defined),
         ("acronym-initials", 0.8, rule_acronym_initials), ("surname", 0.8, rule_surname), ("title", 0.6, rule_title)]


def _names(actors: pd.DataFrame) -> pd.DataFrame:
    """One row per actor name: its most frequent kind, every alias and role, articles, first position."""
    df = pd.DataFrame({"name": actors["name"], "kind": actors["kind"], "article": actors["article"],
                       "ord": range(len(actors))}).dropna(subset=["name"])
    size = df.groupby(["name", "kind"], sort=False).size().reset_index(name="n").sort_values("n", ascending=False, kind="stable")
    kinds = dict(zip(size["name"][::-1], size["kind"][::-1]))  # the most frequent last wins
    first = df.groupby("name", sort=False).agg(articles=("article", "nunique"), ord=("ord", "min"))
    aliases, roles = {}, {}
    for n, al, r in zip(actors["name"], actors["aliases"], actors["role"]):
        if isinstance(al, (list, tuple)):
            aliases.setdefault(n, []).extend(al)
        if isinstance(r, str) and r:
            roles.setdefault(n, set()).add(r)
    return pd.DataFrame({"name": first.index, "kind": [kinds.get(n) for n in first.index],
                         "aliases": [aliases.get(n, []) for n in first.index],
                         "roles": [sorted(roles.get(n, ())) for n in first.index],
                         "articles": first["articles"].to_numpy(), "ord": first["ord"].to_numpy()})


def actor_identity(actors: pd.DataFrame, splits=()) -> pd.DataFrame:
    """``alias, actor, rule, confidence`` for every actor name the rules fold into another one; no
    merge joins two names of one ``splits`` list."""
    if actors.empty:
        return pd.DataFrame(columns=ALIAS_COLUMNS)
    names = _names(actors)
    titles = {n for n, k, rs in zip(names["name"], names["kind"], names["roles"]) if k == PERSON and any(_key(n) == _key(r) for r in rs)}
    members = {n: {n} for n in names["name"]}  # canonical → the original names it stands for
    canon = {n: n for n in names["name"]}
    how: dict[str, tuple] = {}
    apart = [set(s) for s in splits]
    rows = dict(zip(names["name"], names.to_dict("records")))
    for rule, conf, fn in RULES:
        current = pd.DataFrame([dict(rows[c], aliases=[a for m in ms for a in rows[m]["aliases"]],
                                     roles=sorted({r for m in ms for r in rows[m]["roles"]}),
                                     articles=sum(rows[m]["articles"] for m in ms))
                                for c, ms in members.items()])
        for alias, target in fn(current, {"titles": titles & set(members)}):
            if alias not in members or target not in members or alias == target:
                continue
            joined = members[alias] | members[target]
            if any(len(s & joined) >= 2 for s in apart):
                continue
            for n in members[alias]:
                canon[n] = target
                r0, c0 = how.get(n, (None, 1.0))
                how[n] = (f"{r0}>{rule}" if r0 else rule, min(c0, conf))
            members[target] = joined
            del members[alias]
    out = [(n, canon[n], *how[n]) for n in names["name"] if canon[n] != n]
    return pd.DataFrame(out, columns=ALIAS_COLUMNS)


# ---------------------------------------------------------------- applying names to the tables
def drop_junk(tables: dict[str, pd.DataFrame]) -> None:
    """Actors a junk rule rejects (documents extracted before the rule) leave every table."""
    actors = tables["actors"]
    junk = {n for n in actors["name"].dropna().unique() if junk_rule(n)}
    if not junk:
        return
    tables["actors"] = actors[~actors["name"].isin(junk)].reset_index(drop=True)
    q = tables["quotes"]
    q.loc[q["speaker"].isin(junk), "speaker"] = None
    ev = tables["events"]
    ev["actors"] = ev["actors"].map(lambda xs: [x for x in xs if x not in junk])
    ev.loc[ev["asserted_by"].isin(junk), "asserted_by"] = None


def rename_actors(tables: dict[str, pd.DataFrame], mapping: dict[str, str]) -> None:
    """Every use of an actor name in ``mapping`` becomes the canonical name; an article's rows of one
    actor become one row (aliases, spans and counts joined)."""
    if not mapping:
        return
    q, ev, actors = tables["quotes"], tables["events"], tables["actors"]
    q["speaker"] = q["speaker"].map(lambda s: mapping.get(s, s))
    ev["actors"] = ev["actors"].map(lambda xs: list(dict.fromkeys(mapping.get(x, x) for x in xs)) if any(x in mapping for x in xs) else xs)
    ev["asserted_by"] = ev["asserted_by"].map(lambda s: mapping.get(s, s))
    moved = actors["name"].isin(mapping)
    actors.loc[moved, "aliases"] = pd.Series([list(dict.fromkeys([*(a or []), n])) for a, n in zip(actors.loc[moved, "aliases"],
                                                                                                   actors.loc[moved, "name"])],
                                             index=actors.index[moved], dtype=object)
    actors.loc[moved, "name"] = actors.loc[moved, "name"].map(mapping)
    dup = actors.duplicated(["article", "name"], keep=False)
    if dup.any():  # one row per actor and article: the first, with every alias and span of the others
        gone = []
        for (_art, name), g in actors[dup].groupby(["article", "name"], sort=False):
            spans = sorted({tuple(x) for xs in g["spans"] for x in (xs or [])})
            first = g.index[0]
            actors.at[first, "aliases"] = [a for a in dict.fromkeys(x for xs in g["aliases"] for x in (xs or [])) if a != name]
            actors.at[first, "spans"] = [list(x) for x in spans]
            actors.at[first, "count"] = len(spans)
            gone += list(g.index[1:])
        actors = actors.drop(index=gone).reset_index(drop=True)
    tables["actors"] = actors


def resolve(tables: dict[str, pd.DataFrame], splits: list[list[str]] = (), merged: list[tuple] = ()) -> pd.DataFrame:
    """Run the identity rules on ``tables`` (in place) and return the ``actor_aliases`` table;
    ``merged``: the ``(alias, actor)`` pairs the corrections already folded."""
    aliases = actor_identity(tables["actors"], splits)
    rename_actors(tables, dict(zip(aliases["alias"], aliases["actor"])))
    done = pd.DataFrame([(a, b, "correction", 1.0) for a, b in merged], columns=ALIAS_COLUMNS)
    return pd.concat([done, aliases], ignore_index=True) if len(done) else aliases


# ---------------------------------------------------------------- one event from several articles
def group_events(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``group_uid`` (the representative event's uid) and ``n_sources`` (articles of the group).

    Two events are *partners* when they come from different articles, have the same kind, share an
    actor and a place, and are dated within ``DAY_WINDOW`` days (month or year precision: the same
    value). An event with no earlier partner leads a group; every other event joins its earliest
    partner that leads one (so every member is a partner of the representative: a group never
    drifts along a chain of days), else it leads its own."""
    import duckdb

    if events.empty:
        return events.assign(group_uid=pd.Series(dtype=object), n_sources=pd.Series(dtype="int64"))
    value = events["date"].where(events["date"].notna(), events["statement_date"]).where(lambda s: s.notna(), events["published"])
    prec = events["date_precision"].fillna("day")
    day = pd.to_datetime(value.where(prec == "day"), errors="coerce", format="%Y-%m-%d")
    base = pd.DataFrame({"uid": events["uid"], "article": events["article"], "kind": events["kind"].fillna(""),
                         "pkey": [v if p != "day" else "day" for v, p in zip(value.fillna(""), prec)],
                         "day": (day - pd.Timestamp("1970-01-01")).dt.days.astype("Int64"), "ord": range(len(events))})
    base.loc[base["pkey"] == "day", "pkey"] = base.loc[base["pkey"] == "day", "day"].isna().map({True: "", False: "day"})
    base.loc[base["pkey"] != "day", "day"] = 0
    combos = pd.DataFrame([(u, a, p) for u, xs, ps in zip(events["uid"], events["actors"], events["places"])
                           for a in dict.fromkeys(xs or []) for p in dict.fromkeys(ps or [])],
                          columns=["uid", "actor", "place"], dtype=object)
    con = duckdb.connect()
    try:
        con.register("base", base)
        con.register("combos", combos)
        lead = con.execute(f"""
        WITH e AS (SELECT c.actor, c.place, b.uid, b.article, b.kind, b.pkey, b.day, b.day * 100000000 + b.ord AS r
                   FROM combos c JOIN base b USING (uid) WHERE b.pkey <> ''),
             pairs AS (SELECT DISTINCT x.uid AS x, x.r AS xr, y.uid AS y, y.r AS yr
                       FROM e x JOIN e y ON x.actor = y.actor AND x.place = y.place AND x.kind = y.kind AND x.pkey = y.pkey
                                         AND x.article <> y.article AND y.day BETWEEN x.day - {DAY_WINDOW} AND x.day + {DAY_WINDOW}),
             led AS (SELECT x FROM pairs GROUP BY x HAVING min(yr) < min(xr))  -- has an earlier partner: not a leader
        SELECT p.x, arg_min(p.y, p.yr) FROM pairs p
        WHERE p.x IN (SELECT x FROM led) AND p.y NOT IN (SELECT x FROM led) GROUP BY p.x""").fetchall()
    finally:
        con.close()
    grp = dict(lead)
    out = events.assign(group_uid=[grp.get(u, u) for u in events["uid"]])
    n = out.groupby("group_uid")["article"].nunique()
    return out.assign(n_sources=out["group_uid"].map(n).astype("int64"))
