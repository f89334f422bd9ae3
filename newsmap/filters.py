"""One set of filters for every view (dashboard pages, CLI ``export``), and the URL that holds it.

:class:`Filters` is the whole state of a view. :meth:`Filters.from_query` /
:meth:`Filters.to_query` map it to and from URL query parameters — the permalink:

==========  ===========================  =====================================
parameter   meaning                      example
==========  ===========================  =====================================
actor       actor name (repeatable)      ``actor=Sergueï Lavrov``
from        first day, YYYY-MM-DD        ``from=2024-11-17``
to          last day, YYYY-MM-DD         ``to=2024-11-20``
place       place name (repeatable)      ``place=Kyiv``
kind        quote kind (repeatable)      ``kind=direct`` (direct|partial|indirect)
article     article id (repeatable)      ``article=article-2024-11-20-fr``
q           free-text search             ``q=ATACMS``
==========  ===========================  =====================================

:func:`apply` returns the filtered tables; :func:`summary` the one-line description that opens
every page ("Actor: Sergueï Lavrov · 17–20 Nov 2024 · 3 of 14 events").
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, fields

import pandas as pd

QUOTE_KINDS = ("direct", "partial", "indirect")
PARAMS = {"actor": "actors", "from": "start", "to": "end", "place": "places", "kind": "kinds", "article": "articles", "q": "q"}
LIST_PARAMS = ("actor", "place", "kind", "article")


@dataclass
class Filters:
    actors: list[str] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    places: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    q: str = ""

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def from_query(cls, get_all) -> "Filters":
        """Build from a query-string reader: ``get_all(name) -> list[str]`` (Streamlit's, or a dict's)."""
        def one(name):
            vals = get_all(name)
            return vals[0] if vals else ""

        def day(name):
            try:
                return dt.date.fromisoformat(one(name)) if one(name) else None
            except ValueError:
                return None

        return cls(
            actors=[v for v in get_all("actor") if v],
            start=day("from"), end=day("to"),
            places=[v for v in get_all("place") if v],
            kinds=[v for v in get_all("kind") if v in QUOTE_KINDS],
            articles=[v for v in get_all("article") if v],
            q=one("q").strip(),
        )

    def to_query(self) -> dict[str, list[str] | str]:
        out: dict[str, list[str] | str] = {}
        if self.actors:
            out["actor"] = list(self.actors)
        if self.start:
            out["from"] = self.start.isoformat()
        if self.end:
            out["to"] = self.end.isoformat()
        if self.places:
            out["place"] = list(self.places)
        if self.kinds:
            out["kind"] = list(self.kinds)
        if self.articles:
            out["article"] = list(self.articles)
        if self.q:
            out["q"] = self.q
        return out


def fold(text) -> str:
    """Case- and accent-insensitive form for search."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return s.replace("’", "'")


