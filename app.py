"""Newsmap dashboard: the router and the frame (sidebar filters, summary line, source line, links).

Pages in ``pages/`` are thin views: they read the filtered view that this frame puts in
``st.session_state["nm"]`` and draw it. Loading, filtering and shaping live in ``newsmap``.
Run: ``streamlit run app.py`` (corpus folder: ``NEWSMAP_DATA_DIR``, default ``data``).
"""
from __future__ import annotations

import datetime as dt
import html
import os
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from newsmap import briefing as B
from newsmap import corpus as nm_corpus
from newsmap import filters as F
from newsmap import views as V
from newsmap.errors import NewsmapError
from newsmap.query import Store

st.set_page_config(page_title="Newsmap", page_icon="static/favicon.png", layout="wide")  # a local file: no icon CDN

DATA_DIR = os.environ.get("NEWSMAP_DATA_DIR", "data")
FILTER_KEYS = {"actor": [], "from": None, "to": None, "place": [], "kind": [], "article": [], "q": ""}


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=2)
def open_store(data_dir: str, version: str) -> Store:
    """One read-only store per corpus version, shared by every session (rebuilt first if stale)."""
    return Store.open(data_dir, apart=True)  # a build runs in a child process: its memory is not kept here


def get_corpus():
    """(store, version, error): the version is read once per rerun and keys the shared store."""
    version = nm_corpus.corpus_version(DATA_DIR)
    try:
        return open_store(DATA_DIR, version), version, None
    except NewsmapError as exc:
        return Store.empty_store(), version, str(exc)



def reset_filters():
    for key, default in FILTER_KEYS.items():
        st.session_state[key] = list(default) if isinstance(default, list) else default


def init_from_url():
    """First run of a session: the filters come from the URL (lists with get_all), so a copied link
    reopens the same view even where the widget binding has not synced yet."""
    if st.session_state.get("_nm_init"):
        return
    st.session_state["_nm_init"] = True
    f = F.Filters.from_query(st.query_params.get_all)
    values = {"actor": f.actors, "from": f.start, "to": f.end, "place": f.places, "kind": f.kinds, "article": f.articles, "q": f.q}
    for key, value in values.items():
        if value:
            st.session_state[key] = value


def apply_pending():
    """A click on the map asks for a place filter; it is applied here, before the widgets exist."""
    pending = st.session_state.pop("pending_place", None)
    if pending:
        st.session_state["place"] = [pending]


def sidebar(store: Store) -> F.Filters:
    counts = store.actor_counts  # quotes + event mentions per actor, computed when the store is built
    chosen = st.session_state.get("actor") or []
    labels = store.actor_labels  # "Sergueï Lavrov — person · 3 quotes · 1 event", computed once per corpus version
    actor_names = store.actor_options() + [n for n in chosen if not counts.get(n)]  # no zero-count entries unless chosen
    place_names, titles = store.place_names, store.titles
    first, last = store.day_range
    lo = (first or dt.date(2000, 1, 1)) - dt.timedelta(days=3650)
    hi = (last or dt.date.today()) + dt.timedelta(days=365)
    with st.sidebar:
        st.subheader("Filters")
        st.multiselect("Actors", actor_names, key="actor", bind="query-params",
                       format_func=lambda n: labels.get(n, n), placeholder="All actors")
        c1, c2 = st.columns(2)
        c1.date_input("From", value=None, min_value=lo, max_value=hi, key="from", bind="query-params", format="YYYY-MM-DD")
        c2.date_input("To", value=None, min_value=lo, max_value=hi, key="to", bind="query-params", format="YYYY-MM-DD")
        st.multiselect("Places", place_names, key="place", bind="query-params", placeholder="All places")
        st.multiselect("Quote kind", list(F.QUOTE_KINDS), key="kind", bind="query-params", placeholder="All kinds")
        if len(titles) > 1:
            st.multiselect("Articles", list(titles), key="article", bind="query-params",
                           format_func=lambda i: titles.get(i, i), placeholder="All articles")
        st.text_input("Search", key="q", bind="query-params", placeholder="Words in quotes and events")
        st.button("Reset filters", on_click=reset_filters, icon=":material/restart_alt:", width="stretch")
    ss = st.session_state
    return F.Filters(actors=list(ss.get("actor") or []), start=ss.get("from"), end=ss.get("to"),
                     places=list(ss.get("place") or []), kinds=list(ss.get("kind") or []),
                     articles=list(ss.get("article") or []), q=(ss.get("q") or "").strip())


def permalink(f: F.Filters, page_path: str) -> str:
    """The full link to this view: page + filters (query string)."""
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # no browser context (AppTest)
        parts = urlsplit("http://localhost:8501/")
    path = "/" + page_path.strip("/") if page_path else "/"
    return urlunsplit((parts.scheme or "http", parts.netloc or "localhost:8501", path, urlencode(f.to_query(), doseq=True), ""))


PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page("pages/article.py", title="Article", icon=":material/article:", url_path="article"),
    st.Page("pages/data.py", title="Data", icon=":material/table:", url_path="data"),
    st.Page("pages/add.py", title="Add articles", icon=":material/add_circle:", url_path="add"),
]


def main():
    init_from_url()
    apply_pending()
    store, version, error = get_corpus()
    page = st.navigation(PAGES, position="top")
    f = sidebar(store)
    view = store.view(f)  # filtered and counted in DuckDB; tables are fetched when a page asks
    colors = store.colors
    summary = view.summary()
    source = view.source_line()
    link = permalink(f, page.url_path)
    st.session_state["nm"] = {"store": store, "view": view, "filters": f, "colors": colors, "summary": summary,
                              "source": source, "link": link, "error": error}

    st.markdown("<style>.block-container{padding-top:2.2rem}</style>", unsafe_allow_html=True)  # static CSS, no data
    st.markdown(f"### {html.escape(page.title)} · Newsmap")
    st.markdown(f"<div data-testid='nm-summary' style='font-weight:600;font-size:1.05rem'>{html.escape(summary)}</div>"
                f"<div data-testid='nm-source' style='color:#555;font-size:0.9rem'>{html.escape(source)}</div>",
                unsafe_allow_html=True)
    if error:
        st.error(f"{error}", icon=":material/error:")
        st.info("The dashboard shows nothing until a corpus is there. Build one with "
                "`python -m newsmap ingest FILE… --data-dir DIR` and point NEWSMAP_DATA_DIR at it.")
        st.stop()
    for w in store.warnings:
        st.warning(f"Corrections file: {w}", icon=":material/edit_note:")
    with st.sidebar:
        st.caption("Copy link — reopens this view, filters included")
        st.code(link, language=None, wrap_lines=True)
        st.download_button("Download briefing (HTML)", key="briefing",
                           data=lambda: B.briefing_html(view, colors, summary, source, link),
                           file_name=V.png_filename(summary, prefix="newsmap-briefing") + ".html", mime="text/html",
                           icon=":material/download:", width="stretch",
                           help="One self-contained file: map, timeline, quotes and sources; opens offline and prints cleanly.")
    page.run()


main()
