"""Overview: key figures, the story in brief, a small map, top speakers."""
import html

import streamlit as st

from newsmap import views as V
from pages._boot import frame_state
from pages._ui import pager

nm = frame_state()
view, colors = nm["view"], nm["colors"]

places = V.place_table(view)
cols = st.columns(5)
for col, (label, value) in zip(cols, [("Events", len(view.events)), ("Quotes", len(view.quotes)), ("Places", len(places)),
                                      ("Speakers", view.quotes["speaker"].nunique()), ("Articles", len(V.article_table(view)))]):
    col.metric(label, value)

left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown("#### The story in brief")
    lines = []
    story = V.story(view)
    sources = {aid: V.source_label(o, t, d, title_chars=60) for aid, o, t, d in
               zip(view.articles["id"], view.articles["source"], view.articles["title"], view.articles["published"])}
    first, last = pager("story_page", len(story), what="events")
    for r in story[first:last]:
        dot = f"<span style='color:{colors.get(r['actor'], V.NO_ACTOR)}'>●</span>"
        where = f" <span style='color:#666'>({html.escape(', '.join(r['places']))})</span>" if r["places"] else ""
        src = f" <i>— per {html.escape(r['asserted_by'])}</i>" if r["asserted_by"] else ""
        link = V.sentence_link(nm["filters"].to_query(), r["article"], r["sentence_start"])
        lines.append(f"<div style='margin:3px 0 6px'>{dot} <b>{html.escape(r['when'])}</b> · {html.escape(r['kind'])} · "
                     f"{html.escape(r['summary'])}{where}{src}{V.source_html(sources.get(r['article'], ''), link)}</div>")
    st.markdown("".join(lines) or "No event for these filters.", unsafe_allow_html=True)
    pager("story_page", len(story), what="events", bottom=True)
with right:
    st.markdown("#### Places")
    # plain Leaflet (served by the app) in an iframe: the interactive folium map is on the Map page
    st.iframe(V.small_map_page(V.map_features(view, colors, label_top=8), height=300), height=304)
    st.markdown("#### Top speakers")
    counts = view.quotes["speaker"].dropna().value_counts().head(8)
    st.markdown("".join(
        f"<div><span style='color:{colors.get(n, V.NO_ACTOR)}'>●</span> {html.escape(n)} — {c} quote{'s' if c != 1 else ''}</div>"
        for n, c in counts.items()) or "No quote for these filters.", unsafe_allow_html=True)
