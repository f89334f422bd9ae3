"""Overview: key figures, the story in brief, a small map, top speakers."""
import html
from urllib.parse import urlencode

import streamlit as st

from newsmap import views as V
from newsmap.filters import View
from pages._boot import frame_state

STORY_LINES = 40

nm = frame_state()
view, colors = nm["view"], nm["colors"]
counts = view.counts  # counted in the store: nothing but the figures comes into Python

cols = st.columns(5)
for col, (label, value) in zip(cols, [("Events", counts["events"]), ("Quotes", counts["quotes"]), ("Places", counts["mapped_places"]),
                                      ("Speakers", counts["speakers"]), ("Articles", counts["articles"])]):
    col.metric(label, value)

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("#### The story in brief")
    first = view.page("events", STORY_LINES)  # the first events by date, as V.story orders them
    lines = []
    for r in V.story(View(first.iloc[0:0], first.iloc[0:0], first, first.iloc[0:0], first.iloc[0:0], view.totals)):
        dot = f"<span style='color:{colors.get(r['actor'], V.NO_ACTOR)}'>●</span>"
        where = f" <span style='color:#666'>({html.escape(', '.join(r['places']))})</span>" if r["places"] else ""
        src = f" <i>— per {html.escape(r['asserted_by'])}</i>" if r["asserted_by"] else ""
        link = "/article?" + urlencode({**nm["filters"].to_query(), "focus": f"{r['article']}:{r['sentence_start']}"}, doseq=True)
        lines.append(f"<div style='margin:2px 0'>{dot} <b>{html.escape(r['when'])}</b> · {html.escape(r['kind'])} · "
                     f"{html.escape(r['summary'])}{where}{src} <a href='{html.escape(link)}' target='_self' "
                     f"title='Show the sentence in the article'>↗</a></div>")
    st.markdown("".join(lines) or "No event for these filters.", unsafe_allow_html=True)
    if counts["events"] > STORY_LINES:
        st.caption(f"The first {STORY_LINES} of {counts['events']} events by date; all of them on the Timeline and Data pages.")
with right:
    st.markdown("#### Places")
    # plain Leaflet (served by the app) in an iframe: the interactive folium map is on the Map page
    st.iframe(V.small_map_page(V.map_features(view.map_view(300), colors), height=300), height=304)
    st.markdown("#### Top speakers")
    top = view.speaker_counts(8)
    st.markdown("".join(
        f"<div><span style='color:{colors.get(n, V.NO_ACTOR)}'>●</span> {html.escape(n)} — {c} quote{'s' if c != 1 else ''}</div>"
        for n, c in top.items()) or "No quote for these filters.", unsafe_allow_html=True)
