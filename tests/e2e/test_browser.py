"""The dashboard as a person meets it, in Debian's Chromium, offline.

Most tests run twice (the `corpus` fixture): on the seed (one article) and on the evaluation corpus
(20 articles). What a page must show is read from the corpus' query store in the test process
(names, counts, summary and source lines), never written here for one article."""
from __future__ import annotations

import re
import urllib.parse
from collections import Counter

import pytest

from newsmap import views as V

from .conftest import (ARTIFACTS, CARD_QUOTE, PHONE, Corpus, fragment_id, map_frame, open_page, png_download, quote_cards,
                       run_id, summary_text, wait_app, wait_fragment)

pytestmark = pytest.mark.e2e
PAGES = {"overview": "/", "map": "/map", "timeline": "/timeline", "quotes": "/quotes", "article": "/article", "data": "/data", "add": "/add"}
PER_PAGE = 20  # cards and story lines a page (pages/_ui.py)


LABELS = """() => [...document.querySelectorAll('.nm-label')].map(l => {
  const r = l.getBoundingClientRect();
  return {text: l.innerText, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight};
})"""


def source_line(page) -> str:
    return page.locator("[data-testid='nm-source']").inner_text()


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def norm(text: str) -> str:
    return " ".join(str(text).split())


def label_of(corpus: Corpus, article: str, title_chars: int = 70) -> str:
    """How a card or a story line names its article: “Title” · Outlet · 20 Nov 2024."""
    outlet, title, published = corpus.store.article_meta[article]
    return V.source_label(outlet, title, published, title_chars=title_chars)


def cited_titles(line: str) -> list[str]:
    """The titles a source line cites (each between “ and ”)."""
    return re.findall(r"“(.*?)”, (?:[^;]*?, )?published", line)


def with_items(corpus: Corpus, actor: str) -> set[str]:
    """The articles with a quote by `actor` or an event they take part in or assert (whole tables)."""
    q = corpus.store.table("quotes")
    e = corpus.store.table("events")
    return set(q.loc[q["speaker"] == actor, "article"]) | {
        a for a, xs, per in zip(e["article"], e["actors"], e["asserted_by"]) if actor in (xs or []) or per == actor}


def mentioning(corpus: Corpus, actor: str) -> set[str]:
    """The articles that name `actor` at all."""
    return set(corpus.store.table("actors", "name = ?", [actor])["article"])


@pytest.mark.parametrize("name,path", PAGES.items())
def test_page_loads_offline_without_console_errors(corpus, watched, name, path):
    ctx, w = watched
    page = open_page(watched, corpus.url + path)
    if name == "map":
        map_frame(page)
    page.screenshot(path=str(ARTIFACTS / f"{corpus.name}-{name}.png"), full_page=True)
    everything = corpus.view()
    assert summary_text(page) == everything.summary()
    assert f"{corpus.store.totals['events']} of {corpus.store.totals['events']} events" in summary_text(page)
    assert source_line(page) == everything.source_line()
    assert not page.locator("[data-testid='stException']").count()
    assert not w.real_console_errors(), w.real_console_errors()
    assert not w.dialogs


