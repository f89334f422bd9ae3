"""Newsmap dashboard: the router and the frame (sidebar filters, summary line, source line, links).

Pages in ``pages/`` are thin views: they read the filtered view that this frame puts in
``st.session_state["nm"]`` and draw it. Loading, filtering and shaping live in ``newsmap``.
Run: ``streamlit run app.py`` (corpus folder: ``NEWSMAP_DATA_DIR``, default ``data``).
"""
from __future__ import annotations

import datetime as dt
import html
import logging
import importlib
import os
import threading
import time
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
import streamlit.delta_generator as _st_dg

# Streamlit's first element in a process calls inspect.stack() to tell a Python REPL from `streamlit run`
# (0.2–0.7 s on a 2-core machine, paid by the first page after a server start). Under a running server the
# answer is known, so the check is marked done (a private flag: if Streamlit renames it, this does nothing).
if st.runtime.exists():
    _st_dg._use_warning_has_been_displayed = True

from newsmap import briefing as B
from newsmap import corpus as nm_corpus
from newsmap import filters as F
from newsmap import views as V
from newsmap.errors import UI, NewsmapError
from newsmap.query import Store

st.set_page_config(page_title="Newsmap", page_icon="static/favicon.png", layout="wide")  # a local file: no icon CDN

DATA_DIR = os.environ.get("NEWSMAP_DATA_DIR", "data")
FILTER_KEYS = {"actor": [], "from": None, "to": None, "place": [], "kind": [], "article": [], "q": ""}
LOG = logging.getLogger("newsmap.app")


@st.cache_resource(show_spinner="Loading the corpus…", max_entries=2)
def open_store(data_dir: str, version: str) -> Store:
    """One read-only store per corpus version, shared by every session (rebuilt first if stale)."""
    return Store.open(data_dir, apart=True)  # a build runs in a child process: its memory is not kept here


#: what the Map page imports (folium: ~0.4 s on a 2-core machine). Not its Streamlit component
#: (streamlit_folium): declared outside a script run, its frontend files are not served (404, and the
#: map stays a skeleton for a minute)
WARM_MODULES = ("folium",)


@st.cache_resource(show_spinner=False)
def warm_imports() -> threading.Thread:
    """Once per server, after its first page is drawn: imports the Map page needs, in a background
    thread, so the first visit to the Map does not wait on them (nothing is fetched; no network)."""
    def work():
        for name in WARM_MODULES:
            try:
                importlib.import_module(name)
            except ImportError:  # the page itself will say what is missing
                LOG.warning("newsmap: could not import %s", name)
    thread = threading.Thread(target=work, name="newsmap-warm-imports", daemon=True)
    thread.start()
    return thread


def get_corpus():
    """(store, version, error): the version is read once per rerun and keys the shared store."""
    version = nm_corpus.corpus_version(DATA_DIR, rescan=False)  # a slow rescan starts after the run (main)
    try:
        return open_store(DATA_DIR, version), version, None
    except NewsmapError as exc:
        return Store.empty_store(), version, str(exc)



def reset_filters():
    for key, default in FILTER_KEYS.items():
        st.session_state[key] = list(default) if isinstance(default, list) else default


def choices(store: Store) -> dict:
    """What each filter can take in this corpus (the sidebar's options), most active actors first;
    read from the store once per corpus version."""
    first, last = store.day_range
    return {
        "counts": store.actor_counts,
        "labels": store.actor_labels,  # "Sergueï Lavrov — person · 3 quotes · 1 event"
        "actor": store.actor_names,  # every actor a link may name (the list shows the active ones); built once per store
        "place": store.place_names,
        "actor_options": store.actor_picker,  # the most active actors when there are very many (the list travels each run)
        "place_options": store.place_picker,
        "kind": list(F.QUOTE_KINDS),
        "article": store.titles,
        "article_options": store.article_picker,  # the latest articles when there are very many (the list travels each run)
        "lo": (first or dt.date(2000, 1, 1)) - dt.timedelta(days=3650),
        "hi": (last or dt.date.today()) + dt.timedelta(days=365),
    }


def init_from_url(opts: dict):
    """First run of a session: the filters come from the URL. A value this corpus does not have (an
    actor renamed, an article removed, a malformed date) is kept aside and named on the page."""
    if st.session_state.get("_nm_init"):
        return
    st.session_state["_nm_init"] = True
    missing = []
    for key in ("actor", "place", "kind", "article"):
        values = [v for v in st.query_params.get_all(key) if v]
        missing += [f"{key}={v}" for v in values if v not in opts[key]]
        if any(v in opts[key] for v in values):
            st.session_state[key] = list(dict.fromkeys(v for v in values if v in opts[key]))
    for key in ("from", "to"):
        raw = st.query_params.get(key, "")
        try:
            day = dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            day = None
        if raw and (day is None or not opts["lo"] <= day <= opts["hi"]):
            missing.append(f"{key}={raw}")
        elif day:
            st.session_state[key] = day
    if st.query_params.get("q", "").strip():
        st.session_state["q"] = st.query_params.get("q").strip()
    st.session_state["_nm_missing"] = missing


