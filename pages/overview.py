"""Overview: key figures, the story in brief, a small map, top speakers.

Blocks of HTML go through ``st.html`` (sanitised, inserted as is), not ``st.markdown``: the browser
would parse them as Markdown first, the largest part of drawing a first page after Streamlit's own."""
import html

import streamlit as st

from newsmap import views as V
from newsmap.filters import View
from pages._boot import frame_state
from pages._ui import pager

nm = frame_state()
view, colors = nm["view"], nm["colors"]
counts = view.counts  # counted in the store: nothing but the figures comes into Python

# one row of figures (five across on a desktop, three then two on a phone: not five screen-high metrics)
st.html(V.figures_html([("Events", counts["events"]), ("Quotes", counts["quotes"]), ("Places", counts["mapped_places"]),
                            ("Speakers", counts["speakers"]), ("Articles", counts["articles"])]))

left, right = st.columns([3, 2], gap="large")
# the right column first: its small map is Streamlit's IFrame element, whose code the browser fetches only when
# the first one arrives; sent early in the run, it loads while the story is built
with right:
    st.markdown("#### Places")
    # plain Leaflet (served by the app) in an iframe: the interactive folium map is on the Map page
    st.iframe(V.small_map_page(V.map_features(view.map_view(300, popup_top=50), colors, label_top=8, popup_top=50), height=300), height=304)
    st.markdown("#### Top speakers")
    top = view.speaker_counts(8)
    st.html("".join(
        f"<div><span style='color:{colors.get(n, V.NO_ACTOR)}'>●</span> {html.escape(n)} — {c} quote{'s' if c != 1 else ''}</div>"
        for n, c in top.items()) or "No quote for these filters.")
with left:
    st.markdown("#### The story in brief")
    lines = []
    first, last = pager("story_page", counts["events"], what="events")
    page = view.story_page(last - first, first)  # one page of events: the main days by date, then earlier context
    meta = nm["store"].article_meta
    sources = {aid: V.source_label(*meta[aid], title_chars=60) for aid in set(page["article"]) if aid in meta}
    headed = False
    for r in V.story(View(page.iloc[0:0], page.iloc[0:0], page, page.iloc[0:0], page.iloc[0:0], view.totals)):
        if r["context"] and not headed:  # background the articles recall, after the days they report
            headed = True
            lines.append(f"<div class='nm-context-head' style='margin:14px 0 6px;color:#555;font-weight:600'>Earlier context "
                         f"<span style='font-weight:400'>(before {html.escape(V.fmt_value(view.main_window[0].isoformat(), 'day'))})"
                         "</span></div>")
        dot = f"<span style='color:{colors.get(r['actor'], V.NO_ACTOR)}'>●</span>"
        where = f" <span style='color:#666'>({html.escape(', '.join(r['places']))})</span>" if r["places"] else ""
        src = f" <i>— per {html.escape(r['asserted_by'])}</i>" if r["asserted_by"] else ""
        link = V.sentence_link(nm["filters"].to_query(), r["article"], r["sentence_start"])
        lines.append(f"<div style='margin:3px 0 6px'>{dot} <b>{html.escape(r['when'])}</b> · {html.escape(r['kind'])} · "
                     f"{html.escape(r['summary'])}{where}{src}"
                     f"{V.source_html(' · '.join(x for x in (sources.get(r['article'], ''), r['reported']) if x), link)}</div>")
    st.html("".join(lines) or "No event for these filters.")
    pager("story_page", counts["events"], what="events", bottom=True)
