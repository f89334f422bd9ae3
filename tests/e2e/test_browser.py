"""The dashboard as a person meets it, in Debian's Chromium, offline."""
from __future__ import annotations

import re
import urllib.parse

import pytest

from .conftest import ARTIFACTS, fragment_id, map_frame, open_page, png_download, quote_marks, run_id, summary_text, wait_app, wait_fragment

pytestmark = pytest.mark.e2e
PAGES = {"overview": "/", "map": "/map", "timeline": "/timeline", "quotes": "/quotes", "article": "/article", "data": "/data", "add": "/add"}


@pytest.mark.parametrize("name,path", PAGES.items())
def test_page_loads_offline_without_console_errors(server, watched, name, path):
    ctx, w = watched
    page = open_page(watched, server.url + path)
    if name == "map":
        map_frame(page)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert "19 of 19 events" in summary_text(page)
    assert not page.locator("[data-testid='stException']").count()
    assert not w.real_console_errors(), w.real_console_errors()
    assert not w.dialogs


def test_map_draws_offline(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/map")
    frame = map_frame(page)
    assert frame.evaluate("() => typeof L !== 'undefined' && L.version") == "1.9.4"
    markers = frame.evaluate("() => document.querySelectorAll('path.nm-place').length")
    clustered = frame.evaluate("() => [...document.querySelectorAll('.nm-cluster')].map(c => +c.innerText)")
    assert markers + sum(clustered) == 10 and clustered  # every place of the seed, overlapping ones in numbered clusters
    assert frame.evaluate("() => document.querySelectorAll('.nm-legend').length") == 1
    assert frame.evaluate("() => [...document.querySelectorAll('.nm-label')].map(l => l.innerText)")  # the main places are labelled
    frame.evaluate("() => window.map.setZoom(9)")  # zoomed in, clusters open into one marker per place
    frame.wait_for_function("() => document.querySelectorAll('path.nm-place').length === 10")
    classes = frame.evaluate("() => [...document.querySelectorAll('path.nm-place')].map(p => p.getAttribute('class'))")
    joined = " ".join(classes)
    for slug in ("nm-place-kyiv", "briansk", "nm-place-rio-de-janeiro"):
        assert slug in joined
    assert frame.evaluate("() => document.querySelectorAll('path.nm-country').length") > 150  # basemap drawn
    scripts = frame.evaluate("() => [...document.scripts].map(s => s.src).concat([...document.querySelectorAll('link')].map(l => l.href))")
    assert any(s.endswith("/app/static/vendor/leaflet/leaflet.js") for s in scripts)
    assert not [s for s in scripts if s and "127.0.0.1" not in s and "localhost" not in s]


def test_timeline_shows_the_seed_events_on_their_days(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/timeline")
    page.wait_for_selector(".js-plotly-plot")
    traces = page.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => ({name: t.name, x: t.x}))")
    by_name = {}
    for t in traces:
        by_name.setdefault(t["name"], []).extend(str(x)[:10] for x in t["x"])
    assert "2024-11-17" in by_name["Washington"]
    assert set(by_name["Sergueï Lavrov"]) == {"2024-11-19"}
    assert "2024-11-20" in by_name["Ambassade des États-Unis en Ukraine"]
    # Nord Stream, year precision, in the context panel: in the lane of events without an actor, or in
    # "Other actors" when the view has more actors than lanes (the seed has 10 named lanes and more)
    assert "2022-01-01" in by_name.get("(no actor)", []) + by_name.get("Other actors", [])


def test_quotes_page_groups_lavrov(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/quotes")
    text = page.locator("[data-testid='stMain']").inner_text()
    block = text.split("Sergueï Lavrov", 1)[1].split("●", 1)[0]
    assert "3 quotes" in block
    for q in ("nouvelle phase de la guerre occidentale contre la Russie", "appropriée",
              "Nous considérerons cela comme une nouvelle phase et réagirons en conséquence"):
        assert f"« {q} »" in block


def test_actor_filter_lives_in_the_url_and_the_link_reopens_it(server, watched, browser):
    ctx, w = watched
    page = open_page(watched, server.url + "/quotes")
    before_run = run_id(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type("Sergueï")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('actor=')")
    wait_app(page, after=before_run)
    url = page.url
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["actor"] == ["Sergueï Lavrov"]  # the name, no count
    before = summary_text(page)
    assert "Actor: Sergueï Lavrov" in before and "3 of 11 quotes" in before
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        p2 = fresh.new_page()
        p2.goto(url)
        wait_app(p2)
        assert summary_text(p2) == before
        assert quote_marks(p2) == 3
        p2.reload()
        wait_app(p2)
        assert summary_text(p2) == before
    finally:
        fresh.close()


def test_clicking_a_place_filters_the_quotes(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/map")
    frame = map_frame(page)
    before = fragment_id(page, "map")
    frame.locator("path.nm-place-rio-de-janeiro").click(force=True)
    # a click inspects the place (what happened and was said there, with the articles): it reruns the
    # map's fragment only; its heading shows before the rest of the panel has rendered
    wait_fragment(page, "map", after=before)
    page.get_by_role("heading", name="Rio de Janeiro").wait_for()
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "Nous considérerons cela" in main and "20 Nov 2024" in main and "Place: Rio" not in summary_text(page)
    # ... and filtering is an explicit action
    before = run_id(page)
    page.get_by_role("button", name=re.compile("Filter to this place")).click()
    page.wait_for_function("() => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes('place=Rio de Janeiro')")
    wait_app(page, after=before)
    assert "Place: Rio de Janeiro" in summary_text(page) and "3 of 11 quotes" in summary_text(page)
    before = run_id(page)
    page.get_by_role("link", name=re.compile("Quotes")).first.click()
    wait_app(page, after=before)
    assert "Place: Rio de Janeiro" in summary_text(page)
    assert quote_marks(page) == 3


def test_a_shared_link_works_as_the_first_request_of_a_fresh_server(watched):
    """Streamlit runs a page of a `pages/` folder on its own until the router has run once; the
    page switches the server to st.navigation and reruns (pages/_boot.py)."""
    from .conftest import ROOT, Server

    fresh = Server(ROOT / "data")
    try:
        ctx, w = watched
        page = open_page(watched, fresh.url + "/quotes?actor=Sergue%C3%AF+Lavrov")
        assert "Actor: Sergueï Lavrov" in summary_text(page) and "3 of 11 quotes" in summary_text(page)
        assert quote_marks(page) == 3
        assert not w.real_console_errors(), w.real_console_errors()
    finally:
        fresh.stop()


def test_clicking_a_timeline_event_shows_its_sentence(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/timeline")
    page.wait_for_selector(".js-plotly-plot .scatterlayer .points path", state="attached")
    # the point of Washington's 17 November decision, found through plotly's own data
    box = page.evaluate("""() => {
      const gd = document.querySelector('.js-plotly-plot');
      const traces = [...gd.querySelectorAll('.scatterlayer .trace')];
      for (const [t, trace] of gd._fullData.entries()) {
        if (trace.name !== 'Washington') continue;
        const i = [...trace.x].findIndex(x => String(x).startsWith('2024-11-17'));
        if (i < 0) continue;
        const el = traces.find(g => g.__data__ && g.__data__[0] && g.__data__[0].trace.index === trace.index);
        const r = el.querySelectorAll('.points path')[i].getBoundingClientRect();
        return {x: r.x + r.width / 2, y: r.y + r.height / 2};
      }
      return null;
    }""")
    assert box, "Washington's 17 November point is not on the timeline"
    before = run_id(page)
    page.mouse.click(box["x"], box["y"])
    wait_app(page, after=before)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "decision · 17 Nov 2024 · Washington" in text
    assert "Washington avait donné dimanche son feu vert à l’Ukraine" in text


def test_story_line_links_to_its_sentence_in_the_article(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/?actor=Washington")
    page.locator("a[title='Show the sentence in the article']").first.click()
    page.wait_for_url("**/article?**")
    wait_app(page)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Linked sentence: Washington avait donné dimanche son feu vert" in body
    assert "Actor: Washington" in summary_text(page)


def test_box_selection_on_the_timeline_sets_the_date_filter(server, watched):
    ctx, w = watched
    page = open_page(watched, server.url + "/timeline")
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
    s = summary_text(page)
    assert "Nov 2024" in s and not s.startswith("All actors") and "of 19 events" in s
    assert not w.real_console_errors(), w.real_console_errors()


def test_every_map_png_click_downloads_or_says_why(server, watched):
    """Five clicks in a row: each one ends in a PNG download (png_download raises on an error message)."""
    page = open_page(watched, server.url + "/map")
    map_frame(page)
    for _ in range(5):
        png = png_download(page, "map_png")
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
