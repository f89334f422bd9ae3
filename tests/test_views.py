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
    q.loc[q.index[0], "place"] = "Kyiv"
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
    kyiv = next(f for f in feats if f["properties"]["name"] == "Kyiv")
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
    view = F.apply(corpus, F.Filters(places=["Kyiv"]))
    m = V.build_map(V.map_features(view, {}))
    html = m.get_root().render()
    assert "fitBounds" in html and "tile.openstreetmap" not in html


def test_online_tiles_only_when_asked(corpus):
    html = V.build_map(V.map_features(F.apply(corpus, F.Filters()), {}), tiles="openstreetmap").get_root().render()
    assert "tile.openstreetmap.org" in html


def test_main_window_spans_the_articles_days(corpus):
    lo, hi = V.main_window(corpus.events, list(corpus.articles["published"]))
    assert str(lo) <= "2024-11-16" and str(hi) >= "2024-11-21" and (hi - lo).days < 30
