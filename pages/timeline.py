"""Timeline: events in lanes by actor (the busiest of the view; the others folded into one lane);
points for days, bars for months and years; older context apart. A box selection across the chart,
a click on a count bubble, or the date slider sets the From/To filters of every page."""
import datetime as dt
import html

import pandas as pd
import streamlit as st

from newsmap import briefing as B
from newsmap import views as V
from pages._boot import frame_state, png_export

nm = frame_state()
view, colors, store = nm["view"], nm["colors"], nm["store"]
LANES = [5, 10, 20, 40]


def _day(x) -> dt.date | None:
    try:
        return pd.Timestamp(x).date()
    except (ValueError, TypeError):
        return None


def on_select():
    """A horizontal drag (box selection) or a click on a count bubble sets the date filter;
    a click on an event keeps it for the details below."""
    sel = st.session_state.get("timeline") or {}
    sel = sel.get("selection", {}) if isinstance(sel, dict) else getattr(sel, "selection", {})
    boxes = sel.get("box") or []
    if boxes and boxes[0].get("x"):
        days = sorted(d for d in map(_day, boxes[0]["x"]) if d)
        if days:
            st.session_state["from"], st.session_state["to"] = days[0], days[-1]
            st.session_state.pop("tl_event", None)
            return
    for p in sel.get("points") or []:
        tag = (p.get("customdata") or [None] * 6)[5]
        if isinstance(tag, str) and tag.startswith("range:"):
            _, a, b = tag.split(":")
            st.session_state["from"], st.session_state["to"] = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
            st.session_state.pop("tl_event", None)
            return
        if tag:
            st.session_state["tl_event"] = tag
            return


def on_slider():
    a, b = st.session_state["tl_range"]
    lo, hi = st.session_state["tl_bounds"]
    st.session_state["from"] = a if a > lo else None
    st.session_state["to"] = b if b < hi else None


c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
show_context = c1.toggle("Show earlier context (events long before the articles' days)", value=True, key="tl_context")
lanes = c2.select_slider("Actor lanes", LANES, value=10, key="tl_lanes",
                         help="The busiest actors of the view get a lane each; the others share the last lane.")
fig = V.timeline_figure(view, colors, show_context=show_context, max_lanes=lanes)
st.plotly_chart(fig, key="timeline", on_select=on_select, selection_mode=("points", "box"),
                config=V.plotly_config(nm["summary"]), width="stretch")
per = (fig.layout.meta or {}).get("counts_per") if isinstance(fig.layout.meta, dict) else None
if per:
    st.caption(f"Too many events to draw one by one: a bubble is the events of one {per} (its size: how many) · "
               "**click a bubble to filter every page to those dates**")
else:
    st.caption("● a day · ○ on or before that day (reported in a later statement) · bar = month or year precision · "
               "click an event for its sentence")
st.caption("To filter every page to a period: the slider below, or the chart's *Box Select* tool (toolbar, top right) "
           "and drag across the dates. Dragging with the default tool only zooms the picture.")

# a slider for the same date filter (also where dragging is awkward: phones)
pubs = [dt.date.fromisoformat(str(p)[:10]) for _o, _t, p in store.article_meta.values()] or [dt.date.today()]
f = nm["filters"]
lo = min([min(pubs) - dt.timedelta(days=60), *(d for d in (f.start, f.end) if d)])
hi = max([max(pubs) + dt.timedelta(days=1), *(d for d in (f.start, f.end) if d)])
st.session_state["tl_bounds"] = (lo, hi)
st.session_state["tl_range"] = (f.start or lo, f.end or hi)
st.slider("Dates (sets From and To)", min_value=lo, max_value=hi, key="tl_range", on_change=on_slider, format="D MMM YYYY")

c1, c2 = st.columns([4, 1])
with c2:
    png_export("Timeline PNG (2×)", "timeline_png", V.png_filename(nm["summary"]) + ".png",
               lambda: B.timeline_png(view, colors, nm["summary"], nm["source"]))

uid = st.session_state.get("tl_event")
picked = view.event(uid) if uid else None  # the clicked event, if still in the view: one row from the store
if picked is not None:
    ev = picked
    source, title, published = store.article_meta.get(ev["article"], ("", "", ""))
    with st.container(border=True):
        st.markdown(f"**{html.escape(ev['kind'])}** · {html.escape(V.fmt_value(ev['date'], ev['date_precision']) or 'undated')}"
                    f" · {html.escape(', '.join(ev['actors']))}", unsafe_allow_html=True)
        st.text(ev["sentence"])
        st.caption(f"Places: {', '.join(ev['places']) or '—'} · statement date: {ev['statement_date'] or '—'} · "
                   f"per: {ev['asserted_by'] or '—'}")
        st.markdown(V.source_html(V.source_label(source, title, published),
                                  V.sentence_link(f.to_query(), ev["article"], ev["sentence_start"])), unsafe_allow_html=True)
        reported = V.reported_by(ev.get("n_sources"))
        if reported:  # the same event in other articles: each one's own sentence and source
            st.markdown(f"**{reported[0].upper() + reported[1:]}**")
            for r in store.event_group(ev["group_uid"]).itertuples():
                if r.uid != uid:
                    st.text(r.sentence)
                    st.markdown(V.source_html(V.source_label(r.source, r.title, r.published),
                                              V.sentence_link(f.to_query(), r.article, r.sentence_start)), unsafe_allow_html=True)
