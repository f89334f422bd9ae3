import pytest

from newsmap import filters as F
from newsmap import views as V
from newsmap.load import load

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def corpus():
    return load()


@pytest.fixture(scope="module")
def hostile_view(corpus):
    """The seed view with a planted hostile quote, speaker and place name."""
    v = F.apply(corpus, F.Filters())
    q = v.quotes.copy()
    q.loc[q.index[0], ["text", "speaker"]] = [HOSTILE, HOSTILE]
    q.loc[q.index[0], "place"] = "Kiev"
    ev = v.events.copy()
    ev.at[ev.index[0], "summary"] = HOSTILE
    return F.View(v.articles, q, ev, v.places, v.actors, v.totals)


def test_colours_are_stable_and_distinct(corpus):
    c1 = V.actor_colors(corpus)
    assert V.actor_colors(corpus) == c1
    top = list(c1.values())[:10]
    assert len(set(top)) == 10


def test_popups_escape_article_text(hostile_view):
    feats = V.map_features(hostile_view, {})["features"]
    kyiv = next(f for f in feats if f["properties"]["name"] == "Kiev")
    popup = kyiv["properties"]["popup"]
    assert "<script>" not in popup and "<img" not in popup and "&lt;script&gt;" in popup


def test_article_html_escapes_and_anchors(corpus):
    art = corpus.articles.iloc[0]
    text = HOSTILE + " " + art["text"]
    out = V.article_html(text, "x", corpus.quotes.iloc[0:0], corpus.places.iloc[0:0], corpus.actors.iloc[0:0],
                         corpus.dates.iloc[0:0], {}, [(0, 10)])
    assert "<script>" not in out and "&lt;img src=x onerror=alert(2)&gt;" in out and "id='s-x-0'" in out


def test_article_html_highlights_the_seed(corpus):
    art = corpus.articles.iloc[0]
    a = art["id"]
    out = V.article_html(art["text"], a, corpus.quotes, corpus.places, corpus.actors, corpus.dates, V.actor_colors(corpus),
                         [tuple(s) for s in art["sentences"]])
    assert out.count("nm-quote") == 11 and "nm-place" in out and "nm-date" in out and "nm-actor" in out
    assert out.count("<span") == out.count("</span>")


def test_citation(corpus):
    q = corpus.quotes[corpus.quotes["kind"] == "direct"].iloc[0]
    art = corpus.articles.iloc[0]
    c = V.citation(q, art)
    assert c.startswith("« Nous considérerons cela") and "— Sergueï Lavrov, Rio de Janeiro, 19 Nov 2024, “" in c
    assert c.endswith("published 20 Nov 2024")


def test_story_is_in_date_order(corpus):
    s = V.story(F.apply(corpus, F.Filters()))
    dated = [r["sort"] for r in s if r["when"] != "undated"]
    assert dated == sorted(dated) and s[0]["when"] == "2022"


def test_quote_groups_most_quoted_first(corpus):
    groups = V.quote_groups(F.apply(corpus, F.Filters()))
    sizes = [len(g) for _, g in groups]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == 11


def test_map_fits_filtered_places(corpus):
    view = F.apply(corpus, F.Filters(places=["Kiev"]))
    m = V.build_map(V.map_features(view, {}))
    html = m.get_root().render()
    assert "fitBounds" in html and "tile.openstreetmap" not in html


def test_online_tiles_only_when_asked(corpus):
    html = V.build_map(V.map_features(F.apply(corpus, F.Filters()), {}), tiles="openstreetmap").get_root().render()
    assert "tile.openstreetmap.org" in html


def test_main_window_spans_the_articles_days(corpus):
    lo, hi = V.main_window(corpus.events, list(corpus.articles["published"]))
    assert str(lo) <= "2024-11-16" and str(hi) >= "2024-11-21" and (hi - lo).days < 30


# ---------------------------------------------------------------- a corpus of several articles (issue 9)
import datetime as dt  # noqa: E402

import pandas as pd  # noqa: E402

from multi_corpus import write_copies  # noqa: E402


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    return load(write_copies(tmp_path_factory.mktemp("copies")))


