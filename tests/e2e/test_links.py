"""Links that last: after each kind of filter, the address bar holds canonical values only; the link
copied from it opens the same view in a fresh browser, survives a reload, and stays in the address
bar; a value the corpus does not have is named on the page. On the evaluation corpus (`multi_server`)."""
from __future__ import annotations

import urllib.parse

import pytest

from .conftest import open_page, run_id, summary_text, wait_app

pytestmark = pytest.mark.e2e
EVAL = ["01-odessa-drones", "05-cop-bakou"]  # two of the evaluation articles (multi_server: conftest.py)


def sidebar_widget(page, testid: str, label: str):
    return page.locator(f"[data-testid='stSidebar'] [data-testid='{testid}']").filter(
        has=page.locator("[data-testid='stWidgetLabel']", has_text=label))


def choose(page, label: str, *texts: str):
    for text in texts:
        sidebar_widget(page, "stMultiSelect", label).locator("input").click()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")


def day(page, label: str, value: str):
    """Open the sidebar's Dates popover (unless open), type a date into Streamlit's segmented date field
    (year, month, day) and commit it by clicking the field's label (Escape would close the popover)."""
    field = page.locator("[data-testid='stPopoverBody'] [data-testid='stDateInput']").filter(
        has=page.locator("[data-testid='stWidgetLabel']", has_text=label))
    if not field.is_visible():
        page.locator("[data-testid='stSidebar'] [data-testid='stPopoverButton']").filter(has_text="Dates:").first.click()
    field.locator("[role='spinbutton'][data-type='year']").click()
    page.keyboard.type(value.replace("-", ""))
    field.locator("[data-testid='stWidgetLabel']").click()  # leave the field: commits the date


def search(page, text: str):
    box = sidebar_widget(page, "stTextInput", "Search").locator("input")
    box.fill(text)
    box.press("Enter")


# each case: the steps a person takes (each one reruns the app), and the address bar's query after them
CASES = {
    "actor": ([lambda p: choose(p, "Actors", "Sergueï Lavrov")], {"actor": ["Sergueï Lavrov"]}),
    "dates": ([lambda p: day(p, "From", "2024-11-19"), lambda p: day(p, "To", "2024-11-20")],
              {"from": ["2024-11-19"], "to": ["2024-11-20"]}),
    "place": ([lambda p: choose(p, "Places", "Rio de Janeiro")], {"place": ["Rio de Janeiro"]}),
    "kind": ([lambda p: choose(p, "Quote kind", "partial")], {"kind": ["partial"]}),
    "articles": ([lambda p: choose(p, "Articles", "Odessa visée"), lambda p: choose(p, "Articles", "COP29")],
                 {"article": EVAL}),
    "q": ([lambda p: search(p, "ATACMS")], {"q": ["ATACMS"]}),
}


def query(url: str) -> dict:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


def settle_after(page, action):
    before = run_id(page)
    action()
    wait_app(page, after=before)


@pytest.mark.parametrize("kind", CASES)
def test_link_from_the_address_bar_reopens_the_view(multi_server, watched, browser, kind):
    steps, expected = CASES[kind]
    page = open_page(watched, multi_server.url + "/quotes")
    everything = summary_text(page)
    for step in steps:
        settle_after(page, lambda: step(page))
    url = page.url  # what a person copies from the address bar
    assert query(url) == expected  # canonical values only: names, ids, ISO dates; no counts, no titles
    shown = summary_text(page)
    assert shown != everything
    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        p2 = fresh.new_page()
        p2.goto(url)
        wait_app(p2)
        assert summary_text(p2) == shown
        assert query(p2.url) == expected  # still in the address bar: re-sharing it works
        p2.reload()
        wait_app(p2)
        assert summary_text(p2) == shown and query(p2.url) == expected
        assert not p2.locator("[data-testid='stAlertContentWarning']").count()
    finally:
        fresh.close()


def test_a_stale_link_value_is_named_on_the_page(multi_server, watched):
    link = "/quotes?" + urllib.parse.urlencode(
        [("actor", "Sergueï Lavrov"), ("actor", "Personne Inconnue"), ("from", "2024-13-01"), ("article", "gone-article")])
    page = open_page(watched, multi_server.url + link)
    assert "Actor: Sergueï Lavrov" in summary_text(page)
    notice = page.locator("[data-testid='stAlertContentWarning']").inner_text()
    assert "3 filters from the link were not found" in notice
    for value in ("actor=Personne Inconnue", "from=2024-13-01", "article=gone-article"):
        assert value in notice
    page.reload()
    wait_app(page)
    assert "Actor: Sergueï Lavrov" in summary_text(page)


def test_one_stale_value_alone(multi_server, watched):
    page = open_page(watched, multi_server.url + "/?actor=Renamed%20Actor")
    assert "All actors" in summary_text(page)
    assert "1 filter from the link was not found in this corpus: actor=Renamed Actor" in \
        page.locator("[data-testid='stAlertContentWarning']").inner_text()
