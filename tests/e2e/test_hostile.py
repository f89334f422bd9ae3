"""A planted hostile article: text that looks like HTML stays text on every page and in the briefing."""
from __future__ import annotations

import re

import pytest

from .conftest import ARTIFACTS, Server, evaluate_in_every_frame, fragment_id, map_frame, open_page, wait_fragment

pytestmark = pytest.mark.e2e

HOSTILE = """<script>window.__xss='headline';alert('headline')</script> Attaque sur Kiev
« <img src=x onerror="window.__xss='quote';alert('quote')"> », a déclaré mardi à Kiev le maire de la ville, Vitali Klitschko.
Selon le porte-parole de l'armée, Iouri Ihnat, « <script>window.__xss='script';alert('script')</script> » reste une menace.
Le ministre a ajouté lundi à Odessa que la situation était « <b onmouseover=alert('b')>grave</b> ».
"""
ALL_FRAMES_XSS = "() => window.__xss === undefined"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, artifacts):
    from newsmap.corpus import ingest

    d = tmp_path_factory.mktemp("hostile")
    src = d / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    data = d / "data"
    ingest([src], data_dir=data, published="2024-11-20")
    s = Server(data)
    yield s
    s.stop()


def test_extraction_kept_the_payload_as_text(hostile_server):
    from newsmap.load import load

    c = load(hostile_server.data_dir)
    assert c.articles.iloc[0]["title"].startswith("<script>")
    assert any("onerror" in t for t in c.quotes["text"])


# every popup of the folium map open at once (Leaflet's own API, so no click reruns the app)
OPEN_ALL_POPUPS = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  let n = 0;
  map.eachLayer(l => { const p = l.getPopup && l.getPopup(); if (p) { p.options.autoClose = false; l.openPopup(); n++; } });
  return n;
}"""
IMAGES_SETTLED = "() => [...document.images].every(i => i.complete)"


@pytest.mark.parametrize("path", ["/", "/map", "/timeline", "/quotes", "/article", "/data"])
def test_no_script_runs_on_any_page(hostile_server, watched, path):
    ctx, w = watched
    page = open_page(watched, hostile_server.url + path)
    if path == "/map":
        before = fragment_id(page, "map")
        map_frame(page).locator("path.nm-place").first.click(force=True)  # a real click: lists that place beside the map
        wait_fragment(page, "map", after=before)  # the map's fragment reran: the place's panel is drawn
        page.get_by_role("button", name=re.compile("Filter to this place")).wait_for()
        frame = map_frame(page)  # the map of the rerun
        assert frame.evaluate(OPEN_ALL_POPUPS) >= 1
        frame.wait_for_function(IMAGES_SETTLED)
        assert frame.locator(".leaflet-popup").count() >= 1
    page.mouse.move(400, 400)
    for f in page.frames:
        if not f.is_detached():
            f.wait_for_function(IMAGES_SETTLED)  # any planted <img> has loaded or failed: its onerror had its chance
    for url, clean in evaluate_in_every_frame(page, ALL_FRAMES_XSS):
        assert clean, f"script ran in {url}"
    assert not w.dialogs, w.dialogs
    body = page.locator("body").inner_text()
    if path in ("/quotes", "/article"):
        assert "onerror" in body  # shown as text, not swallowed
    page.screenshot(path=str(ARTIFACTS / f"hostile{path.replace('/', '_') or '_overview'}.png"), full_page=True)


def test_briefing_is_safe_and_opens_offline_from_disk(hostile_server, watched, browser, tmp_path):
    ctx, w = watched
    page = open_page(watched, hostile_server.url + "/")
    page.locator("[data-testid='stSidebar'] [data-testid='stPopoverButton']").filter(has_text="Share").first.click()
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download briefing (HTML)").click()
    path = tmp_path / "briefing.html"
    dl.value.save_as(str(path))
    html = path.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html and "<img src=x" not in html

    offline = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    seen, dialogs = [], []
    offline.route("**/*", lambda r: (seen.append(r.request.url), r.continue_() if r.request.url.startswith("file:") else r.abort()))
    try:
        p = offline.new_page()
        p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        p.goto(path.as_uri())
        p.wait_for_function("() => window.newsmapMap !== undefined && document.querySelector('.js-plotly-plot .main-svg')")
        for m in p.locator("path.nm-place").all():
            m.click(force=True)
        assert p.evaluate(ALL_FRAMES_XSS) and not dialogs
        assert [u for u in seen if not u.startswith("file:")] == []
        assert p.locator("path.nm-place").count() >= 2 and p.locator("path.nm-country").count() > 150
        assert "onerror" in p.locator("body").inner_text()
        p.screenshot(path=str(ARTIFACTS / "hostile_briefing.png"), full_page=True)
    finally:
        offline.close()
