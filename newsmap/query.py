"""Queries on the store (:mod:`newsmap.store`): a filtered view computed in DuckDB.

``Store.open(data_dir)`` opens the corpus' store read-only (built first if missing or stale) and holds
what every rerun needs and never changes for a corpus version: totals, sidebar options, actor
colours. ``store.view(filters)`` returns a :class:`StoreView`: counts, summary and source lines
come from SQL; tables come into Python only when a page asks, either page-sized
(``page("quotes", limit, offset)``) or whole (``view.quotes`` … : the same columns as
:func:`newsmap.filters.apply`, for the pages and the exports that draw everything).

Filter semantics are those of :func:`newsmap.filters.apply` (tests compare them), except
``view.articles`` (without the article text): with a narrowing filter (actor, dates, place, kind,
search) it holds only the articles that have an event or a quote in the view, so the source line
cites what is shown.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from functools import cached_property

import pandas as pd

from . import filters as F
from . import store as S
from .load import COLUMNS, Corpus


def _frame(cur, sql: str, params: list, name: str | None) -> pd.DataFrame:
    """Rows of a query as a DataFrame like load()'s: None for missing text, lists decoded."""
    res = cur.execute(sql, params)
    cols = [d[0] for d in res.description]
    rows = res.fetchall()
    data = dict(zip(cols, map(list, zip(*rows)))) if rows else {c: [] for c in cols}
    for c in S.JSON_COLUMNS.get(name or "", []):
        if c in data:
            data[c] = [json.loads(v) if v is not None else ([] if c in ("places", "actors") else None) for v in data[c]]
    return pd.DataFrame({c: pd.Series(v, dtype=object) if c not in S.INT_COLUMNS | S.FLOAT_COLUMNS else v
                         for c, v in data.items()}, columns=cols)