def date_bounds(value, precision, end_value=None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a (possibly month/year precision) date covers."""
    if not value or (isinstance(value, float) and pd.isna(value)):
        return None, None
    v = str(value)
    try:
        if precision == "year" or len(v) == 4:
            lo, hi = dt.date(int(v[:4]), 1, 1), dt.date(int(v[:4]), 12, 31)
        elif precision == "month" or len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            lo, hi = dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        else:
            lo = hi = dt.date.fromisoformat(v[:10])
        if end_value and isinstance(end_value, str):
            hi = max(hi, dt.date.fromisoformat(end_value[:10]))
        return lo, hi
    except ValueError:
        return None, None


def _in_range(f: Filters, lo, hi) -> bool:
    if lo is None:
        return False
    if f.start and hi < f.start:
        return False
    if f.end and lo > f.end:
        return False
    return True


def _has_any(values, wanted) -> bool:
    return bool(set(values or []) & set(wanted))


@dataclass
class View:
    """The filtered tables, plus the totals they were cut from."""

    articles: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    actors: pd.DataFrame
    totals: dict
    #: events and quotes at each place when the tables hold only some of them (the store's map view)
    place_counts: dict | None = None


def _mentions_place(sentence_start, sentence, place_spans) -> bool:
    s0 = sentence_start or 0
    s1 = s0 + len(sentence or "")
    return any(s0 <= s < s1 for s, _e in place_spans)


def apply(corpus, f: Filters) -> View:
    arts = corpus.articles
    if f.articles:
        arts = arts[arts["id"].isin(f.articles)]
    ids = set(arts["id"])
    published = dict(zip(corpus.articles["id"], corpus.articles["published"]))

    quotes = corpus.quotes[corpus.quotes["article"].isin(ids)]
    events = corpus.events[corpus.events["article"].isin(ids)]
    places = corpus.places[corpus.places["article"].isin(ids)]
    actors = corpus.actors[corpus.actors["article"].isin(ids)]

    if f.actors:
        quotes = quotes[quotes["speaker"].isin(f.actors)]
        events = events[events["actors"].map(lambda xs: _has_any(xs, f.actors)).astype(bool) | events["asserted_by"].isin(f.actors)]
    if f.start or f.end:
        def q_ok(r):
            lo, hi = date_bounds(r["date"] or published.get(r["article"]), r["date_precision"] or "day")
            return _in_range(f, lo, hi)

        def e_ok(r):
            lo, hi = date_bounds(r["date"] or r["statement_date"] or r["published"], r["date_precision"] or "day", r["date_end"])
            return _in_range(f, lo, hi)

        quotes = quotes[quotes.apply(q_ok, axis=1)] if len(quotes) else quotes
        events = events[events.apply(e_ok, axis=1)] if len(events) else events
    if f.places:
        spans = {}
        for _, p in places[places["name"].isin(f.places)].iterrows():
            spans.setdefault(p["article"], []).extend(p["spans"] or [])
        quotes = quotes[quotes["place"].isin(f.places) | quotes.apply(
            lambda r: _mentions_place(r["sentence_start"], r["sentence"], spans.get(r["article"], [])), axis=1)] if len(quotes) else quotes
        events = events[events["places"].map(lambda xs: _has_any(xs, f.places)).astype(bool)]  # bool even when empty
    if f.kinds:
        quotes = quotes[quotes["kind"].isin(f.kinds)]
    if f.q:
        needle = fold(f.q)
        quotes = quotes[quotes.apply(lambda r: needle in fold(r["text"]) or needle in fold(r["sentence"]) or needle in fold(r["speaker"]), axis=1)] if len(quotes) else quotes
        events = events[events.apply(lambda r: needle in fold(r["summary"]) or needle in fold(r["sentence"]), axis=1)] if len(events) else events

    narrowed = bool(f.actors or f.start or f.end or f.kinds or f.q)
    if narrowed or f.places:
        keep = set(f.places)
        if narrowed:
            keep |= {p for xs in events["places"] for p in xs} | set(quotes["place"].dropna())
        else:
            keep = set(f.places)
        if narrowed and f.places:
            keep &= set(f.places)
        places = places[places["name"].isin(keep)]
    if f.actors:
        actors = actors[actors["name"].isin(f.actors)]

    totals = {"events": len(corpus.events), "quotes": len(corpus.quotes), "places": aggregate_places(corpus.places).shape[0],
              "actors": corpus.actors["name"].nunique() if len(corpus.actors) else 0, "articles": len(corpus.articles)}
    return View(arts, quotes, events, places, actors, totals)


def aggregate_places(places: pd.DataFrame) -> pd.DataFrame:
    """One row per place across articles: name, kind, country, lat, lon, mentions, forms, articles."""
    cols = ["name", "kind", "country", "lat", "lon", "mentions", "forms", "articles"]
    if places.empty:
        return pd.DataFrame(columns=cols)
    keys = places[["name", "kind", "country"]]
    if not keys.duplicated().any():  # one row per place already (e.g. one article): no Python loop
        return pd.DataFrame({"name": places["name"].values, "kind": places["kind"].values, "country": places["country"].values,
                             "lat": places["lat"].values, "lon": places["lon"].values,
                             "mentions": places["count"].fillna(0).astype(int).values,
                             "forms": places["mentions"].values, "articles": [[a] for a in places["article"].tolist()]}, columns=cols)
    out: dict[tuple, list] = {}
    cols_in = [places[c].tolist() for c in ("name", "kind", "country", "lat", "lon", "count", "mentions", "article")]
    for name, kind, country, lat, lon, count, ms, art in zip(*cols_in):
        n = int(count) if count == count and count is not None else 0
        row = out.get((name, kind, country))
        if row is None:
            out[(name, kind, country)] = [name, kind, country, lat, lon, n, list(ms or []), [art]]
        else:
            row[5] += n
            row[6].extend(ms or [])
            row[7].append(art)
    for row in out.values():
        if len(row[7]) > 1 or len(row[6]) > 1:
            row[6], row[7] = sorted(set(row[6])), sorted(set(row[7]))
    return pd.DataFrame(list(out.values()), columns=cols)


def actor_counts(corpus_or_view) -> pd.Series:
    """Quotes + event mentions per actor name, most active first."""
    q = corpus_or_view.quotes["speaker"].dropna().value_counts()
    e = pd.Series([a for xs in corpus_or_view.events["actors"] for a in xs], dtype=object).value_counts()
    return q.add(e, fill_value=0).astype(int).sort_values(ascending=False, kind="stable")


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_day(d: dt.date) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def fmt_range(a: dt.date | None, b: dt.date | None) -> str:
    if a and b:
        if a.year == b.year and a.month == b.month:
            return f"{a.day}–{b.day} {MONTHS_EN[a.month - 1]} {a.year}" if a != b else fmt_day(a)
        return f"{fmt_day(a)} – {fmt_day(b)}"
    if a:
        return f"from {fmt_day(a)}"
    if b:
        return f"until {fmt_day(b)}"
    return ""


def fmt_value(value, precision) -> str:
    """'19 Nov 2024', 'Nov 2024' or '2022' for a stored date value."""
    if not value or (isinstance(value, float) and pd.isna(value)):
        return ""
    v = str(value)
    if precision == "year" or len(v) == 4:
        return v[:4]
    if precision == "month" or len(v) == 7:
        return f"{MONTHS_EN[int(v[5:7]) - 1]} {v[:4]}"
    return fmt_day(dt.date.fromisoformat(v[:10]))


def summary(f: Filters, view: View) -> str:
    return summary_text(f, len(view.events), len(view.quotes), view.totals)


def summary_text(f: Filters, n_events: int, n_quotes: int, totals: dict) -> str:
    parts = []
    if f.actors:
        parts.append(("Actor: " if len(f.actors) == 1 else "Actors: ") + ", ".join(f.actors))
    if f.start or f.end:
        parts.append(fmt_range(f.start, f.end))
    if f.places:
        parts.append(("Place: " if len(f.places) == 1 else "Places: ") + ", ".join(f.places))
    if f.kinds:
        parts.append("Quotes: " + ", ".join(f.kinds))
    if f.articles:
        parts.append(f"{len(f.articles)} of {totals['articles']} articles")
    if f.q:
        parts.append(f"Search: “{f.q}”")
    if not parts:
        parts.append("All actors, all dates")
    parts.append(f"{n_events} of {totals['events']} events")
    parts.append(f"{n_quotes} of {totals['quotes']} quotes")
    return " · ".join(parts)


def source_line(view: View) -> str:
    """Article title, outlet and publication date: what a screenshot needs to be cited."""
    rows = view.articles.sort_values("published")
    return source_text(rows.head(3), len(rows))


def source_text(first: pd.DataFrame, n_articles: int) -> str:
    """The source line from the first (up to 3) articles by date and the number in the view."""
    items = []
    for _, a in first.iterrows():
        outlet = f", {a['source']}" if a.get("source") else ""
        items.append(f"“{a['title']}”{outlet}, published {fmt_day(dt.date.fromisoformat(a['published']))}")
    more = f" (+{n_articles - len(items)} more)" if n_articles > len(items) else ""
    return "Source: " + "; ".join(items) + more if items else "Source: no article"
