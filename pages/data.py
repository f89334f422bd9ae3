"""Data: the tables behind the current view, with CSV, JSON and GeoJSON downloads."""
import streamlit as st

from newsmap import export
from newsmap.views import png_filename
from pages._boot import frame_state

nm = frame_state()
view = nm["view"]
stem = png_filename(nm["summary"], prefix="newsmap")

for name in ("events", "quotes", "places", "actors"):
    df = export.table(view, name)
    st.markdown(f"#### {name.capitalize()} ({len(df)})")
    st.dataframe(df, hide_index=True, width="stretch")
    cols = st.columns(4)
    cols[0].download_button("CSV", export.render(view, name, "csv"), f"{stem}-{name}.csv", "text/csv", key=f"{name}-csv")
    cols[1].download_button("JSON", export.render(view, name, "json"), f"{stem}-{name}.json", "application/json", key=f"{name}-json")
    if name in ("events", "places"):
        cols[2].download_button("GeoJSON", export.render(view, name, "geojson"), f"{stem}-{name}.geojson",
                                "application/geo+json", key=f"{name}-geojson")
