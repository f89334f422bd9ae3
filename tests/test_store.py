"""The query store (DuckDB) against today's loading and filtering in pandas: same records, same
filter results on the seed and on a synthetic multi-article corpus, rebuilt when the corpus or the
corrections change, never half-written."""
import datetime as dt
import random
import shutil
import sys

import pytest

from conftest import ROOT
from newsmap import filters as F
from newsmap import store as S
from newsmap import views as V
from newsmap.load import load
from newsmap.query import Store

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402

TABLES = ("articles", "quotes", "events", "places", "actors", "dates")


@pytest.fixture(scope="module")
def multi(tmp_path_factory):
    """30 synthetic articles over two months, and one correction of each action."""
    d = make_corpus(30, tmp_path_factory.mktemp("multi") / "data", seed=3, months=2)
    corpus = load(d)
    speaker = corpus.quotes["speaker"].iloc[0]
    place = corpus.places["name"].iloc[0]
    (d / "corrections.toml").write_text(f"""
[[correction]]
action = "drop"
table = "events"
where = {{ id = "e2" }}

[[correction]]
action = "fix"
table = "places"
where = {{ name = "{place}" }}
set = {{ name = "{place} (corrigé)" }}

[[correction]]
action = "merge"
actors = ["{speaker}", "{corpus.actors['name'].iloc[-1]}"]

[[correction]]
action = "drop"
table = "quotes"
where = {{ text = "nothing like this" }}
""", encoding="utf-8")
    return d


def key(df, name):
    return list(df["uid"] if name != "articles" else df["id"])


@pytest.mark.parametrize("which", ["seed", "multi"])
def test_store_holds_what_load_gives(which, seed_corpus, multi):
    d = seed_corpus if which == "seed" else multi
    ref, got = load(d), Store.open(d).corpus()
    for name in TABLES:
        a, b = ref.table(name), got.table(name)
        assert len(a) == len(b) and key(a, name) == key(b, name), name
    cols = ["speaker", "place", "kind", "date", "text", "start", "end"]
    assert ref.quotes[cols].astype(str).equals(got.quotes[cols].astype(str))
    assert list(ref.events["actors"]) == list(got.events["actors"]) and list(ref.events["places"]) == list(got.events["places"])
    assert list(ref.places["spans"]) == list(got.places["spans"])
    assert got.warnings == ref.warnings
    if which == "multi":
        assert len(ref.warnings) == 1 and got.places["name"].str.endswith("(corrigé)").any()


def random_filters(corpus, rng: random.Random, n: int):
    actors = sorted(set(corpus.quotes["speaker"].dropna()) | {a for xs in corpus.events["actors"] for a in xs})
    places = sorted(set(corpus.places["name"]))
    days = sorted(corpus.articles["published"])
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    words = [w for s in corpus.quotes["text"].head(20) for w in s.split() if len(w) > 4] or ["guerre"]
    out = [F.Filters(), F.Filters(q="ZZZ-nothing")]
    for _ in range(n):
        f = F.Filters()
        if rng.random() < 0.5:
            f.actors = rng.sample(actors, rng.randint(1, 2))
        if rng.random() < 0.4:
            f.places = rng.sample(places, rng.randint(1, 2))
        if rng.random() < 0.4:
            a = first + dt.timedelta(days=rng.randint(-10, (last - first).days))
            f.start, f.end = rng.choice([(a, a + dt.timedelta(days=rng.randint(0, 20))), (a, None), (None, a)])
        if rng.random() < 0.3:
            f.kinds = rng.sample(list(F.QUOTE_KINDS), rng.randint(1, 2))
        if rng.random() < 0.3:
            f.articles = list(rng.sample(list(corpus.articles["id"]), min(3, len(corpus.articles))))
        if rng.random() < 0.25:
            f.q = rng.choice(words).upper()
        out.append(f)
    return out


@pytest.mark.parametrize("which", ["seed", "multi"])
def test_store_filters_match_the_pandas_filters(which, seed_corpus, multi):
    d = seed_corpus if which == "seed" else multi
    corpus, store = load(d), Store.open(d)
    for f in random_filters(corpus, random.Random(11), 60):
        ref, view = F.apply(corpus, f), store.view(f)
        for name in ("quotes", "events", "places", "actors"):
            assert key(getattr(ref, name), name) == key(getattr(view, name), name), (f, name)
        assert view.summary() == F.summary(f, ref), f
        assert view.counts["places"] == len(F.aggregate_places(ref.places)), f
        agg = F.aggregate_places(ref.places).set_index("name")["mentions"].sort_index()
        got = view.place_table().set_index("name")["mentions"].sort_index()
        assert agg.astype(int).to_dict() == got.astype(int).to_dict(), f
        if which == "multi":
            shown = set(ref.events["article"]) | set(ref.quotes["article"])
            narrowed = f.actors or f.start or f.end or f.kinds or f.q or f.places
            assert set(view.articles["id"]) == (shown if narrowed else set(ref.articles["id"])), f
        # every figure of the one counting query against the tables of the view
        arts = view.articles.sort_values("published", kind="stable")  # view.articles is in corpus order
        places = F.aggregate_places(ref.places)
        assert view.counts == {"events": len(ref.events), "quotes": len(ref.quotes), "places": len(places),
                               "actors": ref.actors["name"].nunique(), "articles": len(view.articles),
                               "mapped_places": int(places["lat"].notna().sum()),
                               "speakers": ref.quotes["speaker"].nunique()}, f
        assert view.source_line() == F.source_text(arts.head(3), len(arts)), f
        pubs = sorted(view.articles["published"])
        assert view.main_window == V.main_window(view.events, [pubs[0], pubs[-1]] if pubs else []), f