def sync_url(f: F.Filters):
    """The address bar always holds this view's canonical filters (names, ids, ISO dates), so a link
    copied from it, reloaded or opened elsewhere, shows the same view. Other parameters (focus) stay."""
    wanted = {k: st.query_params.get_all(k) for k in st.query_params if k not in FILTER_KEYS}
    wanted.update({k: v if isinstance(v, list) else [v] for k, v in f.to_query().items()})
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def missing_notice(f: F.Filters) -> str:
    """Names the link's values that were not found, while the view is still the one the link opened."""
    missing = st.session_state.get("_nm_missing") or []
    if not missing:
        return ""
    first = st.session_state.setdefault("_nm_first_filters", f)
    if f != first:
        return ""
    n = len(missing)
    return UI.LINK_NOT_FOUND.format(n=n, s="s" if n != 1 else "", was="was" if n == 1 else "were", values=", ".join(missing))


def apply_pending():
    """A click on the map asks for a place filter; it is applied here, before the widgets exist."""
    pending = st.session_state.pop("pending_place", None)
    if pending:
        st.session_state["place"] = [pending]


def take_typed(key: str):
    """A name typed into a picker that does not list it (past the most active ones) becomes the
    corpus's own name for it; a text that names nothing, or several things, is set aside and named."""
    store = (st.session_state.get("nm") or {}).get("store")
    if store is None:
        return
    st.session_state[key], unmatched = store.resolve(key, st.session_state.get(key) or [])
    if unmatched:
        st.session_state["_nm_unmatched"] = (key, unmatched)


def listed(options: list, key: str) -> list:
    """A picker's options: its list, then what is chosen beyond it (from a link, a click or typed in)."""
    chosen = st.session_state.get(key) or []
    return list(dict.fromkeys([*options, *chosen]))


def capped_help(key: str, shown: int, total: int) -> str | None:
    most = {"actor": "most active", "place": "most mentioned"}[key]
    return UI.PICKER_CAPPED.format(shown=shown, most=most, total=total, what=key + "s") if total > shown else None


