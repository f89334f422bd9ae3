"""Map: every place with coordinates; click a place to filter every page to it."""
import os

import streamlit as st
from streamlit_folium import st_folium

from newsmap import briefing as B
from newsmap import views as V
from pages._boot import frame_state, png_export

nm = frame_state()
view, colors = nm["view"], nm["colors"]
TILES = os.environ.get("NEWSMAP_TILES", "").lower() or None  # opt-in online tiles: openstreetmap | carto


@st.fragment
def draw_map():
    features = V.map_features(view, colors)
    st.caption(f"{len(features['features'])} places · filled = where something happened · dashed = where something was said · "
               "faint = only mentioned · size = mentions · click a place to filter every page to it")
    out = st_folium(V.build_map(features, tiles=TILES), key="main_map", height=560, use_container_width=True,
                    returned_objects=["last_object_clicked_tooltip"], render=False)
    clicked = (out or {}).get("last_object_clicked_tooltip")
    if clicked:
        name = clicked.strip()
        if name in {f["properties"]["name"] for f in features["features"]} and st.session_state.get("place") != [name]:
            st.session_state["pending_place"] = name
            st.rerun(scope="app")


draw_map()
png_export("Map PNG (2×)", "map_png", V.png_filename(nm["summary"], prefix="newsmap-map") + ".png",
           lambda: B.map_png(view, colors, nm["summary"], nm["source"]))
with st.expander("Places table"):
    st.dataframe(V.place_table(view).drop(columns=["forms"]), hide_index=True, width="stretch")