def synthetic_view(n_events: int, n_actors: int, days: int = 400) -> F.View:
    """n_events day-precision events spread over ``days`` days; actor k has more events than actor k+1."""
    start = dt.date(2024, 1, 1)
    cycle = [f"Actor {k}" for k in range(n_actors) for _ in range(n_actors - k)]
    rows = []
    for i in range(n_events):
        day = (start + dt.timedelta(days=(i * 37) % days)).isoformat()
        rows.append({"uid": f"a/e{i}", "article": "a", "id": f"e{i}", "kind": "strike", "summary": "s", "sentence": "s",
                     "sentence_start": 0, "start": 0, "end": 1, "date": day, "date_end": None, "date_precision": "day",
                     "date_relation": "on", "statement_date": None, "published": "2024-01-01", "places": [],
                     "actors": [cycle[i % len(cycle)]], "asserted_by": None, "quote_ids": []})
    arts = pd.DataFrame([{"id": "a", "title": "T", "source": "Outlet", "url": "", "published": "2024-01-01", "lang": "fr",
                          "path": "", "words": 1, "text": "s", "sentences": [[0, 1]]}])
    empty = load().quotes.iloc[0:0]
    return F.View(arts, empty, pd.DataFrame(rows), load().places.iloc[0:0], load().actors.iloc[0:0], {})


def test_fold_lanes_keeps_the_busiest_and_folds_the_rest():
    lanes = pd.Series(["A"] * 5 + ["B"] * 4 + ["C"] * 3 + ["D"] * 2 + ["E"])
    folded, order = V.fold_lanes(lanes, 2)
    assert order == ["A", "B", V.OTHER_LANE]
    assert list(folded).count(V.OTHER_LANE) == 6 and set(folded) == {"A", "B", V.OTHER_LANE}
    # folding one lane into "Other" would save nothing: it keeps its name
    assert V.fold_lanes(pd.Series(["A", "A", "B"]), 1)[1] == ["A", "B"]


@pytest.mark.parametrize("days,dtick,fmt", [
    (5, 86400000, "%a %d<br>%b"),   # days
    (45, 7 * 86400000, "%d<br>%b"),  # weeks
    (200, "M1", "%b<br>%Y"),        # months
    (420, "M2", "%b<br>%Y"),        # 14 months: every other month, month lines between
    (800, "M6", "%b<br>%Y"),        # two years: half years
    (3650, "M24", "%Y"),            # ten years
])
def test_axis_ticks_follow_the_span(days, dtick, fmt):
    lo = dt.date(2024, 3, 6)
    axis = V.axis_for_span(lo, lo + dt.timedelta(days=days))
    assert axis["dtick"] == dtick and axis["tickformat"] == fmt
    if dtick == 7 * 86400000:
        assert dt.date.fromisoformat(axis["tick0"]).weekday() == 0  # weeks start on Mondays


def test_timeline_folds_lanes_and_labels_the_other_lane():
    fig = V.timeline_figure(synthetic_view(200, 15), {}, max_lanes=5)
    lanes = {y for t in fig.data for y in t.y if y}
    assert len(lanes) == 6 and V.OTHER_LANE in lanes and "Actor 0" in lanes
    assert any("Other actors (10 actors)" in a.text for a in fig.layout.annotations)
    assert len(fig.data) <= 6  # one trace per lane, not one per event