def test_map_draws_offline(corpus, watched):
    page = open_page(watched, corpus.url + "/map")
    frame = map_frame(page)
    view = corpus.view()
    names = set(view.place_table().query("lat == lat")["name"])  # every place with coordinates
    assert frame.evaluate("() => typeof L !== 'undefined' && L.version") == "1.9.4"
    markers = frame.evaluate("() => document.querySelectorAll('path.nm-place').length")
    clustered = frame.evaluate("() => [...document.querySelectorAll('.nm-cluster')].map(c => +c.innerText)")
    assert markers + sum(clustered) == view.counts["mapped_places"] and clustered  # every place, overlapping ones in numbered clusters
    assert frame.evaluate("() => document.querySelectorAll('.nm-legend').length") == 1
    labels = frame.evaluate(LABELS)
    assert labels and {re.sub(r" \+\d+$", "", x["text"]) for x in labels} <= names  # the main places are labelled, by name
    assert all(x["inside"] for x in labels), [x["text"] for x in labels if not x["inside"]]  # none cut at the map's edge
    frame.evaluate("() => window.map.setZoom(9)")  # zoomed in, clusters open into one marker per place
    frame.wait_for_function(f"() => document.querySelectorAll('path.nm-place').length === {view.counts['mapped_places']}")
    classes = " ".join(frame.evaluate("() => [...document.querySelectorAll('path.nm-place')].map(p => p.getAttribute('class'))"))
    drawn = set(re.findall(r"nm-place-([a-z0-9-]+)", classes))
    assert drawn == {V.slugify(n) for n in names}
    assert frame.evaluate("() => document.querySelectorAll('path.nm-country').length") > 150  # basemap drawn
    scripts = frame.evaluate("() => [...document.scripts].map(s => s.src).concat([...document.querySelectorAll('link')].map(l => l.href))")
    assert any(s.endswith("/app/static/vendor/leaflet/leaflet.js") for s in scripts)
    assert not [s for s in scripts if s and "127.0.0.1" not in s and "localhost" not in s]


TRACES = """() => [...document.querySelector('.js-plotly-plot').data].map(t => ({
  name: t.name, x: [...t.x].map(x => x === null ? null : String(x)), mode: t.mode || '', uid: (t.customdata || []).map(c => c[5])}))"""


def test_timeline_shows_every_dated_event_on_its_day(corpus, watched):
    page = open_page(watched, corpus.url + "/timeline")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached")
    traces = page.evaluate(TRACES)
    shown = Counter()  # (lane, uid, day) of every point; spans (month/year precision) apart
    spans = Counter()
    for t in traces:
        if "lines" in t["mode"]:  # one span: start, end, gap
            spans.update((t["name"], u) for u in t["uid"][::3])
        else:
            shown.update((t["name"], u, x[:10]) for u, x in zip(t["uid"], t["x"]))
    lanes = {t["name"] for t in traces}
    named = lanes - {V.OTHER_LANE}
    ev = corpus.view().events
    lane_of = {}
    expected, expected_spans = Counter(), Counter()
    for uid, actors, date, prec in zip(ev["uid"], ev["actors"], ev["date"], ev["date_precision"]):
        if not date:
            continue
        first = (actors or [V.NO_ACTOR_LANE])[0]
        lane_of[uid] = first
        lane = first if first in named else V.OTHER_LANE
        if prec == "day":
            expected[(lane, uid, date[:10])] += 1
        else:
            expected_spans[(lane, uid)] += 1
    assert shown == expected  # every event dated to the day, in its actor's lane (or Other actors), on its day
    assert spans == expected_spans  # every event dated to a month or a year, as a span in its lane
    busy = Counter(lane_of.values())  # the 10 busiest lanes are named (all of them if only one would be folded)
    assert len(named) == (len(busy) if len(busy) <= 11 else 10)
    assert min(busy[n] for n in named) >= max([busy[n] for n in busy if n not in named] or [0])


def test_clicking_a_timeline_event_shows_its_sentence(corpus, watched):
    page = open_page(watched, corpus.url + "/timeline")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached")
    # a point of a named lane that no other point touches (on a 14-month axis a day is under a pixel)
    hit = page.evaluate("""(other) => {
      const gd = document.querySelector('.js-plotly-plot');
      const groups = [...gd.querySelectorAll('.scatterlayer .trace')];
      const pts = [];
      for (const g of groups) {
        const t = g.__data__ && g.__data__[0] && g.__data__[0].trace;
        if (!t || (t.mode || '').includes('lines')) continue;
        g.querySelectorAll('.points path').forEach((p, i) => {
          const r = p.getBoundingClientRect();
          pts.push({x: r.x + r.width / 2, y: r.y + r.height / 2, lane: t.name, uid: t.customdata[i][5]});
        });
      }
      return pts.find(p => p.lane !== other && !p.lane.startsWith('(') &&
        pts.every(q => q === p || Math.hypot(q.x - p.x, q.y - p.y) > 16)) || null;
    }""", V.OTHER_LANE)
    assert hit, "no event of a named lane stands alone on the timeline"
    ev = corpus.view().events.set_index("uid").loc[hit["uid"]]
    before = run_id(page)
    page.mouse.click(hit["x"], hit["y"])
    wait_app(page, after=before)
    text = norm(main_text(page))
    assert norm(f"{ev['kind']} · {V.fmt_value(ev['date'], ev['date_precision'])} · {', '.join(ev['actors'])}") in text
    assert norm(ev["sentence"]) in text
    assert norm(label_of(corpus, ev["article"])) in text  # the article it comes from


