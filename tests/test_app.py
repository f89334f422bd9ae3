"""AppTest for every page: renders without exception, URL parameters preset the filters, filters
change the counts, the map is offline, the timeline has the expected traces.

AppTest runs a switched-to page file on its own (without app.py), so the frame (filters, summary)
is computed by a first run of app.py and the page then draws that state; the browser suite
(tests/e2e) covers the real navigation."""
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, blocks

APP = str(ROOT / "app.py")
PAGES = ["pages/overview.py", "pages/map.py", "pages/timeline.py", "pages/quotes.py", "pages/article.py", "pages/data.py"]


@pytest.fixture(autouse=True)
def debug(monkeypatch):
    """Tracebacks through: the app shows a message instead only when NEWSMAP_DEBUG is off."""
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")


def run_app(page=None, params=None, data_dir=None, monkeypatch=None):
    if data_dir is not None:
        monkeypatch.setenv("NEWSMAP_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def summary(at):
    return next(v for v in blocks(at) if "nm-summary" in v)


def test_frame_renders_summary_and_source_line():
    at = run_app()
    assert not at.exception, at.exception
    s = summary(at)
    assert "All actors, all dates" in s and "19 of 19 events" in s and "11 of 11 quotes" in s and "Source:" in s
    assert "published 20 Nov 2024" in s
    options = at.multiselect(key="actor").options
    assert options[0] == "Ambassade des États-Unis en Ukraine — organisation · 3 quotes · 4 events"
    assert "Sergueï Lavrov — person · 3 quotes · 3 events" in options
    assert not [o for o in options if "(0)" in o or "only mentioned" in o]  # no zero-count entries


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page):
    at = run_app(page)
    assert not at.exception, at.exception
    assert len(at.main.children) > 0


def test_url_parameters_preset_the_filters_and_change_the_counts():
    at = run_app(params={"actor": "Sergueï Lavrov"})
    assert not at.exception
    assert at.multiselect(key="actor").value == ["Sergueï Lavrov"]
    s = summary(at)
    assert "Actor: Sergueï Lavrov" in s and "3 of 11 quotes" in s
    at.switch_page("pages/quotes.py").run()
    cards = [m.value for m in at.markdown if "«" in m.value]
    assert len(cards) == 3 and all("Lavrov" not in c or "«" in c for c in cards)


def test_overview_figures_are_the_views_counts():
    """One row of figures (not five stacked metrics on a phone), counted for the filtered view."""
    def figures(at):
        row = next(v for v in blocks(at) if "data-testid='nm-figures'" in v)
        return dict(re.findall(r"<span>(\w+)</span><b>([\d,]+)</b>", row))
    assert figures(run_app()) == {"Events": "19", "Quotes": "11", "Places": "10", "Speakers": "7", "Articles": "1"}
    assert figures(run_app(params={"actor": "Sergueï Lavrov"}))["Quotes"] == "3"


def test_story_tells_the_articles_days_first_and_earlier_context_after():
    """The seed recalls the 2022 Nord Stream blasts: the story starts on the days the article reports,
    and the background follows under its own heading (a screenshot does not open on 2022)."""
    at = run_app()
    story = next(v for v in blocks(at) if "nm-src" in v and "Nord Stream" in v)
    head = story.index("Earlier context")
    assert story.index("19 Nov 2024") < head < story.index("<b>2022</b>")
    assert story.find("<b>2022</b>") > story.rfind("Nov 2024</b>")


