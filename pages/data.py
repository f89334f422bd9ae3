"""Data: the tables behind the current view (first rows shown), with CSV, JSON and GeoJSON downloads
built when clicked."""
import streamlit as st

from newsmap import export
from newsmap.views import png_filename
from pages._boot import frame_state

SHOWN = 500

nm = frame_state()
view = nm["view"]
stem = png_filename(nm["summary"], prefix="newsmap")
shown = {"events": lambda: view.page("events", SHOWN, order="ord"), "quotes": lambda: view.page("quotes", SHOWN),
         "places": lambda: view.place_table(limit=SHOWN), "actors": lambda: view.actor_table(with_zero=True, limit=SHOWN)}
total = {"events": view.counts["events"], "quotes": view.counts["quotes"], "places": view.counts["places"], "actors": view.counts["actors"]}

for name in ("events", "quotes", "places", "actors"):
    df = shown[name]()
    if name in ("events", "quotes"):
        df = df[export.PUBLIC_COLUMNS[name]]
    st.markdown(f"#### {name.capitalize()} ({total[name]})")
    if total[name] > len(df):
        st.caption(f"The first {len(df)} rows; the downloads hold all {total[name]}.")
    st.dataframe(df, hide_index=True, width="stretch")
    cols = st.columns(4)
    cols[0].download_button("CSV", lambda name=name: export.render(view, name, "csv"), f"{stem}-{name}.csv", "text/csv", key=f"{name}-csv")
    cols[1].download_button("JSON", lambda name=name: export.render(view, name, "json"), f"{stem}-{name}.json", "application/json",
                            key=f"{name}-json")
    if name in ("events", "places"):
        cols[2].download_button("GeoJSON", lambda name=name: export.render(view, name, "geojson"), f"{stem}-{name}.geojson",
                                "application/geo+json", key=f"{name}-geojson")