class Store:
    """A read-only connection to one corpus version, shared by every session (thread-safe cursors)."""

    def __init__(self, con):
        self.con = con
        self._memo: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        cur = self.cursor()
        self.warnings = json.loads(cur.execute("SELECT value FROM meta WHERE key = 'warnings'").fetchone()[0])
        self.totals = dict(zip(("events", "quotes", "places", "actors", "articles"), cur.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
            "(SELECT count(*) FROM (SELECT DISTINCT name, kind, country FROM places)), "
            "(SELECT count(DISTINCT name) FROM actors), (SELECT count(*) FROM articles)").fetchone()))
        stats = cur.execute("SELECT name, count, color, kind FROM actor_stats ORDER BY ord").fetchall()
        self.colors = {n: c for n, _k, c, _t in stats}
        self.actor_counts = {n: k for n, k, _c, _t in stats}
        self.actor_kinds = {n: t for n, _k, _c, t in stats}
        self.place_names = [r[0] for r in cur.execute(
            "SELECT DISTINCT name FROM places WHERE lat IS NOT NULL ORDER BY name").fetchall()]
        rows = cur.execute("SELECT id, title, source, published FROM articles ORDER BY ord").fetchall()
        self.titles = {i: title for i, title, _s, _p in rows}
        self.article_meta = {i: (source, title, published) for i, title, source, published in rows}  # outlet, title, date
        self.day_range = cur.execute(
            "SELECT min(d), max(d) FROM (SELECT TRY_CAST(date AS DATE) AS d FROM events WHERE length(date) = 10 "
            "UNION ALL SELECT TRY_CAST(published AS DATE) FROM articles)").fetchone()

    MEMO = 64  # views' map and timeline data kept per store (the same filters come back: page switches, clicks)

    def memo(self, key: tuple, make):
        """``make()`` kept under ``key`` for this corpus version (read-only, so never stale), the
        ``MEMO`` most recent; shared by every session. Callers must not modify what they get."""
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = make()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > self.MEMO:
                self._memo.popitem(last=False)
        return value

    @classmethod
    def open(cls, data_dir=None, apart: bool = False) -> "Store":
        """The store of a corpus folder, read-only, rebuilt first if missing or stale (in a child
        process if ``apart``: what the dashboard does)."""
        return cls(S.connect(data_dir, apart))

    @classmethod
    def empty_store(cls) -> "Store":
        """A store with no article (in memory): what the dashboard shows when the corpus is missing."""
        import duckdb

        from .load import tables_from_documents

        con = duckdb.connect()
        S._write(con, S._derive(tables_from_documents([])), [], "empty")
        return cls(con)

    def cursor(self):
        return self.con.cursor()

    @property
    def empty(self) -> bool:
        return not self.totals["articles"]

    def actor_options(self, with_zero: bool = False) -> list[str]:
        """Actor names, most active first; actors never quoted nor in an event only on demand."""
        return [n for n, k in self.actor_counts.items() if k or with_zero]

    # How many entries each sidebar picker lists. Every option travels to the browser on each run and the
    # browser builds all of them (3,300 options at 10,000 articles: about a second of every first page);
    # past these, the picker lists the most active and takes any other name typed in (:meth:`find`).
    PICKER_ACTORS = 150
    PICKER_PLACES = 150
    PICKER_ARTICLES = 150

    @cached_property
    def actor_picker(self) -> list[str]:
        """The actors the sidebar lists: the :attr:`PICKER_ACTORS` most active (quoted or in an event)."""
        return self.actor_options()[:self.PICKER_ACTORS]

    @cached_property
    def place_picker(self) -> list[str]:
        """The places the sidebar lists, by name: all mapped places, or past :attr:`PICKER_PLACES` the
        most mentioned."""
        if len(self.place_names) <= self.PICKER_PLACES:
            return list(self.place_names)
        top = {r[0] for r in self.cursor().execute(
            "SELECT name FROM places WHERE lat IS NOT NULL GROUP BY name ORDER BY sum(coalesce(count, 1)) DESC, name LIMIT ?",
            [self.PICKER_PLACES]).fetchall()}
        return [n for n in self.place_names if n in top]

    @cached_property
    def _typed_names(self) -> dict[str, list[tuple[str, str]]]:
        """Per picker, (folded name, value) of everything it can take: actors and places by name, an
        article by its title or its id (its value: the id). Built once per store."""
        names = {"actor": {n: n for n in self.actor_counts}, "place": {n: n for n in self.place_names},
                 "article": {**{t: i for i, t in self.titles.items()}, **{i: i for i in self.titles}}}
        return {key: [(F.fold(n), v) for n, v in pairs.items()] for key, pairs in names.items()}

    def find(self, key: str, text: str) -> str | None:
        """What a text typed in a picker names: the actor, place or article (its id) whose name (an
        article's title, or its id) equals it ignoring case and accents, else the only one whose name
        contains it; ``None`` when none or several do (the user types more)."""
        want = F.fold(text).strip()
        if not want:
            return None
        folded = self._typed_names[key]
        exact = {v for n, v in folded if n == want}
        if len(exact) == 1:
            return exact.pop()
        inside = {v for n, v in folded if want in n}
        return inside.pop() if len(inside) == 1 and not exact else None

    def resolve(self, key: str, values: list[str]) -> tuple[list[str], list[str]]:
        """A picker's values with each one the corpus does not hold by that name replaced by what
        :meth:`find` says it names: (the values, deduplicated; the texts that name nothing or several)."""
        known = {v for _n, v in self._typed_names[key]}
        picked, unmatched = [], []
        for value in values:
            found = value if value in known else self.find(key, value)
            if found is None:
                unmatched.append(value)
            elif found not in picked:
                picked.append(found)
        return picked, unmatched

    @cached_property
    def article_picker(self) -> list[str]:
        """The articles the sidebar lists (every option travels to the browser on each run): all of
        them, or past :attr:`PICKER_ARTICLES` the most recently published, in corpus order."""
        if len(self.titles) <= self.PICKER_ARTICLES:
            return list(self.titles)
        latest = {r[0] for r in self.cursor().execute("SELECT id FROM articles ORDER BY published DESC, ord DESC LIMIT ?",
                                                      [self.PICKER_ARTICLES]).fetchall()}
        return [i for i in self.titles if i in latest]

    @cached_property
    def actor_names(self) -> frozenset[str]:
        """Every actor of the corpus (what a link may name), built once per store."""
        return frozenset(self.actor_counts)

    @cached_property
    def actor_labels(self) -> dict[str, str]:
        """Picker entry of each actor quoted or in an event: "Name — kind · 3 quotes · 1 event"."""
        from .views import actor_counts_label, actor_option

        t = self.view(F.Filters()).actor_table()
        return {n: actor_option(n, k or "", actor_counts_label(int(q), int(e)))
                for n, k, q, e in zip(t["name"], t["kind"], t["quotes"], t["events"])}

    def view(self, f: F.Filters) -> "StoreView":
        return StoreView(self, f)

    def table(self, name: str, where: str = "", params=()) -> pd.DataFrame:
        """A whole stored table (or the rows matching ``where``), in corpus order."""
        cols = ", ".join(f'"{c}"' for c in COLUMNS[name])
        return _frame(self.cursor(), f"SELECT {cols} FROM {name} {('WHERE ' + where) if where else ''} ORDER BY ord",
                      list(params), name)

    def event_group(self, group_uid: str) -> pd.DataFrame:
        """Each article's event of one corpus event (``events.group_uid``: the same event several articles
        report), whatever the filters: uid, article, sentence and its start, and the article's title,
        outlet and date, the earliest article first."""
        return _frame(self.cursor(), """
        SELECT e.uid, e.article, e.sentence, e.sentence_start, a.title, a.source, a.published
        FROM events e JOIN articles a ON a.id = e.article WHERE e.group_uid = ? ORDER BY a.published, e.ord""", [group_uid], None)

    def corpus(self) -> Corpus:
        """The whole corpus as load() returns it (for tests and exports; the dashboard never needs it)."""
        return Corpus(**{n: self.table(n) for n in ("articles", "quotes", "events", "places", "actors", "dates")},
                      warnings=list(self.warnings), actor_aliases=self.actor_aliases())

    def actor_aliases(self) -> pd.DataFrame:
        """The names the identity rules merged: alias, actor, rule, confidence (:mod:`newsmap.identity`)."""
        return _frame(self.cursor(), "SELECT alias, actor, rule, confidence FROM actor_aliases ORDER BY actor, alias", [], None)