def test_the_map_pages_imports_are_warmed_in_the_background_after_the_first_page():
    """The first visit to the Map does not wait on folium's import: after the first page of a server,
    a background thread has imported it (a fresh interpreter: nothing imported it before)."""
    import subprocess
    import sys
    code = ("import sys, threading; from streamlit.testing.v1 import AppTest; "
            f"at = AppTest.from_file({APP!r}, default_timeout=60); at.run(); assert not at.exception; "
            "[t.join(30) for t in threading.enumerate() if t.name == 'newsmap-warm-imports']; "
            "print('folium' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.split()[-1:] == ["True"], out.stderr[-500:]


def test_date_range_from_url():
    at = run_app(params={"from": "2024-11-19", "to": "2024-11-19"})
    s = summary(at)
    assert "19 Nov 2024" in s and "of 19 events" in s and not s.startswith("All")
    n = int(re.search(r"(\d+) of 19 events", s).group(1))
    assert 0 < n < 19


@pytest.mark.parametrize("state,expected", [
    ({"kind": ["direct"]}, "1 of 11 quotes"),
    ({"place": ["Rio de Janeiro"]}, "3 of 11 quotes"),
    ({"q": "ATACMS"}, "0 of 11 quotes"),
    ({"actor": ["Kremlin"], "kind": ["partial"]}, "1 of 11 quotes"),
])
def test_filter_state_changes_counts(state, expected):
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in state.items():
        at.session_state[k] = v
    at.run()
    assert not at.exception and expected in summary(at)


def test_map_is_offline_and_has_one_marker_per_place():
    from newsmap import filters as F
    from newsmap import views as V
    from newsmap.load import load

    corpus = load()
    view = F.apply(corpus, F.Filters())
    m = V.build_map(V.map_features(view, V.actor_colors(corpus)))
    links = [u for _, u in m.default_js + m.default_css]
    assert links and not any("http" in u for u in links)
    html = m.get_root().render()
    assert "cdn." not in html and "unpkg" not in html and "jquery" not in html.lower()
    feats = V.map_features(view, {})["features"]
    assert len(feats) == len(V.place_table(view)) == 10
    assert {"Kiev", "Bryansk", "Rio de Janeiro"} <= {f["properties"]["name"] for f in feats} | {"Bryansk"}
    one = F.apply(corpus, F.Filters(actors=["Sergueï Lavrov"]))
    assert 0 < len(V.map_features(one, {})["features"]) < len(feats)


def test_map_page_component_links_contain_no_http():
    at = run_app("pages/map.py")
    assert not at.exception
    blob = json.dumps([str(getattr(e, "proto", "")) for e in at.get("component_instance")])
    assert "leaflet.js" in blob and "cdn.jsdelivr" not in blob and "code.jquery" not in blob


def test_timeline_traces():
    from newsmap import filters as F
    from newsmap import views as V
    from newsmap.load import load

    corpus = load()
    fig = V.timeline_figure(F.apply(corpus, F.Filters()), V.actor_colors(corpus))
    names = {t.name for t in fig.data}
    assert {"Sergueï Lavrov", "Washington", "Ambassade des États-Unis en Ukraine"} <= names
    context = [t for t in fig.data if t.xaxis == "x"]
    assert context and all(str(t.x[0])[:4] == "2022" for t in context)
    lo, hi = (str(x)[:10] for x in fig.layout.xaxis2.range)
    assert lo <= "2024-11-17" and "2024-11-20" <= hi
    cfg = V.plotly_config("Actor: Sergueï Lavrov · 3 of 19 events")
    assert cfg["toImageButtonOptions"]["scale"] == 2 and "serguei-lavrov" in cfg["toImageButtonOptions"]["filename"]


def test_missing_corpus_shows_a_message_not_a_traceback(tmp_path, monkeypatch):
    at = run_app(data_dir=tmp_path / "nothing", monkeypatch=monkeypatch)
    assert not at.exception
    assert any("no corpus" in e.value for e in at.error)


def test_malformed_corpus_shows_a_message(tmp_path, monkeypatch):
    (tmp_path / "corpus.json").write_text("{oops", encoding="utf-8")
    at = run_app(data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not at.exception and any("damaged" in e.value for e in at.error)


def test_dashboard_never_loads_spacy():
    import subprocess
    import sys

    code = ("import sys; from streamlit.testing.v1 import AppTest; at = AppTest.from_file('app.py', default_timeout=60); at.run(); "
            "print('spacy' in sys.modules, bool(at.exception))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120).stdout.split()
    assert out[-2:] == ["False", "False"]


def test_empty_corpus_renders(tmp_path, monkeypatch):
    (tmp_path / "corpus.json").write_text('{"schema": "1.0", "articles": []}', encoding="utf-8")
    at = run_app(data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not at.exception and "0 of 0 events" in summary(at)
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, page


# ---------------------------------------------------------------- several articles (issue 9)
from multi_corpus import write_copies  # noqa: E402


@pytest.fixture
def copies_dir(tmp_path):
    return write_copies(tmp_path / "copies")


def test_quote_cards_name_their_article_with_a_link_to_the_sentence():
    at = run_app("pages/quotes.py")
    cards = [m.value for m in at.markdown if "«" in m.value]
    assert len(cards) == 11
    for c in cards:
        assert "nm-src" in c and "“L’ambassade des États-Unis en Ukraine" in c and "20 Nov 2024" in c
        assert re.search(r"href='/article\?focus=article-2024-11-20-fr%3A\d+'", c)


def test_quotes_are_paginated(copies_dir, monkeypatch):
    at = run_app("pages/quotes.py", data_dir=copies_dir, monkeypatch=monkeypatch)
    assert not at.exception
    cards = [m.value for m in at.markdown if "«" in m.value]
    assert len(cards) == 20 and at.number_input(key="quote_page").value == 1
    assert any("Quotes 1–20 of 33" in c.value for c in at.caption)
    at.button(key="quote_page_next").click().run()
    cards = [m.value for m in at.markdown if "«" in m.value]
    assert len(cards) == 13 and any("Outlet 3" in c for c in cards)


def test_story_lines_name_their_article_and_are_paginated(copies_dir, monkeypatch):
    at = run_app("pages/overview.py", data_dir=copies_dir, monkeypatch=monkeypatch)
    story = next(v for v in blocks(at) if "nm-src" in v)
    assert story.count("nm-src") == 20 and "Outlet 1 · 21 Nov 2024" in story


def test_source_line_names_the_articles_of_the_filtered_view(copies_dir, monkeypatch):
    at = run_app(params={"actor": "Dmitri Peskov"}, data_dir=copies_dir, monkeypatch=monkeypatch)
    s = summary(at)
    assert "Source: “Copy number 2 of the seed”, Outlet 2" in s and "Copy number 1" not in s


def test_data_page_lists_the_articles_of_the_view(copies_dir, monkeypatch):
    at = run_app("pages/data.py", params={"actor": "Sergueï Lavrov"}, data_dir=copies_dir, monkeypatch=monkeypatch)
    assert not at.exception
    by_article = at.dataframe[0].value
    assert list(by_article["id"]) == ["copy-1", "copy-3"] and list(by_article["quotes"]) == [3, 3]
    assert any(m.value.startswith("#### By article (2)") for m in at.markdown)


def test_map_inspects_a_place_and_filters_only_on_request():
    at = run_app()
    at.session_state["map_inspect"] = "Rio de Janeiro"
    at.switch_page("pages/map.py").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "#### Rio de Janeiro" in text and "Nous considérerons cela" in text and "nm-src" in text
    assert "pending_place" not in at.session_state
    at.button(key="map_filter").click().run()
    assert at.session_state["pending_place"] == "Rio de Janeiro"


def test_timeline_date_slider_sets_the_date_filter():
    import datetime as dt

    at = run_app("pages/timeline.py")
    assert not at.exception
    at.slider(key="tl_range").set_value((dt.date(2024, 11, 19), dt.date(2024, 11, 20))).run()
    assert at.session_state["from"] == dt.date(2024, 11, 19) and at.session_state["to"] == dt.date(2024, 11, 20)


def test_link_values_the_corpus_lacks_are_named():
    at = run_app(params={"actor": ["Sergueï Lavrov", "Personne"], "from": "2024-13-01", "place": "Atlantide"})
    assert "Actor: Sergueï Lavrov" in summary(at)
    notes = [w.value for w in at.warning]
    assert any("3 filters from the link were not found in this corpus: actor=Personne, place=Atlantide, from=2024-13-01" in n
               for n in notes), notes
    assert at.multiselect(key="actor").value == ["Sergueï Lavrov"]
    at.multiselect(key="actor").select("Kremlin").run()  # once the view changes, the notice has done its job
    assert not any("from the link" in w.value for w in at.warning)


def test_a_failing_page_shows_a_message_and_logs_the_traceback(monkeypatch, caplog):
    from newsmap.query import Store

    def broken(*a, **k):
        raise ValueError("boom")

    monkeypatch.setattr(Store, "view", broken)
    monkeypatch.delenv("NEWSMAP_DEBUG")
    at = run_app()
    assert not at.exception
    assert any("This page could not be drawn (ValueError: boom)" in e.value for e in at.error)
    assert any("ValueError: boom" in (r.exc_text or "") or r.exc_info for r in caplog.records if r.name == "newsmap.app")
    monkeypatch.setenv("NEWSMAP_DEBUG", "1")
    assert run_app().exception  # with NEWSMAP_DEBUG the bug is not hidden


def test_corpus_warnings_are_shown(seed_corpus, monkeypatch):
    (seed_corpus / "corrections.toml").write_text('[[correction]]\naction = "drop"\ntable = "events"\nwhere = { id = "zz" }\n',
                                                  encoding="utf-8")
    at = run_app(data_dir=seed_corpus, monkeypatch=monkeypatch)
    assert not at.exception and any("nothing in events matches" in w.value for w in at.warning)


def test_a_damaged_article_document_gives_a_message_naming_it(seed_corpus, monkeypatch):
    doc = next((seed_corpus / "articles").glob("*.json"))
    doc.write_text(doc.read_text(encoding="utf-8")[:500], encoding="utf-8")  # truncated JSON
    monkeypatch.delenv("NEWSMAP_DEBUG")
    at = run_app(data_dir=seed_corpus, monkeypatch=monkeypatch)
    assert not at.exception
    shown = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any(doc.stem in m for m in shown), shown


def test_an_event_several_articles_report_lists_each_article(copies_dir, monkeypatch):
    from newsmap.load import load

    ev = load(copies_dir).events
    uid = ev[(ev["n_sources"] == 3) & (ev["article"] == "copy-1")]["uid"].iloc[0]
    at = run_app(data_dir=copies_dir, monkeypatch=monkeypatch)
    at.session_state["tl_event"] = uid
    at.switch_page("pages/timeline.py").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "**Reported by 3 articles**" in text and "Outlet 2" in text and "Outlet 3" in text
    assert sum(t.value == ev.set_index("uid").loc[uid, "sentence"] for t in at.text) == 3  # each article's own sentence
    story = run_app("pages/overview.py", data_dir=copies_dir, monkeypatch=monkeypatch)
    assert "reported by 3 articles" in next(v for v in blocks(story) if "nm-src" in v)
