import pytest

from newsmap.gazetteer import OfflineGeocoder, gazetteer, haversine_km


@pytest.mark.parametrize("name,expected,lat,lon", [
    ("Kiev", "Kyiv", 50.45, 30.52), ("Briansk", "Bryansk", 53.27, 34.32), ("Moscou", "Moscow", 55.75, 37.62),
    ("Pékin", "Beijing", 39.91, 116.40), ("Genève", "Geneva", 46.20, 6.15), ("Rio de Janeiro", "Rio de Janeiro", -22.91, -43.18),
])
def test_french_exonyms_resolve(name, expected, lat, lon):
    loc = OfflineGeocoder().geocode(name)
    assert loc.address == expected and haversine_km(loc.latitude, loc.longitude, lat, lon) < 20


def test_exact_names_only_no_substring_match():
    assert gazetteer().resolve("Kharki") is None  # a prefix of Kharkiv ("Kie" is now a village of Timor)
    assert gazetteer().resolve("Kievskiy") is None or gazetteer().resolve("Kievskiy")["name"] != "Kyiv"


def test_documented_gazetteer_covers_seas_regions_islands_straits():
    gaz = gazetteer()
    for name, kind in [("mer Noire", "sea"), ("région de Briansk", "region"), ("île aux Serpents", "island"), ("détroit de Kertch", "strait")]:
        assert gaz.resolve(name)["kind"] == kind


def test_country_context_breaks_ties_but_population_wins_big_gaps():
    gaz = gazetteer()
    assert gaz.resolve("Paris", {"US"})["country"] == "FR"
    assert gaz.resolve("Odessa", {"UA"})["country"] == "UA"


def test_countries_have_french_names_and_centroids():
    r = gazetteer().resolve("Russie")
    assert r["kind"] == "country" and 50 < r["lat"] < 70 and 80 < r["lon"] < 120


def test_online_geocoder_is_off_by_default(monkeypatch):
    from newsmap.gazetteer import online_geocoder

    monkeypatch.delenv("NEWSMAP_GEOCODER", raising=False)
    assert online_geocoder() is None


def test_online_fallback_is_rate_limited_and_cached(tmp_path, monkeypatch):
    import time

    from geopy.location import Location

    from newsmap.gazetteer import _RateLimitedCachedGeocoder

    calls = []

    class Fake:
        def geocode(self, query, language=None):
            calls.append((query, time.monotonic()))
            return Location("Vinnytsia, Ukraine", (49.23, 28.47), {})

    g = _RateLimitedCachedGeocoder(Fake(), tmp_path / "cache.json", min_delay=0.3)
    assert g.geocode("Vinnytsia").latitude == 49.23
    g.geocode("Lutsk")
    assert calls[1][1] - calls[0][1] >= 0.29  # at most one request per min_delay
    again = _RateLimitedCachedGeocoder(Fake(), tmp_path / "cache.json", min_delay=0.3)
    assert again.geocode("Vinnytsia").longitude == 28.47 and len(calls) == 2  # answered from the disk cache


def test_online_geocoder_only_when_asked(monkeypatch, tmp_path):
    from newsmap.gazetteer import online_geocoder

    monkeypatch.setenv("NEWSMAP_GEOCODER", "nominatim")
    monkeypatch.setenv("NEWSMAP_CACHE_DIR", str(tmp_path))
    g = online_geocoder()
    assert g is not None and g.min_delay >= 1.0 and "newsmap" in g.geocoder.headers["User-Agent"]


def test_small_places_and_divisions_are_indexed():
    gaz = gazetteer()
    assert any(c["country"] == "CH" for c in gaz.candidates("Chamoson"))  # ≈ 3,000 inhabitants
    valais = gaz.resolve("Valais")
    assert valais["kind"] == "region" and valais["country"] == "CH" and valais["source"] == "iso3166-2"
    assert gaz.resolve("Sardaigne")["country"] == "IT"  # French name from pycountry's translations
    assert gaz.record(gaz.codes["CH-VS"])["name"] == "Valais"



def test_former_french_regions_and_every_continent_are_known():
    gaz = gazetteer()
    assert gaz.resolve("Bourgogne", {"FR"})["kind"] == "region"  # not the village of the Marne
    assert gaz.resolve("Lorraine", {"FR"})["kind"] == "region"  # not the town of Quebec
    for name in ("Océanie", "Amérique du Sud", "Amérique du Nord", "Antarctique"):
        assert gaz.resolve(name)["kind"] == "continent"


def test_documented_gazetteer_has_mountain_ranges_and_regions_below_iso():
    gaz = gazetteer()
    for name, lat, lon in [("Alpes", 46.4, 10.0), ("Pyrénées", 42.7, 0.7), ("Laurentides", 46.6, -74.9), ("Sud-Comoé", 5.65, -3.25),
                           ("Morvan", 47.2, 4.0), ("Massif central", 45.5, 2.8), ("Carpates", 47.5, 25.0)]:
        rec = gaz.resolve(name)
        assert rec["kind"] == "region" and haversine_km(rec["lat"], rec["lon"], lat, lon) < 50, name



def test_each_part_of_a_bilingual_name_is_a_primary_name():
    biel = next(c for c in gazetteer().candidates("Bienne") if c["country"] == "CH")
    assert biel["name"] == "Biel/Bienne" and biel["primary"]
    # "Neustadt/Nord" is no bilingual name: "Nord" (not among its alternate names) never becomes a primary town name
    assert not any(c["primary"] for c in gazetteer().candidates("Nord") if c["kind"] == "city")