def sidebar(opts: dict) -> F.Filters:
    """The filter widgets. Their keys are the URL parameters; sync_url writes them to the address bar."""
    counts, labels, titles = opts["counts"], opts["labels"], opts["article"]
    lo, hi = opts["lo"], opts["hi"]
    active = sum(1 for k in counts.values() if k)  # no zero-count entries unless chosen
    with st.sidebar:
        st.subheader("Filters")
        st.multiselect("Actors", listed(opts["actor_options"], "actor"), key="actor", format_func=lambda n: labels.get(n, n),
                       placeholder="All actors", accept_new_options=True, on_change=take_typed, args=("actor",),
                       help=capped_help("actor", len(opts["actor_options"]), active))
        # the date fields in a popover: Streamlit loads its date-picker code when they are first shown,
        # and in the sidebar that held every first page (a skeleton) until it had come
        span = F.fmt_range(st.session_state.get("from"), st.session_state.get("to"))
        with st.popover(f"Dates: {span}" if span else "Dates: all", icon=":material/date_range:", width="stretch", key="dates",
                        help="Only what happened (or was said) between these days; the Timeline's range selection sets them too."):
            c1, c2 = st.columns(2)
            c1.date_input("From", value=None, min_value=lo, max_value=hi, key="from", format="YYYY-MM-DD")
            c2.date_input("To", value=None, min_value=lo, max_value=hi, key="to", format="YYYY-MM-DD")
        st.multiselect("Places", listed(opts["place_options"], "place"), key="place", placeholder="All places",
                       accept_new_options=True, on_change=take_typed, args=("place",),
                       help=capped_help("place", len(opts["place_options"]), len(opts["place"])))
        st.multiselect("Quote kind", opts["kind"], key="kind", placeholder="All kinds")
        if len(titles) > 1:
            st.multiselect("Articles", listed(opts["article_options"], "article"), key="article", format_func=lambda i: titles.get(i, i),
                           placeholder="All articles", accept_new_options=True, on_change=take_typed, args=("article",),
                           help=UI.ARTICLE_PICKER_CAPPED.format(shown=len(opts["article_options"]), total=len(titles))
                           if len(titles) > len(opts["article_options"]) else None)
        st.text_input("Search", key="q", placeholder="Words in quotes and events")
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
    st.session_state["_nm_t0"] = (time.perf_counter(), time.thread_time())  # this run's server time, on its marker
    page = st.navigation(PAGES, position="top")
    store, version, error = get_corpus()
    opts = choices(store)
    init_from_url(opts)
    apply_pending()
    f = sidebar(opts)
    sync_url(f)
    view = store.view(f)  # filtered and counted in DuckDB; tables are fetched when a page asks
    colors = store.colors
    summary = view.summary()
    source = view.source_line()
    link = permalink(f, page.url_path)
    st.session_state["nm"] = {"store": store, "view": view, "filters": f, "colors": colors, "summary": summary,
                              "source": source, "link": link, "error": error}

    st.html(f"<style>{FRAME_CSS}</style>")  # static CSS, no data (st.html: no Markdown parse in the browser)
    st.markdown(f"### {html.escape(page.title)} · Newsmap")
    st.html(f"<div data-testid='nm-summary' style='font-weight:600;font-size:1.05rem'>{html.escape(summary)}</div>"
            f"<div data-testid='nm-source' style='color:#555;font-size:0.9rem'>{html.escape(source)}</div>")
    if error:
        st.error(f"{error}", icon=":material/error:")
        st.info("The dashboard shows nothing until a corpus is there. Build one with "
                "`python -m newsmap ingest FILE… --data-dir DIR` and point NEWSMAP_DATA_DIR at it.")
        done()
        st.stop()
    if notice := missing_notice(f):
        st.warning(notice, icon=":material/link_off:")
    if typed := st.session_state.pop("_nm_unmatched", None):
        key, values = typed
        st.warning(UI.PICK_NOT_FOUND.format(what=key, values=", ".join(f"“{v}”" for v in values)), icon=":material/search_off:")
    for w in store.warnings:
        st.warning(w, icon=":material/warning:")
    with st.sidebar:
        # link and briefing in one popover: their widgets' code loads when it is opened, not on every first page
        with st.popover("Share", icon=":material/share:", width="stretch", key="share",
                        help="The link to this view (the address bar holds it too) and a briefing file of it."):
            st.caption("The link reopens this view, filters included:")
            st.code(link, language=None, wrap_lines=True)
            st.download_button("Download briefing (HTML)", key="briefing", on_click="ignore",
                               data=lambda: B.briefing_html(view, colors, summary, source, link),
                               file_name=V.png_filename(summary, prefix="newsmap-briefing") + ".html", mime="text/html",
                               icon=":material/download:", width="stretch",
                               help="One self-contained file: map, timeline, quotes and sources; opens offline and prints cleanly.")
    page.run()
    done()
    warm_imports()
    nm_corpus.rescan_documents(DATA_DIR)  # an in-place edit of a document shows at a later run


FRAME_CSS = (
    ".block-container{padding-top:3.2rem}"
    ".nm-figures{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:.4rem 1rem;margin:.6rem 0 1rem}"
    ".nm-figure b{display:block;font-size:2rem;font-weight:400;line-height:1.2}.nm-figure span{font-size:.875rem;color:#31333f}"
    "@media (max-width:640px){"
    ".nm-figures{grid-template-columns:repeat(3,minmax(0,1fr))}.nm-figure b{font-size:1.5rem}"
    # the source line in two lines on a phone (its full text stays in the page, for copy and screen readers)
    "[data-testid='nm-source']{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}}"
)


def done():
    """The last element of every complete run, numbered: the browser tests wait on it (and on
    Streamlit's own status), never on time. It carries the run's server time (``data-ms``, and
    ``data-cpu-ms`` of the script's thread) for bench/browser_scale.py."""
    n = st.session_state["_nm_runs"] = st.session_state.get("_nm_runs", 0) + 1
    wall, cpu = st.session_state.get("_nm_t0") or (time.perf_counter(), time.thread_time())
    ms = f"data-ms='{(time.perf_counter() - wall) * 1000:.0f}' data-cpu-ms='{(time.thread_time() - cpu) * 1000:.0f}'"
    st.html(f"<div data-testid='nm-done' data-run='{n}' {ms}></div>")


def run_guarded():
    """Whatever a page raises becomes one message on the page; the traceback goes to the server log
    (and NEWSMAP_DEBUG=1 lets it through, so tests and developers see bugs as they are)."""
    try:
        main()
    except Exception as exc:
        if os.environ.get("NEWSMAP_DEBUG"):
            raise
        LOG.exception("newsmap: a page failed")
        st.error(UI.PAGE_FAILED.format(error=f"{type(exc).__name__}: {str(exc)[:300]}"), icon=":material/error:")
        st.info(UI.PAGE_FAILED_HINT)
        done()


run_guarded()
