"""Data: the articles of the current view, then the tables behind it, with CSV, JSON and GeoJSON
downloads built only when clicked."""
import streamlit as st

from newsmap import export
from newsmap import views as V
from pages._boot import frame_state

SHOWN = 500

nm = frame_state()
view = nm["view"]
stem = V.png_filename(nm["summary"], prefix="newsmap")

arts = view.article_table(limit=SHOWN).rename(columns={"outlet": "source"})
n_arts = view.counts["articles"]
st.markdown(f"#### By article ({n_arts})")
st.caption("The articles of the view, with how many of its quotes and events each gives. Open one in the reader from its link."
           + (f" The first {len(arts)} by date." if n_arts > len(arts) else ""))
arts = arts.assign(open=[V.article_link(nm["filters"].to_query(), a) for a in arts["id"]])
outlets = arts["source"].fillna("").astype(bool).any()  # no empty Outlet column taking the titles' room
st.dataframe(arts, hide_index=True, width="stretch",
             column_order=["published", *(["source"] if outlets else []), "title", "quotes", "events", "open"],
             column_config={"published": st.column_config.TextColumn("Published", width=96), "source": "Outlet",
                            "title": st.column_config.TextColumn("Title", width=640),
                            "quotes": st.column_config.NumberColumn("Quotes", help="quotes of the view in this article", width=70),
                            "events": st.column_config.NumberColumn("Events", help="events of the view in this article", width=70),
                            "open": st.column_config.LinkColumn("Reader", display_text="open ↗", width=80)})

all_actors = st.toggle("Include actors only mentioned (no quote, no event in the view)", key="data_all_actors")
actors = view.actor_table(with_zero=all_actors, limit=SHOWN)
st.markdown(f"#### Actors in the view ({len(actors)}{'+' if len(actors) == SHOWN else ''})")
st.dataframe(actors, hide_index=True, width="stretch", column_order=["name", "kind", "quotes", "events"],
             column_config={"name": "Actor", "kind": "Kind", "quotes": st.column_config.NumberColumn("Quotes", help="quotes said"),
                            "events": st.column_config.NumberColumn("Events", help="events the actor takes part in")})

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
    # data= a function: the file is built when the button is clicked, not on every rerun
    cols[0].download_button("CSV", lambda name=name: export.render(view, name, "csv"), f"{stem}-{name}.csv", "text/csv",
                            key=f"{name}-csv", icon=":material/download:")
    cols[1].download_button("JSON", lambda name=name: export.render(view, name, "json"), f"{stem}-{name}.json", "application/json",
                            key=f"{name}-json", icon=":material/download:")
    if name in ("events", "places"):
        cols[2].download_button("GeoJSON", lambda name=name: export.render(view, name, "geojson"), f"{stem}-{name}.geojson",
                                "application/geo+json", key=f"{name}-geojson", icon=":material/download:")
