"""Map: every place with coordinates; click a place to see what happened and was said there, and
filter every page to it with an explicit button."""
import dataclasses
import html
import os

import streamlit as st
from streamlit_folium import st_folium

from newsmap import briefing as B
from newsmap import views as V
from pages._boot import fragment_done, frame_state, png_export

nm = frame_state()
view, colors, f = nm["view"], nm["colors"], nm["filters"]
TILES = os.environ.get("NEWSMAP_TILES", "").lower() or None  # opt-in online tiles: openstreetmap | carto


def inspect_panel(name: str):
    here = nm["store"].view(dataclasses.replace(f, places=[name]))  # the view narrowed to this place, in the store
    events, quotes = V.place_detail(here, name)
    query = f.to_query()
    c1, c2 = st.columns([4, 1], vertical_alignment="center")
    c1.markdown(f"#### {html.escape(name)}")
    if c2.button("✕", key="map_close", help="Back to the list of places", type="tertiary"):
        st.session_state.pop("map_inspect", None)
        st.rerun(scope="fragment")
    st.caption(f"{len(events)} event{'s' if len(events) != 1 else ''} · {len(quotes)} quote{'s' if len(quotes) != 1 else ''} "
               "here in this view")
    if f.places != [name]:
        if st.button("Filter to this place", key="map_filter", icon=":material/filter_alt:", type="primary",
                     help="Every page shows only what is linked to this place"):
            st.session_state["pending_place"] = name  # applied by the frame before the widgets exist
            st.rerun(scope="app")
    with st.container(height=430, border=False):
        lines = []
        for r in events[:40]:
            dot = f"<span style='color:{colors.get(r['actor'], V.NO_ACTOR)}'>●</span>"
            lines.append(f"<div style='margin:2px 0 8px'>{dot} <b>{html.escape(r['when'])}</b> · {html.escape(r['kind'])} · "
                         f"{html.escape(r['summary'])}{V.source_html(r['source'], V.sentence_link(query, r['article'], r['sentence_start']))}</div>")
        for q in quotes[:40]:
            color = colors.get(q["speaker"], V.NO_ACTOR)
            lines.append(f"<div style='margin:2px 0 8px;border-left:3px solid {color};padding-left:6px'>« {html.escape(q['text'])} » — "
                         f"<b>{html.escape(q['speaker'])}</b>{V.source_html(q['source'], V.sentence_link(query, q['article'], q['sentence_start']))}</div>")
        more = max(0, len(events) - 40) + max(0, len(quotes) - 40)
        if more:
            lines.append(f"<div style='color:#666'>+{more} more: filter to this place to see them all</div>")
        st.markdown("".join(lines) or "Only mentioned: no dated event or quote here.", unsafe_allow_html=True)


@st.fragment
def draw_map():
    # the most mentioned places of the view (the store picks what their popups need): the page stays small at any size
    features = V.map_features(view.map_view(V.MAP_PLACES, popup_top=V.MAP_POPUPS), colors, link_query=f.to_query(),
                                popup_top=V.MAP_POPUPS)
    names = {ft["properties"]["name"] for ft in features["features"]}
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.caption(V.map_caption(len(features["features"]), view.counts["mapped_places"]))
        out = st_folium(V.build_map(features, tiles=TILES), key="main_map", height=560, use_container_width=True,
                        returned_objects=["last_object_clicked_tooltip"], render=False)
    clicked = ((out or {}).get("last_object_clicked_tooltip") or "").strip()
    if clicked in names and clicked != st.session_state.get("map_clicked"):  # a new click on the map
        st.session_state["map_inspect"] = st.session_state["map_clicked"] = clicked
    chosen = st.session_state.get("map_inspect")
    with right:
        if chosen in names:
            inspect_panel(chosen)
        else:
            st.markdown("#### What is where")
            top = places.sort_values(["events", "quotes", "mentions"], ascending=False, kind="stable").head(8)
            st.caption("Click a place on the map, or one of the busiest places of this view below, for its events and quotes.")
            for _, r in top.iterrows():
                if st.button(f"{r['name']} — {V.actor_counts_label(r['quotes'], r['events'])}", key=f"map_top_{r['name']}",
                             type="tertiary"):
                    st.session_state["map_inspect"] = r["name"]
                    st.rerun(scope="fragment")
            if top.empty:
                st.markdown("No place with coordinates for these filters.")
    fragment_done("map")


places = view.place_table().query("lat == lat")  # places with coordinates, most mentioned first (aggregated in the store)
draw_map()
png_export("Map PNG (2×)", "map_png", V.png_filename(nm["summary"], prefix="newsmap-map") + ".png",
           lambda: B.map_png(view, colors, nm["summary"], nm["source"]))
with st.expander("Places table"):
    if len(places) > V.TABLE_ROWS:
        st.caption(f"The {V.TABLE_ROWS} most mentioned of {len(places)} places; the Data page's downloads hold them all.")
    st.dataframe(places.head(V.TABLE_ROWS), hide_index=True, width="stretch")
