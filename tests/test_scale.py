"""The dashboard on a generated corpus of moderate size (bench/make_corpus.py): the timeline and the
map are computed in the store and stay small, whatever the corpus. Sizes, not times."""
import datetime as dt
import sys

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from newsmap import filters as F
from newsmap import views as V
from newsmap.query import Store

sys.path.insert(0, str(ROOT / "bench"))
from dashboard_scale import payload_bytes  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

PAGES = ["pages/overview.py", "pages/map.py", "pages/timeline.py", "pages/quotes.py", "pages/article.py", "pages/data.py"]


@pytest.fixture(scope="module")
def scale_dir(tmp_path_factory):
    """260 articles (about 2,600 events: past the timeline's aggregation threshold) over four months."""
    return make_corpus(260, tmp_path_factory.mktemp("scale") / "data", seed=11, months=4)


@pytest.fixture(scope="module")
def store(scale_dir):
    s = Store.open(scale_dir)
    yield s
    s.con.close()


def as_plain(view) -> F.View:
    """The same view as a plain filters.View: the figure is then drawn from its whole tables in pandas."""
    return F.View(view.articles, view.quotes, view.events, view.places, view.actors, view.totals)


def filters(store):
    names = list(store.actor_counts)
    return [F.Filters(), F.Filters(actors=[names[0]]), F.Filters(actors=[names[len(names) // 2]]),
            F.Filters(start=dt.date(2024, 7, 1), end=dt.date(2024, 7, 30)), F.Filters(places=[store.place_names[3]]),
            F.Filters(kinds=["direct"], q="la")]


def test_timeline_is_drawn_from_the_store_without_its_event_table(store):
    """Above and below the aggregation threshold, with and without the earlier context: the figure
    computed in SQL is the one pandas draws from the whole view, and the view's event table is never
    fetched to draw it."""
    assert store.totals["events"] > V.AGGREGATE_ABOVE
    kinds = set()
    for f in filters(store):
        for context in (True, False):
            view = store.view(f)
            fig = V.timeline_figure(view, store.colors, show_context=context, max_lanes=5)
            assert "events" not in view.__dict__, f  # no whole-table fetch (cached_property not filled)
            ref = V.timeline_figure(as_plain(store.view(f)), store.colors, show_context=context, max_lanes=5)
            assert fig.to_plotly_json() == ref.to_plotly_json(), (f, context)
            kinds.add((fig.layout.meta or {}).get("counts_per"))
    assert "week" in kinds and None in kinds  # both paths were compared: buckets and single events


def test_map_page_draws_the_most_mentioned_places_and_says_how_many_more(store, scale_dir, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(scale_dir))
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    monkeypatch.setattr(V, "MAP_PLACES", 50)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/map.py").run()
    assert not at.exception
    total = store.view(F.Filters()).counts["mapped_places"]
    assert total > 50
    assert any(f"The 50 most mentioned places · {total - 50} more places not drawn" in c.value for c in at.caption)
    shown = V.map_features(store.view(F.Filters()).map_view(50), store.colors)["features"]
    top = store.view(F.Filters()).place_table().query("lat == lat").head(50)
    assert sorted(ft["properties"]["name"] for ft in shown) == sorted(top["name"])


def test_map_caption():
    assert V.map_caption(10, 10).startswith("10 places · click")
    assert V.map_caption(1000, 1003).startswith("The 1000 most mentioned places · 3 more places not drawn")


def test_every_page_stays_small(scale_dir, monkeypatch):
    """Every page's elements (serialized as sent to the browser) on the generated corpus, without a
    filter: the map holds at most MAP_PLACES markers, the timeline counts instead of points."""
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(scale_dir))
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    monkeypatch.setattr(V, "MAP_PLACES", 100, raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    sizes = {}
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, page
        sizes[page] = payload_bytes(at)
    assert all(n < 700_000 for n in sizes.values()), sizes


def test_a_clicked_timeline_event_is_shown_while_in_the_view(store, scale_dir, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(scale_dir))
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    ev = store.view(F.Filters()).page("events", 1, 5, order="ord").iloc[0]
    other = next(n for n in store.actor_counts if n not in ev["actors"] and n != ev["asserted_by"])
    for state, shown in (({}, True), ({"actor": [other]}, False)):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for k, v in state.items():
            at.session_state[k] = v
        at.run()
        at.session_state["tl_event"] = ev["uid"]
        at.switch_page("pages/timeline.py").run()
        assert not at.exception
        assert (ev["sentence"] in [t.value for t in at.text]) == shown, state


def test_the_article_picker_lists_the_latest_articles_when_there_are_many(store, scale_dir, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(scale_dir))
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    monkeypatch.setattr(Store, "PICKER_ARTICLES", 40)
    st.cache_resource.clear()  # the app's shared store of an earlier test holds its list already
    oldest = store.table("articles").sort_values("published")["id"].iloc[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["article"] = oldest  # a link naming an article the list does not hold
    at.run()
    assert not at.exception
    picker = at.multiselect(key="article")
    assert len(picker.options) == 41 and picker.value == [oldest] and "40 most recently published of 260" in picker.help
    by_date = store.table("articles").sort_values("published", kind="stable")  # corpus order within a day
    listed = [o for o in picker.options if o != store.titles[oldest]]  # options are shown by their titles
    assert sorted(listed) == sorted(store.titles[i] for i in by_date["id"].iloc[-40:])


def test_the_actor_and_place_pickers_list_the_most_active_and_a_link_reaches_any_other(store, scale_dir, monkeypatch):
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(scale_dir))
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    monkeypatch.setattr(Store, "PICKER_ACTORS", 12)
    monkeypatch.setattr(Store, "PICKER_PLACES", 9)
    st.cache_resource.clear()  # the app's shared store of an earlier test holds its lists already
    active = store.actor_options()
    rare_actor = active[-1]
    mentions = store.table("places").groupby("name")["count"].sum().sort_values(ascending=False, kind="stable")
    rare_place = mentions.index[-1]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["actor"] = rare_actor  # a link naming what the lists do not hold
    at.query_params["place"] = rare_place
    at.run()
    assert not at.exception
    actors, places = at.multiselect(key="actor"), at.multiselect(key="place")
    assert actors.value == [rare_actor] and places.value == [rare_place]
    labels = store.actor_labels
    assert actors.options == [labels[n] for n in active[:12]] + [labels[rare_actor]]  # the most active first, then the chosen
    assert f"12 most active of {len(active)} actors" in actors.help
    top = set(mentions.index[:9])
    assert len(top) == 9 and set(places.options) == top | {rare_place} and f"9 most mentioned of {len(store.place_names)} places" in places.help


def test_a_typed_name_names_its_actor_place_or_article_whatever_its_case_and_accents(store):
    accented = next(n for n in store.actor_options() if F.fold(n) != n.lower())
    assert store.find("actor", F.fold(accented).upper()) == accented  # "INES YILMAZ" → "Inès Yilmaz"
    assert store.find("actor", "zzqx") is None
    surname = accented.split()[-1]
    sharing = [n for n in store.actor_counts if F.fold(surname) in F.fold(n)]
    assert store.find("actor", surname) == (sharing[0] if len(sharing) == 1 else None)  # several: the user types more
    place = store.place_names[7]
    assert store.find("place", place.lower()) == place
    aid, title = next(iter(store.titles.items()))
    assert store.find("article", title.upper()) == aid and store.find("article", aid) == aid
    assert store.resolve("actor", [F.fold(accented), "zzqx", accented]) == ([accented], ["zzqx"])
