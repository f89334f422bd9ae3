import datetime as dt

import pytest

from newsmap import filters as F
from newsmap.load import load


@pytest.fixture(scope="module")
def corpus():
    return load()


def test_query_round_trip():
    f = F.Filters(actors=["Sergueï Lavrov", "Kremlin"], start=dt.date(2024, 11, 17), end=dt.date(2024, 11, 20),
                  places=["Kyiv"], kinds=["direct"], articles=["a"], q="phase")
    q = f.to_query()
    back = F.Filters.from_query(lambda k: q.get(k, []) if isinstance(q.get(k), list) else ([q[k]] if k in q else []))
    assert back == f


def test_bad_url_values_are_ignored():
    params = {"from": ["2024-02-31"], "kind": ["direct", "bogus"], "actor": [""]}
    f = F.Filters.from_query(lambda k: params.get(k, []))
    assert f.start is None and f.kinds == ["direct"] and f.actors == []


def test_actor_filter(corpus):
    v = F.apply(corpus, F.Filters(actors=["Sergueï Lavrov"]))
    assert set(v.quotes["speaker"]) == {"Sergueï Lavrov"} and len(v.quotes) == 3
    assert all("Sergueï Lavrov" in (e["actors"] + [e["asserted_by"]]) for _, e in v.events.iterrows())
    assert set(v.places["name"]) == {"Rio de Janeiro", "Région de Briansk", "Ukraine", "États-Unis"}


def test_date_filter_uses_precision(corpus):
    v = F.apply(corpus, F.Filters(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)))
    assert list(v.events["date"]) == ["2022"]
    v = F.apply(corpus, F.Filters(start=dt.date(2024, 11, 17), end=dt.date(2024, 11, 17)))
    assert len(v.events) >= 1 and set(v.events["date"]) == {"2024-11-17"}


def test_place_filter_keeps_quotes_said_there_or_about_it(corpus):
    v = F.apply(corpus, F.Filters(places=["Rio de Janeiro"]))
    assert len(v.quotes) == 3 and set(v.places["name"]) == {"Rio de Janeiro"}


def test_search_is_case_and_accent_insensitive(corpus):
    assert len(F.apply(corpus, F.Filters(q="desastreuse")).quotes) == 1


def test_summary_line(corpus):
    f = F.Filters(actors=["Sergueï Lavrov"], start=dt.date(2024, 11, 17), end=dt.date(2024, 11, 20))
    s = F.summary(f, F.apply(corpus, f))
    assert s.startswith("Actor: Sergueï Lavrov · 17–20 Nov 2024 · ") and " of 19 events" in s
    assert F.source_line(F.apply(corpus, f)).endswith("published 20 Nov 2024")


def test_date_bounds():
    assert F.date_bounds("2022", "year") == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert F.date_bounds("2024-02", "month") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert F.date_bounds("2024-11-18", "day", "2024-11-19") == (dt.date(2024, 11, 18), dt.date(2024, 11, 19))


def test_place_filter_on_an_empty_event_set_keeps_the_columns(corpus):
    v = F.apply(corpus, F.Filters(end=dt.date(2000, 1, 1), places=["Kiev"]))
    assert v.events.empty and "places" in v.events.columns and v.places["name"].tolist() == ["Kiev"]