def test_quotes_are_grouped_by_speaker_and_each_card_names_its_article(corpus, watched):
    page = open_page(watched, corpus.url + "/quotes")
    groups, sizes, total = corpus.view().quote_groups(PER_PAGE, 0)
    heads = [norm(h) for h in page.locator("[data-testid='stMain'] h4").all_inner_texts()]
    assert heads == [f"● {n} · {sizes[n]} quote{'s' if sizes[n] != 1 else ''}" for n, _g in groups]
    cards = [norm(t) for t in page.locator(CARD_QUOTE).all_inner_texts()]
    assert cards == [norm(f"« {t} »") for _n, g in groups for t in g["text"]]
    sources = [norm(t) for t in page.locator("[data-testid='stMain'] .nm-src").all_inner_texts()]
    assert sources == [norm(label_of(corpus, a) + " ↗") for _n, g in groups for a in g["article"]]  # every card names its article
    assert len(cards) == min(total, PER_PAGE) == quote_cards(page)


def test_actor_filter_lives_in_the_url_and_the_source_line_cites_only_its_articles(corpus, watched, browser):
    store = corpus.store
    labels = store.actor_labels
    # the most quoted speaker whose name picks one entry of the list when typed
    name = next(n for n in corpus.view().speaker_counts(20).index
                if sum(n.lower() in label.lower() for label in labels.values()) == 1)
    view = corpus.view(actors=[name])
    page = open_page(watched, corpus.url + "/quotes")
    before_run = run_id(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('actor=')")
    wait_app(page, after=before_run)
    url = page.url
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["actor"] == [name]  # the name, no count
    shown = summary_text(page)
    assert shown == view.summary() and f"Actor: {name}" in shown
    # the source line cites the articles of this view: only articles that mention the actor, all counted
    line = source_line(page)
    assert line == view.source_line()
    ids = {t: i for i, t in store.titles.items()}
    cited = [ids[t] for t in cited_titles(line)]
    theirs = with_items(corpus, name)
    assert cited and set(cited) <= theirs <= mentioning(corpus, name)
    more = re.search(r"\(\+(\d+) more\)$", line)
    assert len(cited) + (int(more.group(1)) if more else 0) == len(theirs)
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        p2 = fresh.new_page()
        p2.goto(url)
        wait_app(p2)
        assert summary_text(p2) == shown and source_line(p2) == line
        assert quote_cards(p2) == min(view.counts["quotes"], PER_PAGE)
        p2.reload()
        wait_app(p2)
        assert summary_text(p2) == shown
    finally:
        fresh.close()


def test_an_actor_beyond_the_pickers_list_is_reached_by_typing_its_name(multi_server, watched):
    """The actor picker lists the most active actors; any other is reached by typing its name, whatever
    its case and accents, and Enter. A text that names no actor is said so and filters nothing."""
    from newsmap.filters import fold

    corpus = Corpus("multi", multi_server)
    store = corpus.store
    beyond = [n for n in store.actor_options() if n not in store.actor_picker] or store.actor_options()
    name = next(n for n in reversed(beyond) if store.find("actor", fold(n)) == n)  # typed as "ines yilmaz"
    page = open_page(watched, corpus.url + "/")
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first

    def type_in(text: str):
        before = run_id(page)
        box.locator("input").click()  # the text field (a click on the box may land on a chosen name)
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        wait_app(page, after=before)
        page.keyboard.press("Escape")

    type_in(fold(name))
    assert summary_text(page) == corpus.view(actors=[name]).summary()
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["actor"] == [name]
    type_in("zzqx nobody")
    assert "No single actor of this corpus is named “zzqx nobody”" in page.locator("[data-testid='stAlert']").inner_text()
    assert summary_text(page) == corpus.view(actors=[name]).summary()  # the filter already chosen stays


def test_the_overview_small_map_draws_the_views_places(corpus, watched):
    """The Overview's small map (plain Leaflet in an iframe, drawn once the page around it is idle)
    draws the view's places with their labels, from the app's own static files."""
    page = open_page(watched, corpus.url + "/")
    handle = page.wait_for_selector("[data-testid='stMain'] iframe", state="attached")
    frame = handle.content_frame()
    frame.wait_for_selector("#nm-map[data-drawn='1']", state="attached")
    shown = V.map_features(corpus.view().map_view(300, popup_top=50), corpus.store.colors, label_top=8, popup_top=50)
    drawn = frame.evaluate("() => document.querySelectorAll('path.nm-place, .nm-cluster').length")
    assert drawn and shown["features"], (drawn, len(shown["features"]))
    labels = frame.evaluate("() => [...document.querySelectorAll('.nm-label')].map(l => l.innerText)")
    top = [f["properties"]["name"] for f in shown["features"] if f["properties"]["label"]]
    assert labels and all(any(t.startswith(x.split(" +")[0]) for t in top) for x in labels), (labels, top)


REACHABLE = """(s) => {  // the place is drawn on its own and a click on its centre reaches it
  const p = document.querySelector('path.nm-place-' + s);
  if (!p) return false;
  const r = p.getBoundingClientRect(), hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return r.width > 0 && !!hit && hit.classList.contains('nm-place-' + s);
}"""


def test_clicking_a_place_lists_what_is_there_then_filters(corpus, watched):
    page = open_page(watched, corpus.url + "/map")
    frame = map_frame(page)
    table = corpus.view().place_table().query("lat == lat and quotes > 0").sort_values("quotes", ascending=False, kind="stable")
    for name, lat, lon in zip(table["name"], table["lat"], table["lon"]):  # the place with most quotes a click reaches
        slug = V.slugify(name)
        if frame.evaluate(REACHABLE, slug):
            break
        # in a cluster at this zoom: zoomed onto it (no cluster from zoom 8), as a person zooms in
        frame.evaluate("([lat, lon]) => window.map.setView([lat, lon], 9, {animate: false})", [float(lat), float(lon)])
        frame.wait_for_selector(f"path.nm-place-{slug}", state="attached")
        if frame.evaluate(REACHABLE, slug):
            break
    else:
        raise AssertionError("no place with quotes can be clicked on its own")
    here = corpus.view(places=[name])
    events, quotes = V.place_detail(here, name)
    before = fragment_id(page, "map")
    frame.locator(f"path.nm-place-{slug}").click(force=True)
    # a click inspects the place (what happened and was said there, with the articles): it reruns the
    # map's fragment only (the app's run number stays); its heading shows before the rest of the panel
    wait_fragment(page, "map", after=before)
    page.get_by_role("heading", name=name, exact=True).wait_for()
    main = norm(main_text(page))
    assert f"{len(events)} event{'s' if len(events) != 1 else ''} · {len(quotes)} quote{'s' if len(quotes) != 1 else ''} here" in main
    assert norm(f"« {quotes[0]['text']} »") in main and norm(quotes[0]["source"]) in main
    assert f"Place: {name}" not in summary_text(page)
    # ... and filtering is an explicit action
    before = run_id(page)
    page.get_by_role("button", name=re.compile("Filter to this place")).click()
    page.wait_for_function("(name) => new URLSearchParams(location.search).getAll('place').includes(name)", arg=name)
    wait_app(page, after=before)
    assert summary_text(page) == here.summary() and f"Place: {name}" in summary_text(page)
    before = run_id(page)
    page.get_by_role("link", name=re.compile("Quotes")).first.click()
    wait_app(page, after=before)
    assert summary_text(page) == here.summary()
    assert quote_cards(page) == min(here.counts["quotes"], PER_PAGE)


def test_a_shared_link_works_as_the_first_request_of_a_fresh_server(watched):
    """Streamlit runs a page of a `pages/` folder on its own until the router has run once; the
    page switches the server to st.navigation and reruns (pages/_boot.py)."""
    from .conftest import ROOT, Server

    fresh = Server(ROOT / "data")
    try:
        seed = Corpus("seed", fresh)
        name = seed.view().speaker_counts(1).index[0]
        view = seed.view(actors=[name])
        ctx, w = watched
        page = open_page(watched, fresh.url + "/quotes?" + urllib.parse.urlencode({"actor": name}))
        assert summary_text(page) == view.summary() and f"Actor: {name}" in summary_text(page)
        assert quote_cards(page) == min(view.counts["quotes"], PER_PAGE)
        assert not w.real_console_errors(), w.real_console_errors()
    finally:
        fresh.stop()


def test_story_lines_name_their_article_and_link_to_the_sentence(corpus, watched):
    events = corpus.store.table("events")
    busiest = Counter(a for xs in events["actors"] for a in (xs or [])[:1]).most_common(1)[0][0]
    view = corpus.view(actors=[busiest])
    page = open_page(watched, corpus.url + "/?" + urllib.parse.urlencode({"actor": busiest}))
    lines = page.locator("[data-testid='stMain'] .nm-src")
    first = view.story_page(PER_PAGE, 0)  # the story's first page, in its order (earlier context after the main days)
    assert [norm(t) for t in lines.all_inner_texts()] == [norm(label_of(corpus, a, 60) + " ↗") for a in first["article"]]
    ev = first.iloc[0]
    lines.first.locator("a").click()
    page.wait_for_url("**/article?**")
    wait_app(page)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["focus"] == [f"{ev['article']}:{ev['sentence_start']}"]
    body = norm(main_text(page))
    assert norm(f"Linked sentence: {ev['sentence']}") in body
    assert summary_text(page) == view.summary()


def test_box_selection_on_the_timeline_sets_the_date_filter(corpus, watched):
    ctx, w = watched
    page = open_page(watched, corpus.url + "/timeline")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached")
    page.locator(".js-plotly-plot").first.hover()
    page.locator(".modebar-btn[data-title='Box Select']").first.click()
    box = page.locator(".js-plotly-plot .nsewdrag").last.bounding_box()  # the main panel
    y = box["y"] + box["height"] / 2
    before = run_id(page)
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('from=') && location.search.includes('to=')")
    wait_app(page, after=before)
    import datetime as dt

    q = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    start, end = dt.date.fromisoformat(q["from"][0]), dt.date.fromisoformat(q["to"][0])
    view = corpus.view(start=start, end=end)
    assert start < end and summary_text(page) == view.summary()
    assert 0 < view.counts["events"] < corpus.store.totals["events"]
    assert not w.real_console_errors(), w.real_console_errors()


def test_every_map_png_click_downloads_or_says_why(corpus, watched):
    """Clicks in a row (five on the seed, two on the larger corpus): each one ends in a PNG download
    (png_download raises on an error message)."""
    page = open_page(watched, corpus.url + "/map")
    map_frame(page)
    for _ in range(5 if corpus.name == "seed" else 2):
        png = png_download(page, "map_png")
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


# ---------------------------------------------------------------- several articles
def grid_rows(page) -> tuple[int, list[dict]]:
    """(rows in the page's first table, the rows drawn as {column header: cell}): Streamlit's data grid
    is a canvas; its accessible table holds the row count, the headers and the visible rows."""
    table = page.locator("[data-testid='stDataFrame']").first.locator("table[role='grid']")
    table.locator("tbody tr").first.wait_for(state="attached")  # the grid has drawn its first rows
    count = int(table.get_attribute("aria-rowcount")) - 1
    rows = table.evaluate("""t => {
      const heads = [...t.querySelectorAll('thead th')].map(h => h.innerText);
      return [...t.querySelectorAll('tbody tr')].map(r => Object.fromEntries([...r.querySelectorAll('td')].map((c, i) => [heads[i], c.innerText])));
    }""")
    return count, rows


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "one-actor"])
def test_data_page_lists_the_articles_of_the_view(corpus, watched, filtered):
    query = {}
    if filtered:  # an actor quoted in the fewest articles: the list must shrink to them on a corpus of several
        speakers = corpus.view().speaker_counts(50).index
        query = {"actor": min(speakers, key=lambda n: (len(with_items(corpus, n)), n))}
    view = corpus.view(actors=[query["actor"]] if query else [])
    page = open_page(watched, corpus.url + "/data?" + urllib.parse.urlencode(query))
    n = view.counts["articles"]
    page.get_by_role("heading", name=f"By article ({n})").wait_for()
    count, rows = grid_rows(page)  # "By article" is the first table
    expected = view.article_table()
    assert count == n == len(expected)
    if filtered:
        assert set(expected["id"]) == with_items(corpus, query["actor"])
    assert rows and len(rows) <= n
    outlets = expected["outlet"].fillna("").astype(bool).any()
    assert ("Outlet" in rows[0]) == outlets  # no empty Outlet column (the evaluation articles name none)
    for cells, (_, a) in zip(rows, expected.iterrows()):
        assert (cells["Published"], cells.get("Outlet", ""), cells["Title"], cells["Quotes"], cells["Events"]) == \
            (a["published"], a["outlet"] or "", a["title"], str(a["quotes"]), str(a["events"]))
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(cells["Reader"]).query)["focus"] == [f"{a['id']}:"]


