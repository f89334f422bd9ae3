"""Timeline: events in lanes by actor; points for days, bars for months and years; older context apart."""
import html

import streamlit as st

from newsmap import briefing as B
from newsmap import views as V
from pages._boot import frame_state, png_export

nm = frame_state()
view, colors = nm["view"], nm["colors"]

show_context = st.toggle("Show earlier context (events long before the article's days)", value=True, key="tl_context")
fig = V.timeline_figure(view, colors, show_context=show_context)
event = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points", config=V.plotly_config(nm["summary"]),
                        width="stretch")
c1, c2 = st.columns([4, 1])
c1.caption("● a day · ○ on or before that day (reported in a later statement) · bar = month or year precision")
with c2:
    png_export("Timeline PNG (2×)", "timeline_png", V.png_filename(nm["summary"]) + ".png",
               lambda: B.timeline_png(view, colors, nm["summary"], nm["source"]))

points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else getattr(getattr(event, "selection", None), "points", [])
uids = [p.get("customdata", [None] * 6)[5] for p in points if p.get("customdata")]
if uids:
    ev = view.events.set_index("uid").loc[uids[0]]
    with st.container(border=True):
        st.markdown(f"**{html.escape(ev['kind'])}** · {html.escape(V.fmt_value(ev['date'], ev['date_precision']) or 'undated')}"
                    f" · {html.escape(', '.join(ev['actors']))}", unsafe_allow_html=True)
        st.text(ev["sentence"])
        st.caption(f"Places: {', '.join(ev['places']) or '—'} · statement date: {ev['statement_date'] or '—'} · "
                   f"per: {ev['asserted_by'] or '—'} · published {ev['published']}")
else:
    st.caption("Click an event to see its details and source sentence.")
