"""Place and date phenomena of published news (issue 8, round 9), each as a minimal sentence written for the test."""
import datetime as dt

from newsmap.dates import find_dates
from newsmap.gazetteer import haversine_km

MON = dt.date(2023, 5, 15)  # a Monday


def near(p, lat, lon, km=30):
    return haversine_km(p["lat"], p["lon"], lat, lon) <= km


def covering(doc, mention):
    """The place whose spans cover the first occurrence of ``mention`` (as the scorer looks it up)."""
    i = doc["text"].find(mention) if "text" in doc else None
    return [p for p in doc["places"] if any(s <= i < e for s, e in p["spans"])] if i is not None else \
        [p for p in doc["places"] if mention in p["mentions"]]


def test_ce_weekday_told_in_the_past_is_the_day_before_a_monday_publication(nlp):
    text = "Trois contrôles routiers ont eu lieu ce samedi sur la côte, et deux autres ce dimanche en ville."
    (d,) = [d for d in find_dates(text, MON, nlp(text)) if d["mention"] == "ce dimanche"]
    assert d["value"] == "2023-05-14"  # the Sunday just past, not the one coming


def test_ce_weekday_in_the_present_still_points_to_the_coming_day(nlp):
    text = "Le conseil municipal se réunit ce jeudi pour voter le budget."
    (d,) = [d for d in find_dates(text, MON, nlp(text)) if d["mention"] == "ce jeudi"]
    assert d["value"] == "2023-05-18"


def test_province_after_du_inside_an_organisation_name(extract_text):
    doc = extract_text("La Sûreté du Québec, appelée sur les lieux, confirme la version des témoins.", "2023-05-15")
    (p,) = [p for p in doc["places"] if "Québec" in p["mentions"]]
    assert p["kind"] == "region" and p["rule"] == "ner-subspan-region-article"  # the province's police, not the city