def test_timeline_aggregates_past_a_few_thousand_points():
    fig = V.timeline_figure(synthetic_view(3000, 4, days=400), {})
    assert all(t.type == "scattergl" for t in fig.data)
    n = sum(int(c[1].split()[0]) for t in fig.data for c in t.customdata)
    assert n == 3000  # every event counted once, in week buckets that a click turns into a date range
    assert all(c[5].startswith("range:") for t in fig.data for c in t.customdata)
    a, b = fig.data[0].customdata[0][5].split(":")[1:]
    assert (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days == 6


def test_timeline_points_name_their_article(corpus):
    fig = V.timeline_figure(F.apply(corpus, F.Filters()), {})
    custom = [c for t in fig.data for c in t.customdata]
    assert custom and all("20 Nov 2024" in c[7] and "“L’ambassade" in c[7] for c in custom)
    assert "customdata[7]" in fig.data[0].hovertemplate


def test_paginate():
    assert V.paginate(45, 1, 20) == (1, 3, 0, 20)
    assert V.paginate(45, 3, 20) == (3, 3, 40, 45)
    assert V.paginate(45, 9, 20) == (3, 3, 40, 45)   # a filter made the list shorter: last page
    assert V.paginate(0, 2, 20) == (1, 1, 0, 0)


def test_source_line_lists_the_articles_of_the_view(copies):
    everything = V.source_line(F.apply(copies, F.Filters()))
    assert everything.startswith("Source: ") and everything.count("Copy number") == 3
    peskov = V.source_line(F.apply(copies, F.Filters(actors=["Dmitri Peskov"])))
    assert peskov == "Source: “Copy number 2 of the seed”, Outlet 2, published 22 Nov 2024"


def test_article_table_counts_the_view(copies):
    t = V.article_table(F.apply(copies, F.Filters(actors=["Sergueï Lavrov"])))
    assert list(t["id"]) == ["copy-1", "copy-3"] and list(t["quotes"]) == [3, 3] and list(t["source"]) == ["Outlet 1", "Outlet 3"]
    assert (t["events"] > 0).all()


def test_actor_table_has_kinds_and_counts_that_say_what_they_count(copies):
    t = V.actor_table(copies).set_index("name")
    assert t.loc["Sergueï Lavrov", "kind"] == "person" and t.loc["Sergueï Lavrov", "label"] == "6 quotes · 6 events"
    assert t.loc["Dmitri Peskov", "label"] == "3 quotes · 3 events"
    assert V.actor_option("X", "state", "1 event") == "X — state · 1 event"
    assert V.actor_counts_label(0, 0) == "only mentioned" and V.actor_counts_label(1, 0) == "1 quote"


def test_map_labels_the_main_places_and_popups_name_their_article(copies):
    view = F.apply(copies, F.Filters())
    feats = V.map_features(view, {}, link_query={"actor": ["Sergueï Lavrov"]}, label_top=3)["features"]
    labelled = [f["properties"]["name"] for f in feats if f["properties"]["label"]]
    assert len(labelled) == 3 and "Kiev" in labelled
    rio = next(f["properties"]["popup"] for f in feats if f["properties"]["name"] == "Rio de Janeiro")
    assert "Copy number 1 of the seed” · Outlet 1 · 21 Nov 2024" in rio and "target='_blank'" in rio
    assert "/article?actor=Sergue" in rio and "focus=copy-1%3A" in rio
    assert "<a " not in V.map_features(view, {})["features"][0]["properties"]["popup"]  # no link without a query (briefing)


def test_map_html_has_legend_clusters_and_fits_the_places(corpus):
    html = V.build_map(V.map_features(F.apply(corpus, F.Filters()), {})).get_root().render()
    assert "function nmPlaces" in html and "nm-legend" in html and "nm-cluster" in html and "fitBounds" in html
    assert '"maxZoom": 6' in html  # one place is not zoomed onto a street or an empty coastline


def test_place_detail_lists_events_and_quotes_with_their_article(copies):
    events, quotes = V.place_detail(F.apply(copies, F.Filters()), "Rio de Janeiro")
    assert len(quotes) == 9 and {q["source"].split(" · ")[1] for q in quotes} == {"Outlet 1", "Outlet 2", "Outlet 3"}
    assert events and all(e["source"] for e in events)


def test_map_payload_stays_small_past_the_busiest_places(copies):
    feats = V.map_features(F.apply(copies, F.Filters()), {}, popup_top=2)["features"]
    ranked = sorted(feats, key=lambda f: f["properties"]["rank"])
    assert "•" in ranked[0]["properties"]["popup"] or "«" in ranked[0]["properties"]["popup"]  # the busiest: the full list
    rest = [f["properties"]["popup"] for f in ranked[2:] if f["properties"]["items"]]
    assert rest and all("click the place to list them" in p and "•" not in p for p in rest)