class StoreView:
    """The filtered view. Same attributes as :class:`newsmap.filters.View`, fetched on first use."""

    place_counts = None  # its tables hold every event and quote of the view (see map_view)

    def __init__(self, store: Store, f: F.Filters):
        self.store, self.f = store, f
        self.totals = store.totals
        self.cur = store.cursor()  # this view's own cursor (DuckDB connections are not shared across threads)
        self._sql()

    # ------------------------------------------------------------ SQL
    def _sql(self):
        f = self.f
        art_w, art_p = ("article IN (SELECT unnest(?))", [f.articles]) if f.articles else ("TRUE", [])
        qw, qp, ew, ep = [art_w], list(art_p), [art_w], list(art_p)
        if f.actors:
            qw.append("speaker IN (SELECT unnest(?))")
            qp.append(f.actors)
            ew.append("ord IN (SELECT event_ord FROM event_actors WHERE actor IN (SELECT unnest(?)))")
            ep.append(f.actors)
        if f.start or f.end:
            for w, p in ((qw, qp), (ew, ep)):
                w.append("lo IS NOT NULL")
                if f.start:
                    w.append("hi >= ?")
                    p.append(f.start)
                if f.end:
                    w.append("lo <= ?")
                    p.append(f.end)
        if f.places:
            qw.append("ord IN (SELECT quote_ord FROM quote_places WHERE place IN (SELECT unnest(?)))")
            qp.append(f.places)
            ew.append("ord IN (SELECT event_ord FROM event_places WHERE place IN (SELECT unnest(?)))")
            ep.append(f.places)
        if f.kinds:
            qw.append("kind IN (SELECT unnest(?))")
            qp.append(f.kinds)
        if f.q:
            needle = F.fold(f.q)
            qw.append("contains(search, ?)")
            qp.append(needle)
            ew.append("contains(search, ?)")
            ep.append(needle)
        self.quote_where, self.quote_params = " AND ".join(qw), qp
        self.event_where, self.event_params = " AND ".join(ew), ep

        narrowed = bool(f.actors or f.start or f.end or f.kinds or f.q)
        self.narrowed = narrowed or bool(f.places)  # the view's events and quotes are a subset picked by a join or a search
        pw, pp = [art_w], list(art_p)
        if f.places:  # the chosen places (filters.apply), whatever else narrows the view
            pw.append("name IN (SELECT unnest(?))")
            pp.append(f.places)
        elif narrowed:  # the places of the view's events and quotes
            pw.append(f"name IN (SELECT place FROM event_places WHERE event_ord IN (SELECT ord FROM events WHERE {self.event_where}) "
                      f"UNION ALL SELECT place FROM quotes WHERE place IS NOT NULL AND {self.quote_where})")
            pp += self.event_params + self.quote_params
        self.place_where, self.place_params = " AND ".join(pw), pp
        aw, ap = [art_w], list(art_p)
        if f.actors:
            aw.append("name IN (SELECT unnest(?))")
            ap.append(f.actors)
        self.actor_where, self.actor_params = " AND ".join(aw), ap
        if self.narrowed:
            self.article_where = (f"ord IN (SELECT article_ord FROM events WHERE {self.event_where} "
                                  f"UNION SELECT article_ord FROM quotes WHERE {self.quote_where})")
            self.article_params = self.event_params + self.quote_params
        else:
            self.article_where, self.article_params = art_w.replace("article", "id"), list(art_p)

    def _fetch(self, sql: str, params: list, name: str | None = None) -> pd.DataFrame:
        return _frame(self.cur, sql, params, name)

    def _where(self, name: str) -> tuple[str, list]:
        return getattr(self, f"{name[:-1]}_where"), getattr(self, f"{name[:-1]}_params")

    # ------------------------------------------------------------ counts and lines
    @cached_property
    def counts(self) -> dict:
        """Rows in the view: events, quotes, places (aggregated), actors (names), articles,
        mapped_places (places with coordinates), speakers (quoted actors)."""
        sql = ", ".join(f"({q})" for q in (  # one scan of each table
            f"SELECT count(*) FROM events WHERE {self.event_where}",
            f"SELECT {{'n': count(*), 'speakers': count(DISTINCT speaker)}} FROM quotes WHERE {self.quote_where}",
            f"SELECT {{'n': count(*), 'mapped': count(*) FILTER (WHERE mapped)}} FROM (SELECT bool_or(lat IS NOT NULL) AS mapped "
            f"FROM places WHERE {self.place_where} GROUP BY name, kind, country)",
            f"SELECT count(DISTINCT name) FROM actors WHERE {self.actor_where}"))
        params = self.event_params + self.quote_params + self.place_params + self.actor_params
        events, quotes, places, actors = self.cur.execute(f"SELECT {sql}", params).fetchone()
        return {"events": events, "quotes": quotes["n"], "places": places["n"], "actors": actors,
                "articles": self._articles_head[1], "mapped_places": places["mapped"], "speakers": quotes["speakers"]}

    @cached_property
    def _articles_head(self) -> tuple[pd.DataFrame, int, str | None, str | None]:
        """(the view's first 3 articles by date, how many it has, its first and last publication), in one
        pass over its articles: the counts, the source line and the main window all read them."""
        rows = self._fetch(f"SELECT title, source, published, count(*) OVER () AS n, max(published) OVER () AS last "
                           f"FROM articles WHERE {self.article_where} ORDER BY published, ord LIMIT 3", self.article_params)
        if rows.empty:
            return rows[["title", "source", "published"]], 0, None, None
        return rows[["title", "source", "published"]], int(rows["n"].iloc[0]), rows["published"].iloc[0], rows["last"].iloc[0]

    def summary(self) -> str:
        return F.summary_text(self.f, self.counts["events"], self.counts["quotes"], self.totals)

    def source_line(self) -> str:
        first, n, _first, _last = self._articles_head
        return F.source_text(first, n)

    # ------------------------------------------------------------ whole tables (as filters.apply)
    def _table(self, name: str) -> pd.DataFrame:
        where, params = self._where(name)
        cols = ", ".join(f'"{c}"' for c in COLUMNS[name])
        return self._fetch(f"SELECT {cols} FROM {name} WHERE {where} ORDER BY ord", params, name)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        return self._table("quotes")

    @cached_property
    def events(self) -> pd.DataFrame:
        return self._table("events")

    @cached_property
    def places(self) -> pd.DataFrame:
        return self._table("places")

    @cached_property
    def actors(self) -> pd.DataFrame:
        return self._table("actors")

    @cached_property
    def articles(self) -> pd.DataFrame:
        """The articles in the view, without their text (``store.table("articles", "id = ?", [id])`` has it)."""
        cols = ", ".join(f'"{c}"' for c in COLUMNS["articles"] if c not in ("text", "sentences"))
        return self._fetch(f"SELECT {cols} FROM articles WHERE {self.article_where} ORDER BY ord", self.article_params, "articles")

    # ------------------------------------------------------------ page-sized tables
    ORDER = {"quotes": "ord", "events": "lo NULLS LAST, uid", "articles": "published, ord"}  # events: views.story's order

    def page(self, name: str, limit: int = 50, offset: int = 0, order: str | None = None) -> pd.DataFrame:
        """``limit`` rows of quotes, events or articles in the view (events by date, undated last)."""
        where, params = self._where(name)
        cols = ", ".join(f'"{c}"' for c in COLUMNS[name])
        order = order or self.ORDER[name]
        return self._fetch(f"SELECT {cols} FROM {name} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                           params + [int(limit), int(offset)], name)

    def has_article(self, article: str) -> bool:
        return bool(self.cur.execute(f"SELECT count(*) FROM articles WHERE id = ? AND {self.article_where}",
                                     [article] + self.article_params).fetchone()[0])

    def event(self, uid: str):
        """One event of the view by its uid (a row of ``view.events``), or None if the filters exclude it."""
        cols = ", ".join(f'"{c}"' for c in COLUMNS["events"])
        rows = self._fetch(f"SELECT {cols} FROM events WHERE uid = ? AND {self.event_where}", [uid] + self.event_params, "events")
        return rows.iloc[0] if len(rows) else None

    def place_table(self, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Places aggregated across articles (as :func:`filters.aggregate_places`), most mentioned first,
        with the events and quotes of the view at each place."""
        sql = f"""
        WITH p AS (SELECT name, kind, country, arg_min_null(lat, ord) AS lat, arg_min_null(lon, ord) AS lon,
                          CAST(sum(coalesce("count", 0)) AS BIGINT) AS mentions, count(*) AS n_articles, min(ord) AS ord
                   FROM places WHERE {self.place_where} GROUP BY name, kind, country),
             e AS (SELECT place, count(*) AS events FROM event_places
                   WHERE event_ord IN (SELECT ord FROM events WHERE {self.event_where}) GROUP BY place),
             q AS (SELECT place, count(*) AS quotes FROM quotes WHERE place IS NOT NULL AND {self.quote_where} GROUP BY place)
        SELECT p.name, p.kind, p.country, p.lat, p.lon, p.mentions, p.n_articles AS articles,
               coalesce(e.events, 0) AS events, coalesce(q.quotes, 0) AS quotes
        FROM p LEFT JOIN e ON e.place = p.name LEFT JOIN q ON q.place = p.name
        ORDER BY p.mentions DESC, p.ord {'LIMIT ? OFFSET ?' if limit else ''}"""
        params = self.place_params + self.event_params + self.quote_params + ([int(limit), int(offset)] if limit else [])
        return self._fetch(sql, params)

    def actor_table(self, with_zero: bool = False, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Actors of the view: kind, quotes and events in the view, corpus colour; most active first."""
        sql = f"""
        WITH a AS (SELECT DISTINCT name FROM actors WHERE {self.actor_where}),
             q AS (SELECT speaker AS name, count(*) AS quotes FROM quotes WHERE {self.quote_where} GROUP BY speaker),
             e AS (SELECT actor AS name, count(*) AS events FROM event_actors
                   WHERE role = 'actor' AND event_ord IN (SELECT ord FROM events WHERE {self.event_where}) GROUP BY actor)
        SELECT a.name, s.kind, coalesce(q.quotes, 0) AS quotes, coalesce(e.events, 0) AS events, s.color
        FROM a JOIN actor_stats s ON s.name = a.name LEFT JOIN q ON q.name = a.name LEFT JOIN e ON e.name = a.name
        {'' if with_zero else 'WHERE coalesce(q.quotes, 0) + coalesce(e.events, 0) > 0'}
        ORDER BY coalesce(q.quotes, 0) + coalesce(e.events, 0) DESC, s.ord {'LIMIT ? OFFSET ?' if limit else ''}"""
        params = self.actor_params + self.quote_params + self.event_params + ([int(limit), int(offset)] if limit else [])
        return self._fetch(sql, params)

    def article_table(self, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Articles in the view: outlet, date, title, and their events and quotes in the view."""
        sql = f"""
        SELECT a.id, a.title, a.source AS outlet, a.published, a.url,
               (SELECT count(*) FROM events WHERE article = a.id AND {self.event_where}) AS events,
               (SELECT count(*) FROM quotes WHERE article = a.id AND {self.quote_where}) AS quotes
        FROM articles a WHERE {self.article_where}
        ORDER BY a.published, a.ord {'LIMIT ? OFFSET ?' if limit else ''}"""
        params = self.event_params + self.quote_params + self.article_params + ([int(limit), int(offset)] if limit else [])
        return self._fetch(sql, params)

    def map_view(self, max_places: int | None = 300, popup_top: int | None = None) -> F.View:
        """:meth:`_map_view`, kept per store for these filters (:meth:`Store.memo`)."""
        return self.store.memo(("map_view", repr(self.f), max_places, popup_top), lambda: self._map_view(max_places, popup_top))

    def _map_view(self, max_places: int | None, popup_top: int | None) -> F.View:
        """A small :class:`filters.View` from which :func:`views.map_features` draws the same map as
        from the whole view: the ``max_places`` most mentioned places with coordinates (all if None)
        and, per place, only the events and quotes that decide its popup (first 8 by date, first 5
        quotes; only for the ``popup_top`` places with most items when given: the others' popups only
        count), colour (first event with an actor, first quote) and role (one event of each kind).
        Its places are already aggregated (one row per place) and its tables hold only the columns
        the map reads: a view for the map, not for the other pages."""
        from .views import _NOT_HAPPENED, _SAID

        nh = ", ".join(f"'{k}'" for k in _NOT_HAPPENED)
        said = ", ".join(f"'{k}'" for k in _SAID)
        # one row per place (aggregate_places keeps it as is), the most mentioned first, then in corpus order
        places = self._fetch(f"""
        SELECT name, kind, country, arg_min(lat, ord) AS lat, arg_min(lon, ord) AS lon,
               sum(coalesce("count", 0)) AS "count", NULL AS mentions, NULL AS article, min(ord) AS ord
        FROM places WHERE lat IS NOT NULL AND {self.place_where} GROUP BY name, kind, country
        ORDER BY "count" DESC, ord {'LIMIT ?' if max_places else ''}""",
                             self.place_params + ([int(max_places)] if max_places else []))
        places = places.sort_values("ord", kind="stable").drop(columns=["ord"]).reset_index(drop=True)
        top = sorted(set(places["name"]))
        counts = {name: (int(e), int(q)) for name, e, q in self.cur.execute(f"""
        WITH e AS (SELECT place, count(*) AS n FROM event_places WHERE place IN (SELECT unnest(?))
                   AND event_ord IN (SELECT ord FROM events WHERE {self.event_where}) GROUP BY place),
             q AS (SELECT place, count(*) AS n FROM quotes WHERE place IN (SELECT unnest(?)) AND {self.quote_where} GROUP BY place)
        SELECT coalesce(e.place, q.place), coalesce(e.n, 0), coalesce(q.n, 0) FROM e FULL JOIN q ON q.place = e.place""",
                                                                                [top] + self.event_params + [top] + self.quote_params).fetchall()}
        popup = top
        if popup_top is not None:  # the places whose popups list items, ranked as views.map_features ranks them
            mentions = dict(zip(places["name"].tolist(), places["count"].tolist()))
            popup = sorted(top, key=lambda n: (-sum(counts.get(n, (0, 0))), -int(mentions.get(n) or 0), n))[:popup_top]
        # per place, in one pass: the first 8 by date (popup places), the first with an actor, the first that
        # happened, the first said
        events = self._fetch(f"""
        WITH ve AS MATERIALIZED (SELECT ord, coalesce(kind, '') AS kind, coalesce(date, '9999') AS d, first_actor
                                 FROM events WHERE {self.event_where}),
             ep AS (SELECT x.place, ve.* FROM event_places x JOIN ve ON ve.ord = x.event_ord WHERE x.place IN (SELECT unnest(?))),
             listed AS (SELECT min_by(ord, (d, ord), 8) AS ords FROM ep WHERE place IN (SELECT unnest(?)) GROUP BY place),
             marks AS (SELECT [min_by(ord, ord) FILTER (WHERE first_actor IS NOT NULL),
                               min_by(ord, ord) FILTER (WHERE kind NOT IN ({nh})),
                               min_by(ord, ord) FILTER (WHERE kind IN ({said}))] AS ords
                       FROM ep GROUP BY place)
        SELECT uid, article, places, actors, kind, date, date_precision, summary, sentence_start FROM events
        WHERE ord IN (SELECT unnest(ords) FROM listed UNION ALL SELECT unnest(ords) FROM marks)
        ORDER BY ord""", self.event_params + [top, popup], "events")
        quotes = self._fetch(f"""
        SELECT uid, article, place, speaker, text, sentence_start FROM (
            SELECT *, row_number() OVER (PARTITION BY place ORDER BY ord) AS n FROM quotes
            WHERE {self.quote_where} AND place IN (SELECT unnest(?)))
        WHERE n <= CASE WHEN place IN (SELECT unnest(?)) THEN 5 ELSE 1 END ORDER BY ord""",
                             self.quote_params + [top, popup], "quotes")
        ids = sorted(set(events["article"]) | set(quotes["article"]))  # the articles the popups cite
        meta = self.store.article_meta  # outlet, title, date of every article, already in memory
        articles = pd.DataFrame([(i, meta[i][1], meta[i][0], meta[i][2]) for i in ids if i in meta],
                                columns=["id", "title", "source", "published"], dtype=object)
        none = events.iloc[0:0]
        return F.View(articles, quotes, events, places, none, self.totals, place_counts=counts)

    def timeline_parts(self, max_lanes: int = 10, show_context: bool = True) -> dict | None:
        """:meth:`_timeline_parts`, kept per store for these filters (:meth:`Store.memo`)."""
        return self.store.memo(("timeline", repr(self.f), max_lanes, show_context),
                               lambda: self._timeline_parts(max_lanes, show_context))

    def _timeline_parts(self, max_lanes: int, show_context: bool) -> dict | None:
        """:func:`views.timeline_parts` computed in the store: the main window from the day-precision
        events that can widen it; up to :data:`views.AGGREGATE_ABOVE` dated events come into Python
        as rows, past that only their counts per lane, bucket and kind (grouped in SQL)."""
        from . import views as V

        dated = self._dated_where
        params = self.event_params
        n, = self.cur.execute(f"SELECT count(*) FROM events WHERE {dated}", params).fetchone()
        if not n:
            return None
        lo, hi = self.main_window
        if n <= V.AGGREGATE_ABOVE:
            ev = self._fetch(f"SELECT uid, actors, date, date_precision, date_end, date_relation, kind, summary, sentence, "
                             f"places, article, n_sources FROM events WHERE {dated} ORDER BY ord", params, "events")
            sources = {a: V.source_label(*self.store.article_meta[a]) for a in set(ev["article"]) if a in self.store.article_meta}
            return V.timeline_parts(V.event_rows(ev, sources), lo, hi, max_lanes, show_context)
        lane = f"coalesce(nullif(first_actor, ''), '{V.NO_ACTOR_LANE}')"
        counts = dict(self.cur.execute(f"SELECT {lane}, count(*) FROM events WHERE {dated} GROUP BY 1", params).fetchall())
        lanes = V.lane_order(counts, max_lanes)
        kept = [x for x in lanes if x != V.OTHER_LANE]
        m_lo, m_hi, c_lo, c_hi = self.cur.execute(
            f"SELECT min(lo) FILTER (WHERE hi >= ?), max(hi) FILTER (WHERE hi >= ?), min(lo) FILTER (WHERE hi < ?), "
            f"max(hi) FILTER (WHERE hi < ?) FROM events WHERE {dated}", [lo, lo, lo, lo] + params).fetchone()
        w_lo = lo  # before rows and after: an event ending before the window is earlier context
        if m_lo is not None:
            lo, hi = min(lo, m_lo - dt.timedelta(days=1)), max(hi, m_hi + dt.timedelta(days=1))
        step = V.bucket_for_span(lo, hi)
        grouped = self._fetch(f"""
        SELECT CASE WHEN {lane} IN (SELECT unnest(?)) THEN {lane} ELSE ? END AS lane, hi < ? AS context,
               CAST(date_trunc(CASE WHEN hi < ? THEN 'year' ELSE ? END, lo) AS DATE) AS bucket, kind,
               count(*) AS n, count(*) FILTER (WHERE date_precision IS DISTINCT FROM 'day') AS vague, min(ord) AS first
        FROM events WHERE {dated} {'' if show_context else 'AND hi >= ?'} GROUP BY ALL""",
                              [kept, V.OTHER_LANE, w_lo, w_lo, step] + params + ([] if show_context else [w_lo]))
        cols = ["lane", "bucket", "kind", "n", "vague", "first"]
        ctx = grouped["context"].astype(bool)
        main, context = grouped[~ctx][cols], grouped[ctx][cols]
        return {"lanes": lanes, "folded": sum(1 for x in counts if x not in kept), "main": main.reset_index(drop=True),
                "context": context.reset_index(drop=True), "context_span": (c_lo, c_hi) if len(context) else None,
                "lo": lo, "hi": hi, "aggregate": True, "n_points": None}

    @property
    def _dated_where(self) -> str:
        """The view's events that have a date the timeline can place."""
        return f"({self.event_where}) AND coalesce(date, '') <> '' AND lo IS NOT NULL"

    @cached_property
    def main_window(self) -> tuple[dt.date, dt.date]:
        """The view's main days (:func:`views.window_from`): from the earliest day-precision event near
        the first publication to the last publication; an event ending before it is earlier context.
        Kept per store for these filters (:meth:`Store.memo`): the Overview asks on every rerun."""
        return self.store.memo(("main_window", repr(self.f)), self._main_window)

    def _main_window(self) -> tuple[dt.date, dt.date]:
        from . import views as V

        _head, _n, first, last = self._articles_head
        pubs = [p for p in (first, last) if p]
        days = [dt.date.fromisoformat(p[:10]) for p in pubs]
        # only events starting before the first publication or ending after the last can widen the window
        widen = f"{self._dated_where} AND date_precision = 'day'" + (" AND (lo < ? OR hi > ?)" if days else "")
        pairs = self.cur.execute(f"SELECT lo, hi FROM events WHERE {widen} ORDER BY ord",
                                 self.event_params + ([min(days), max(days)] if days else [])).fetchall()
        return V.window_from(pairs, pubs)

    def story_page(self, limit: int = 20, offset: int = 0) -> pd.DataFrame:
        """A page of the story (:func:`views.story`'s order): the main days by date, then the earlier
        context by date (column ``context``), undated events last."""
        lo = self.main_window[0]
        where, params = self._where("events")
        cols = ", ".join(f'e."{c}"' for c in COLUMNS["events"])
        if not self.narrowed:  # a plain scan: DuckDB's top-N fetches only the page's rows itself
            return self._fetch(f"SELECT {cols}, coalesce(hi < ?, FALSE) AS context FROM events e WHERE {where} "
                               "ORDER BY lo IS NULL, context, lo, uid LIMIT ? OFFSET ?", [lo] + params + [int(limit), int(offset)], "events")
        # the page's rows chosen on the sort keys alone, then fetched whole (not every column of a busy actor's events)
        return self._fetch(f"""WITH k AS (SELECT ord, lo, uid, coalesce(hi < ?, FALSE) AS context FROM events WHERE {where}
                                          ORDER BY lo IS NULL, context, lo, uid LIMIT ? OFFSET ?)
                               SELECT {cols}, k.context FROM k JOIN events e ON e.ord = k.ord
                               ORDER BY k.lo IS NULL, k.context, k.lo, k.uid""", [lo] + params + [int(limit), int(offset)], "events")

    def quote_groups(self, limit: int = 50, offset: int = 0, needle: str = "") -> tuple[list, dict, int]:
        """A page of :func:`views.quote_groups`: ``(groups, sizes, total)`` where ``groups`` is
        ``[(speaker, quotes)]`` for ``limit`` quotes from ``offset`` in the same order (most quoted
        speaker first, text order inside a group), ``sizes`` the whole size of each group and
        ``total`` the number of quotes; ``needle`` keeps quotes whose text contains it (case and
        accents ignored)."""
        cols = ", ".join(f'q."{c}"' for c in COLUMNS["quotes"])
        where, params = self.quote_where, list(self.quote_params)
        if needle:
            where += " AND contains(split_part(search, chr(0), 1), ?)"
            params.append(F.fold(needle))
        base = f"""WITH q AS (SELECT *, coalesce(speaker, '(unattributed)') AS sp FROM quotes WHERE {where}),
                       n AS (SELECT sp, count(*) AS size FROM q GROUP BY sp)"""
        rows = self._fetch(f"""{base} SELECT {cols}, q.sp AS _group, n.size AS _size FROM q JOIN n ON n.sp = q.sp
            ORDER BY n.size DESC, q.sp = '(unattributed)', q.sp, q.article, q.start LIMIT ? OFFSET ?""",
                           params + [int(limit), int(offset)], "quotes")
        total = self.cur.execute(f"{base} SELECT count(*) FROM q", params).fetchone()[0]
        sizes = dict(zip(rows["_group"], rows["_size"]))
        rows = rows.assign(speaker=rows["_group"])
        groups = [(name, g.drop(columns=["_group", "_size"])) for name, g in rows.groupby("_group", sort=False)]
        return groups, sizes, total

    def speaker_counts(self, limit: int = 8) -> pd.Series:
        rows = self.cur.execute(
            f"SELECT speaker, count(*) AS n FROM quotes WHERE speaker IS NOT NULL AND {self.quote_where} "
            "GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?", self.quote_params + [limit]).fetchall()
        return pd.Series(dict(rows), dtype=int)

    def article_records(self, table: str, article: str) -> pd.DataFrame:
        """All records of one article (the Article page highlights), whatever the filters."""
        return self.store.table(table, "article = ?", [article])
