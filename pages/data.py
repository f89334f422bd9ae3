"""Data: the articles of the current view, then the tables behind it, with CSV, JSON and GeoJSON
downloads built only when clicked."""
import streamlit as st

from newsmap import export
from newsmap import views as V
from pages._boot import frame_state

nm = frame_state()
view = nm["view"]
stem = V.png_filename(nm["summary"], prefix="newsmap")
SHOW_ROWS = 500  # the table in the page; the downloads hold every row

arts = V.article_table(view)
st.markdown(f"#### By article ({len(arts)})")
st.caption("The articles the view's quotes and events come from, with how many of each. Open one in the reader from its link.")
arts = arts.assign(open=[V.article_link(nm["filters"].to_query(), a) for a in arts["id"]])
st.dataframe(arts, hide_index=True, width="stretch",
             column_order=["published", "source", "title", "quotes", "events", "open"],
             column_config={"published": "Published", "source": "Outlet", "title": st.column_config.TextColumn("Title", width="large"),
                            "quotes": st.column_config.NumberColumn("Quotes", help="quotes of the view in this article"),
                            "events": st.column_config.NumberColumn("Events", help="events of the view in this article"),
                            "open": st.column_config.LinkColumn("Reader", display_text="open ↗")})

actors = V.actor_table(view)
all_actors = st.toggle("Include actors only mentioned (no quote, no event in the view)", key="data_all_actors")
shown = actors if all_actors else actors[actors["total"] > 0]
st.markdown(f"#### Actors in the view ({len(shown)})")
st.dataframe(shown.head(SHOW_ROWS), hide_index=True, width="stretch", column_order=["name", "kind", "quotes", "events"],
             column_config={"name": "Actor", "kind": "Kind", "quotes": st.column_config.NumberColumn("Quotes", help="quotes said"),
                            "events": st.column_config.NumberColumn("Events", help="events the actor takes part in")})

for name in ("events", "quotes", "places", "actors"):
    df = export.table(view, name)
    st.markdown(f"#### {name.capitalize()} ({len(df)})")
    if len(df) > SHOW_ROWS:
        st.caption(f"First {SHOW_ROWS} of {len(df)} rows; the downloads hold them all.")
    st.dataframe(df.head(SHOW_ROWS), hide_index=True, width="stretch")
    cols = st.columns(4)
    # data= a function: the file is built when the button is clicked, not on every rerun
    cols[0].download_button("CSV", lambda name=name: export.render(view, name, "csv"), f"{stem}-{name}.csv", "text/csv",
                            key=f"{name}-csv", icon=":material/download:")
    cols[1].download_button("JSON", lambda name=name: export.render(view, name, "json"), f"{stem}-{name}.json", "application/json",
                            key=f"{name}-json", icon=":material/download:")
    if name in ("events", "places"):
        cols[2].download_button("GeoJSON", lambda name=name: export.render(view, name, "geojson"), f"{stem}-{name}.geojson",
                                "application/geo+json", key=f"{name}-geojson", icon=":material/download:")