@pytest.fixture(scope="session")
def multi(multi_server) -> Corpus:
    return Corpus("multi", multi_server)


def test_article_page_switches_article(multi, watched):
    arts = multi.view().article_table()
    assert len(arts) > 1
    page = open_page(watched, multi.url + "/article")
    first, other = arts.iloc[0], arts.iloc[len(arts) // 2]
    text = {a: multi.store.table("articles", "id = ?", [a]).iloc[0]["text"] for a in (first["id"], other["id"])}
    opening = {a: norm(t)[:80] for a, t in text.items()}
    reader = page.locator("[data-testid='stMain'] div[style*='52rem']")
    assert opening[first["id"]] in norm(reader.inner_text())
    before = run_id(page)
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] input").click()
    page.keyboard.type(other["title"])
    page.keyboard.press("Enter")
    wait_app(page, after=before)
    shown = norm(reader.inner_text())
    assert opening[other["id"]] in shown and opening[first["id"]] not in shown
    assert page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] input").input_value() == other["title"]


UNDER_MODEBAR = """() => {
  const b = document.querySelector('.js-plotly-plot .modebar').getBoundingClientRect();
  return [...document.querySelectorAll('.js-plotly-plot .infolayer .annotation')].filter(a => {
    const r = a.getBoundingClientRect();
    return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
  }).map(a => a.textContent);
}"""
PHONE_PAGES = {"overview": ("/", "[data-testid='nm-figures']"), "map": ("/map", "iframe[title^='streamlit_folium']"),
               "timeline": ("/timeline", ".js-plotly-plot")}


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_phone_width_has_no_horizontal_overflow(corpus, watched_phone, name):
    path, key = PHONE_PAGES[name]
    page = open_page(watched_phone, corpus.url + path)
    if name == "map":
        frame = map_frame(page)
        assert frame.locator(".nm-legend").is_visible()
        labels = frame.evaluate(LABELS)
        assert labels and all(x["inside"] for x in labels), [x["text"] for x in labels if not x["inside"]]
    if name == "timeline":
        page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached")
        assert not page.evaluate(UNDER_MODEBAR)  # panel titles and lane names clear of the chart's toolbar
    page.screenshot(path=str(ARTIFACTS / f"{corpus.name}-{name}-phone.png"), full_page=True)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE + 2, f"{name} is {width} px wide at {PHONE} px"
    for sel in ("[data-testid='nm-summary']", "[data-testid='nm-source']", key):
        el = page.locator(sel).first
        el.scroll_into_view_if_needed()
        assert el.is_visible(), sel
        box = el.bounding_box()
        assert box["x"] >= -1 and box["x"] + box["width"] <= PHONE + 2, (sel, box)
    if name == "overview":
        assert page.locator("[data-testid='stMain'] .nm-src").first.is_visible()  # the story, with its sources