def test_source_line_cites_the_articles_in_the_view(multi):
    store = Store.open(multi)
    top = next(iter(store.actor_options()))
    rare = store.actor_options()[-1]
    view = store.view(F.Filters(actors=[rare]))
    cited = view.articles.sort_values("published")["title"].head(3)
    line = view.source_line()
    assert len(cited) and all(t in line for t in cited)
    firsts = store.view(F.Filters()).page("articles", 3)["title"]
    assert not set(firsts) <= set(cited) or set(firsts) == set(cited)
    assert view.counts["articles"] < store.totals["articles"]
    actors = store.view(F.Filters()).actor_table()
    assert (actors["quotes"] + actors["events"] > 0).all() and actors["name"].iloc[0] == top
    assert set(actors["kind"]) <= {"person", "organisation", "state"}


def test_pages_are_page_sized(multi):
    view = Store.open(multi).view(F.Filters())
    ev = view.page("events", 10, 5)
    assert len(ev) == 10 and list(ev["uid"]) == list(view.page("events", 15)["uid"])[5:]
    arts = view.article_table()
    assert len(arts) == 30 and arts["events"].sum() == view.counts["events"] and arts["quotes"].sum() == view.counts["quotes"]
    assert arts["outlet"].map(bool).all()


def test_store_follows_the_corpus_and_the_corrections(seed_corpus):
    n = Store.open(seed_corpus).totals["events"]
    first = S.store_path(seed_corpus)
    assert first.exists() and S.fingerprint(seed_corpus)[:16] in first.name
    (seed_corpus / "corrections.toml").write_text('[[correction]]\naction = "drop"\ntable = "events"\nwhere = { id = "e2" }\n',
                                                  encoding="utf-8")
    assert Store.open(seed_corpus).totals["events"] == n - 1  # stale store rebuilt on open
    assert not first.exists() and len(list(seed_corpus.glob("*.duckdb"))) == 1
    S.store_path(seed_corpus).write_bytes(b"not a database")
    assert Store.open(seed_corpus).totals["events"] == n - 1  # a damaged store is rebuilt too


def test_open_reader_keeps_its_version_while_the_store_is_rebuilt(seed_corpus):
    old = Store.open(seed_corpus)
    n = old.totals["events"]
    (seed_corpus / "corrections.toml").write_text('[[correction]]\naction = "drop"\ntable = "events"\nwhere = { id = "e1" }\n',
                                                  encoding="utf-8")
    S.build(seed_corpus)
    assert old.view(F.Filters()).counts["events"] == n and Store.open(seed_corpus).totals["events"] == n - 1
    assert not [p for p in seed_corpus.iterdir() if p.name.endswith(".tmp")]


def test_build_store_command(seed_corpus, capsys):
    from newsmap.cli import main

    S.store_path(seed_corpus).unlink(missing_ok=True)
    assert main(["build-store", "--data-dir", str(seed_corpus)]) == 0
    assert S.store_path(seed_corpus).exists() and "built" in capsys.readouterr().out
    shutil.rmtree(seed_corpus)
    assert main(["build-store", "--data-dir", str(seed_corpus)]) == 2
    assert "no corpus" in capsys.readouterr().err


def test_map_view_draws_the_same_map_as_the_whole_view(multi):
    from newsmap import views as V

    corpus, store = load(multi), Store.open(multi)
    for f in random_filters(corpus, random.Random(5), 25):
        assert V.map_features(store.view(f).map_view(None), store.colors) == V.map_features(F.apply(corpus, f), store.colors), f
        # popups listing items only for the busiest places: the others' colour and role stay the same
        assert (V.map_features(store.view(f).map_view(None, popup_top=3), store.colors, popup_top=3)
                == V.map_features(F.apply(corpus, f), store.colors, popup_top=3)), f
    few = V.map_features(store.view(F.Filters()).map_view(5), store.colors)["features"]
    assert len(few) == 5


def test_story_page_is_the_start_of_the_story(multi):
    from newsmap import views as V

    corpus, store = load(multi), Store.open(multi)
    for f in random_filters(corpus, random.Random(8), 10):
        first = store.view(f).page("events", 12)
        assert V.story(F.View(first, first, first, first, first, {})) == V.story(F.apply(corpus, f))[:12], f


def test_quote_pages_follow_the_quote_groups(multi):
    from newsmap import views as V

    corpus, store = load(multi), Store.open(multi)
    for f in random_filters(corpus, random.Random(4), 10):
        whole = [(n, list(g["uid"])) for n, g in V.quote_groups(F.apply(corpus, f))]
        flat = [(n, u) for n, uids in whole for u in uids]
        view = store.view(f)
        for offset in (0, 7, 40):
            groups, sizes, total = view.quote_groups(15, offset)
            assert [(n, u) for n, g in groups for u in g["uid"]] == flat[offset:offset + 15], f
            assert total == len(flat) and all(sizes[n] == len(dict(whole)[n]) for n, _g in groups)
    word = corpus.quotes["text"].iloc[0].split()[1]
    groups, _sizes, total = store.view(F.Filters()).quote_groups(1000, needle=word.upper())
    assert total == sum(F.fold(word) in F.fold(t) for t in corpus.quotes["text"]) == sum(len(g) for _n, g in groups)


def test_a_build_apart_gives_the_same_store_or_one_clear_error(seed_corpus, tmp_path):
    from newsmap.errors import NewsmapError

    assert Store.open(seed_corpus, apart=True).totals == Store.open(seed_corpus).totals
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "corpus.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(NewsmapError, match="damaged"):
        Store.open(tmp_path / "bad", apart=True)
