"""Recognise places and resolve them to coordinates, offline.

Reads: ``ctx.text``, ``ctx.doc`` (NER entities, sentences), the gazetteer. Writes: ``ctx.places``, a
list of ``{id, name, mentions, spans, count, lat, lon, kind, country, source, rule}`` and
``ctx.place_spans`` (``(start, end, place_id)`` for every mention, used by quotes and events).

Recognition is an ordered list of small rules (:data:`RULES`); an earlier rule claims its
characters, and every place records the ``rule`` that found its first mention:

==========================  =======================================================================
rule                        what it finds
==========================  =======================================================================
division                    ``région du Centre``, ``canton de Vaud``: the division (``la région de Sfax``: at the city
                            of 100,000 inhabitants or more it is named after), else one placed at
                            the city of that name (``source = "derived-from-city"``); before the list
                            below, so that ``région du Sahel`` is Burkina Faso's region, not the belt.
                            A plural head (``départements de l'Est``, ``États du Sahel``: a group)
                            comes after the list
divisions-of-country        ``toutes les régions d'X``, ``provinces du X``: a plural head names the country X itself
division-late               ``canton du Jura``, a division whose name several countries have, none of them the article's
                            yet: after NER, when the story's towns (``Delémont``) tell which
multiword-division          an ISO 3166-2 division of two or three words NER cut short or missed (``en Brabant
                            flamand``, ``TER Bourgogne Franche Comté``)
gazetteer-list              names from ``assets/gazetteer_extra.json`` (``mer Baltique``, ``Haut Atlas``)
descriptive-name            periphrases (``la cité phocéenne`` → Marseille), ``lang/fr/places.py``
dateline                    ``BRUXELLES, Belgique | AFP``, ``KIEV, 3 mars (AFP) -``, ``(Québec)``, ``Kaya, le 21 novembre
                            2025 (AIB) –``
seat-locative               ``à la Maison-Blanche`` (a seat of power is otherwise an actor)
town-of-division            ``Blatten (VS)``, ``Hasselt (Limbourg)``: the namesake inside that division, else (a code) a
                            village placed at the division; every mention of the name follows
landmark                    ``hôpital Saint-Pierre (Bruxelles)``, ``Halle Tony-Garnier de Lyon``,
                            ``col du Tourmalet``: placed at the town named with it, else at the
                            nearest town of its sentence (or paragraph, for a building or street;
                            a street, square, park or local business: else the town the article names most;
                            never a town someone is ``originaire de``);
                            dropped when there is none (but a place in its name is kept: ``Collège du Larzac``)
landmark (road)             ``sur le CR118 à hauteur de Mersch``, ``sur l'A7``: a road number, placed the same way
place-compound              ``les liaisons Nancy-Metz et Épinal-Metz-Strasbourg``: each part that is a place
ner / ner-subspan           spaCy entities (LOC, and ORG/PER/MISC that are exactly a known place; a LOC after a cue whose
                            name is in one country before its pieces; a piece is never a generic word, ``Grand`` of
                            ``Grand Étang``, nor part of a hyphenated name, ``Sainte-`` of ``Alise-Sainte-Reine``); never a foreign
                            town after an article (``à l'Olympia`` is the hall, not Olympia, Washington), nor a
                            small foreign town far from a story set in one other country (``Fox Lake`` in Alberta)
ner-known-place             an entity of another label naming a place found elsewhere in the text
ner-article-commune         ``au Lavandou`` → Le Lavandou
ner-region-article          ``au Québec`` → the province, ``à Québec`` → the city
ner-locative-cue            a small place whose name is in one country only, after ``à``/``en``/…
macro-region                ``dans le Sud-Ouest``: a division of that name in the article's countries, else
                            France's compass region (article on France or naming no country)
town-country                ``le secteur du Roannais``: a name the gazetteer lacks, the adjective of a town (Roanne) of the
                            article's countries, at that town
town-in-name                ``Festival de Cannes``, ``hôpital de Sion``, ``la ville de Québec`` → the town (``deuxième ville
                            d'Ukraine``: the country after a rank) (after NER, so that
                            the places found there settle namesakes: Sion in Valais)
place-in-org                ``Garde nationale de Tunis``, ``Office du tourisme du Bénin``: the place the name carries
arrondissement              ``le 7e arrondissement de Lyon``: GeoNames' ``Lyon 07``, else the town (kind ``district``)
facility-in-parentheses     in a sentence about facilities, ``trois collèges d'Alma (le Phare et les
                            Bouleaux)`` and ``dépôt pétrolier de Hassi Khebi (Tindouf)``: each at its town
capital                     ``la capitale ukrainienne`` → Kyiv; ``la capitale`` alone → the capital of the
                            country most of the article's places are in (not ``la capitale économique``)
capitalised-after-cue       a name NER missed after ``à``/``sur``/``vers`` …, in the article's countries
person-tagged-place         a one-word name NER took for a person, after ``à``/``de`` …, that is a town of the article's
                            countries (``à Casselman``); never a surname of a person named in full; the town after a full
                            name (``Julie Gagnon de Saint-Jovite``)
division-code               ``Chamoson (VS)`` → the canton of Valais
village-in-division         a place the gazetteer lacks, named with its division (``Lunas et Octon, dans l'Hérault``,
                            ``Koutougou, province du Soum``): at the division (``source = "division-of-village"``)
unknown-locality            a place the gazetteer lacks after ``à``/``à la``/``vers``/``jusqu'à`` in a local story (its towns in
                            one country, one of them named most): at that town (``source = "town-of-context"``)
village-in-list             a place the gazetteer lacks listed with a small town (``les hameaux de Visperterminen et de Zeneggen``):
                            next to it (``source = "sibling-in-list"``)
closest-namesake            after all rules: a name whose namesake lies near the story's places (named before or after
                            it) is that one (``Brickaville`` by Moramanga; ``sous-préfet de Vienne`` in a story on Isère)
(repeat)                    every further mention of a name already resolved (not a place's rule)
==========================  =======================================================================

Small places (< 5,000 inhabitants) and divisions are *weak*: taken only in a country the article
names or already placed something in (the place counts for disambiguation too: ``Sion`` is the
Swiss town in an article on Valais), or after a locative cue when the name exists in one country.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from .gazetteer import gazetteer, haversine_km, norm, online_geocoder
from .gazetteer import is_weak as _weak
from . import lang

FR = lang.Part("places")  # newsmap/lang/<article.lang>/places.py: words and the patterns built from them

NEAR_KM = 150
DIVISION_KM = 100  # a town named with its division lies within this of the division's middle
REGION_CITY_POPULATION = 100_000  # "la région de Sfax" is drawn at the city when the city is that large
FOREIGN_TOWN_POPULATION = 50_000  # a smaller town of a country the article does not name, far from its places: a namesake
_LOWER_HEADS = ("département ", "mer ", "océan ", "détroit ", "île ", "golfe ", "bande ", "plateau ", "centrale ", "pont ",
                "canal ", "gazoduc", "péninsule ", "piton ", "causse ", "région ", "oblast ", "enclave ", "pays ", "la manche", "états baltes", "palais ", "vallée ")
_HYPHENS = {0x2010: "-", 0x2011: "-"}  # typographic hyphens inside names ("Alsace‐Lorraine") read as "-"
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_ARTICLE_BEFORE = re.compile(r"(?:\b[lL]['’]|\b(?:le|la)\s+)$")
_DATELINE_RE = re.compile(
    r"^(?:(?P<caps>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ -]*[A-ZÀ-ÖØ-Þ])(?:,\s*(?P<land>[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [\w'’-]+)?))?(?=\s*(?:,|\||\(|—|–|-\s)|-(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ']))"
    r"|\((?P<paren>[A-ZÀ-ÖØ-Þ][\w'’ -]+)\)\s"
    r"|(?P<town>[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?) \((?P<country>[A-ZÀ-ÖØ-Þ][\w' -]+)\) \((?:AFP|Reuters|AP|Belga|ATS)\)"
    r"|(?P<dated>[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?),\s+(?:le\s+)?(?:[a-z]+\s+)?\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}\s*\([A-Z][\w-]*\))",
    re.M,
)
_NAMED_AFTER = re.compile(r"\b(?:quartier|rue|avenue|boulevard|place|village|hameau|lieu-dit|aéroport|gare|université|stade|hôpital)\s+"
                          r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?$", re.I)


class _ExtraMatcher:
    """The documented gazetteer rows (``gazetteer_extra``) by any of their names, whole words, case ignored.

    Candidates are looked up by the first word at each word start (a thousand names: one dict lookup, not a
    thousand-way regular expression tried at every character); the longest name that fits wins, as in an
    alternation sorted longest first.
    """

    _WORD_START = re.compile(r"(?<![\w-])\w+")
    _END = re.compile(r"(?![\w-])")

    def __init__(self, gaz):
        aliases = {}
        for row in gaz.extra:
            for a in {row["name"], *row["aliases"]}:
                aliases[a] = row
        self.rows = {a.lower(): r for a, r in aliases.items()}
        self.by_first: dict[str, list[str]] = {}
        for a in sorted(self.rows, key=len, reverse=True):
            self.by_first.setdefault(re.match(r"\w+", a).group(0), []).append(a)

    def find(self, text):
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        pos = 0
        for w in self._WORD_START.finditer(low):
            if w.start() < pos:
                continue
            for name in self.by_first.get(w.group(0), ()):
                end = w.start() + len(name)
                if low.startswith(name, w.start()) and self._END.match(low, end):
                    surface = text[w.start():end]
                    if surface.lower().startswith(_LOWER_HEADS) or _CAP_WORD.match(surface):  # a proper name is capitalised
                        yield w.start(), end, self.rows[name]
                    pos = end
                    break


_matcher = None
_seat_re = None


def _SEAT_RE():
    global _seat_re
    if _seat_re is None:
        names = sorted({a for s in gazetteer().seats for a in (s["name"], *s["aliases"])}, key=len, reverse=True)
        _seat_re = re.compile(r"(?:\bà\s+la|\bà\s+l'|\bau|\bdepuis\s+la|\bdepuis\s+le|\bdepuis\s+l'|\bdevant\s+la|\bdevant\s+le|\bdans\s+le|\bdans\s+la)\s*(?P<name>"
                              + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return _seat_re


def _extra_matcher():
    global _matcher
    if _matcher is None:
        _matcher = _ExtraMatcher(gazetteer())
    return _matcher


def context_countries(text: str, doc) -> set[str]:
    """Countries the article names or implies (adjectives): a prior for ambiguous places."""
    gaz = gazetteer()
    found = set()
    for ent in doc.ents:
        best = gaz.resolve(ent.text)
        if best and best["kind"] == "country":
            found.add(best["country"])
    for tok in doc:
        iso = gaz.country_of_adjective(tok.lower_)
        if iso:
            found.add(iso)
    return found


def _overlaps(spans, s, e):
    return any(s < pe and ps < e for ps, pe in spans)


def _sub_spans(ent):
    """Token sub-spans of an entity, longest first, that start or end at a capitalised token."""
    n = len(ent)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            sub = ent[i:i + size]
            if sub[0].text[:1].isupper():
                yield sub


class _Finder:
    """The state the rules share: the article, the hits so far and the characters they claim."""

    def __init__(self, ctx):
        self.gaz = gazetteer()
        self.text, self.doc = ctx.text.translate(_HYPHENS), ctx.doc  # same length: offsets hold, mentions come from ctx.text
        self.named = ctx.countries
        self.hits: list[tuple[int, int, dict]] = []
        self.claimed: list[tuple[int, int]] = []
        self.late_divisions: list = []  # "canton du Jura": resolved after NER (namesakes in several countries)
        self.qualified: dict[str, dict] = {}  # a name placed by its division ("Blatten (VS)"): the same at every mention
        self.sent_starts = [s.start_char for s in ctx.doc.sents] if ctx.doc.has_annotation("SENT_START") else [0]

    def near(self) -> set[str]:
        return self.named | {rec["country"] for _s, _e, rec in self.hits if rec.get("country")}

    def free(self, s, e) -> bool:
        return not _overlaps(self.claimed, s, e)

    def add(self, s, e, rec, rule) -> None:
        self.hits.append((s, e, dict(rec, rule=rule)))
        self.claimed.append((s, e))

    def lookup(self, name, kinds=None, weak_ok=False, in_context=False):
        """The best known place of that name; a weak one only in the article's countries (or if weak_ok)."""
        near = self.near()

        def accept(c):
            if kinds and c["kind"] not in kinds:
                return False
            if in_context:
                return c["country"] in near
            return weak_ok or not _weak(c) or c["country"] in near
        points = [(r["lat"], r["lon"]) for _s, _e, r in self.hits if r["kind"] in ("city", "region", "landmark")]

        def close(c):  # a place close to the ones already found wins among namesakes
            return 1.0 if any(haversine_km(c["lat"], c["lon"], lat, lon) < NEAR_KM for lat, lon in points) else 0.0
        return self.gaz.resolve(name, near or FR.HOME_COUNTRIES, accept, close)  # no country named: the readers' own

    def one_country(self, name) -> bool:
        return len({c["country"] for c in self.gaz.candidates(name)}) == 1

    def paragraph_of(self, pos) -> tuple[int, int]:
        end = self.text.find("\n", pos)
        return self.text.rfind("\n", 0, pos) + 1, end if end >= 0 else len(self.text)

    def sentence_of(self, pos) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return self.sent_starts[max(i, 0)], end


def _rule_gazetteer_list(f):
    f.in_country_rows = []
    for s, e, row in _extra_matcher().find(f.text):
        if row.get("only_in_country") and row["country"] not in f.near():
            f.in_country_rows.append((s, e, row))  # decided after NER (_rule_gazetteer_in_country)
            continue
        if f.free(s, e):
            f.add(s, e, {"source": "newsmap-gazetteer", **row}, "gazetteer-list")






def _rule_gazetteer_in_country(f):
    """A gazetteer row that is also a surname or a common word elsewhere (``Rodrigues``, ``Goms``): taken only when the
    article names its country or a place of it (known once NER has run: ``Valais`` → Switzerland)."""
    for s, e, row in f.in_country_rows:
        if row["country"] in f.near() and f.free(s, e):
            f.add(s, e, {"source": "newsmap-gazetteer", **row}, "gazetteer-in-country")


def _rule_descriptive(f):
    for m in FR.DESCRIPTIVE_RE.finditer(f.text):
        key = m.group(0).lower().replace("’", "'")
        written, target = FR.DESCRIPTIVE_BY_KEY.get(key) or FR.DESCRIPTIVE_BY_KEY[f"la {key}"]
        if written != written.lower() and not m.group(0).endswith(written.removeprefix("la ")):
            continue  # "une grande île": not the nickname
        rec = f.lookup(target, weak_ok=True)
        if rec and f.free(m.start(), m.end()):
            f.add(m.start(), m.end(), rec, "descriptive-name")


def _rule_dateline(f):
    for m in _DATELINE_RE.finditer(f.text):
        if m.start() > 300:
            continue  # a dateline opens the text or its first lines
        for g in ("country", "land"):
            country = f.lookup(m.group(g), kinds={"country", "region"}) if m.group(g) else None
            if country:
                f.add(m.start(g), m.end(g), country, "dateline")
        g = next(g for g in ("caps", "paren", "town", "dated") if m.group(g))  # "dated": "Kaya, le 21 novembre 2025 (AIB) –"
        name, s = m.group(g), m.start(g)
        rec = f.lookup(name, kinds={"city", "region", "country"})
        if rec and f.free(s, s + len(name)):
            f.add(s, s + len(name), rec, "dateline")


def _division_record(f, head: str, adj: str, name: str) -> dict | None:
    """The division ``<head> de <name>``: a known one (``la région de X`` named after a city of 100,000 inhabitants or more
    inside it: at that city), else one placed at the town of that name or (a raion named by an adjective, ``district de
    Rylsky``) at its seat town."""
    gaz = f.gaz
    known = gaz.resolve(f"région de {name}")
    if known and known["kind"] == "region":
        return known
    one = len({c["country"] for c in gaz.candidates(name) if c["kind"] == "region"}) == 1
    division = f.lookup(name, kinds={"region"}, weak_ok=one)  # "départements de l'Est": which country's?
    if division and head.lower() == "région":  # "la région de Sfax": the area around the city, drawn at the city
        city = f.gaz.resolve(name, {division["country"]}, lambda c: c["kind"] == "city" and c["country"] == division["country"]
                             and c["population"] >= REGION_CITY_POPULATION)
        if city and haversine_km(city["lat"], city["lon"], division["lat"], division["lon"]) <= DIVISION_KM:
            return dict(division, lat=city["lat"], lon=city["lon"], source="division-at-city")
    if division:
        return division
    city = f.lookup(name, kinds={"city"}) or next(filter(None, (f.lookup(n, kinds={"city"}) for n in _seat_names(name))), None)
    if not city:
        return None
    return {"name": f"{head.lower().rstrip('s').capitalize()} de {name}", "lat": city["lat"], "lon": city["lon"], "kind": "region",
            "country": gaz.country_of_adjective(adj or "") or city["country"], "source": "derived-from-city"}


def _seat_names(name: str) -> list[str]:
    """A Slavic division's adjective → its seat town in the gazetteer's spellings: ``Rylsky`` → Rylsk,
    ``Khomoutovsky`` → Khomoutovka / Khomutovka (French ``ou`` for ``u``)."""
    m = re.match(r"(?P<stem>.+?)(?P<sk>sk|ck|zk)(?:yi|iy|yy|ij|y|i|a|aïa|aya|iï)$", name)
    if not m:
        return []
    stem = m.group("stem")
    names = [n for n in (stem + m.group("sk"), stem + "ka", stem, stem + "e") if len(n) >= 4]
    return names + [n.replace("ou", "u").replace("Ou", "U") for n in names if "ou" in n.lower()]


def _namesake_divisions(f, name: str) -> bool:
    """Divisions of that name in several countries, none of them the article's yet (``Jura``: France's and Switzerland's)."""
    countries = {c["country"] for c in f.gaz.candidates(name) if c["kind"] == "region"}
    return len(countries) > 1 and not countries & f.near()


def _rule_division(f, plural=False):
    for m in FR.DIVISION_RE.finditer(f.text):
        s, e = m.start(), m.end()
        if not f.free(s, e) or m.group("head").lower().endswith("s") != plural:
            continue
        country = f.lookup(m.group("name"), kinds={"country"}) if plural else None
        if country:  # "toutes les régions d'X": the country X itself, never a division called X
            f.add(m.start("name"), m.end("name"), country, "divisions-of-country")
            continue
        if not plural and _namesake_divisions(f, m.group("name")):
            f.claimed.append((s, e))  # "canton du Jura": which one the places named around it tell (rule division-late)
            f.late_divisions.append(m)
            continue
        rec = _division_record(f, m.group("head"), m.group("adj"), m.group("name"))
        if rec is None:
            continue
        f.add(s, e, rec, "division")
        more = re.match(rf"\s+et\s+(?P<name>{FR.NAME})", f.text[e:])  # "districts de Rylsky et Khomoutovsky"
        if plural and more and f.free(e + more.start("name"), e + more.end("name")):
            rec2 = _division_record(f, m.group("head"), m.group("adj"), more.group("name"))
            if rec2:
                f.add(e + more.start("name"), e + more.end("name"), rec2, "division")


def _rule_division_late(f):
    """``canton du Jura`` (a division of that name in France and Switzerland): resolved after NER, when the towns of the
    story (``Delémont``) say which country it is in."""
    for m in f.late_divisions:
        rec = _division_record(f, m.group("head"), m.group("adj"), m.group("name"))
        if rec:
            f.add(m.start(), m.end(), rec, "division-late")


def _rule_seat(f):
    seat_keys = f.gaz.seat_keys
    for m in _SEAT_RE().finditer(f.text):  # "à la Maison-Blanche": a seat of power used as a place
        s, e = m.start("name"), m.end("name")
        if f.free(s, e):
            f.add(s, e, {**seat_keys[norm(m.group("name"))], "source": "newsmap-gazetteer"}, "seat-locative")


_TOWN_DIVISION_RE = re.compile(rf"(?P<name>{FR.NAME})\s\((?P<div>[A-Z]{{2,3}}|{FR.NAME})\)")


def _division_named(f, div: str) -> dict | None:
    """``VS`` (a division code of the article's countries, else of the readers' own) or ``Limbourg`` (a division name)."""
    if div.isupper():
        keys = f.gaz.codes_by_suffix.get(div, [])
        key = next((k for k in keys if k.split("-")[0] in f.near()), None) or next(
            (k for k in keys if k.split("-")[0] in FR.HOME_COUNTRIES), None)
        return f.gaz.record(f.gaz.codes[key]) if key else None
    return f.lookup(div, kinds={"region"}, weak_ok=True)


def _rule_town_of_division(f):
    """``Blatten (VS)``, ``Hasselt (Limbourg)``: the town of that name in the division named after it (the candidate nearest
    the division's middle, within 100 km), else (a division code) a village the gazetteer lacks, placed at the division (``source =
    "division-of-village"``, approximate). The name is that place at its other mentions too (``à Blatten`` in the headline
    is not the Zurich Blatten)."""
    people = [(ent.start_char, ent.end_char) for ent in f.doc.ents if ent.label_ == "PER"]
    orgs = {(ent.start_char, ent.end_char) for ent in f.doc.ents if ent.label_ == "ORG"}  # a party (PS), not "Université de X"
    for m in _TOWN_DIVISION_RE.finditer(f.text):
        (s, e), (ds, de) = m.span("name"), m.span("div")
        name = m.group("name")
        if not f.free(s, e) or name.isupper() or _overlaps(people, s, e) or (s, e) in orgs:
            continue
        div = _division_named(f, m.group("div"))
        if div is None or div["kind"] != "region":
            continue
        inside = [c for c in f.gaz.candidates(name) if c["kind"] == "city"
                  and haversine_km(c["lat"], c["lon"], div["lat"], div["lon"]) <= DIVISION_KM]
        if inside:
            rec = max(inside, key=f.gaz.score)
        elif not m.group("div").isupper():
            continue  # "Hassi Khebi (Tindouf)": a site at a town as likely as a village of a division
        else:
            rec = {"name": name, "lat": div["lat"], "lon": div["lon"], "kind": "city", "country": div["country"],
                   "source": "division-of-village"}
        f.add(s, e, rec, "town-of-division")
        f.qualified[name] = f.hits[-1][2]
        if f.free(ds, de):
            f.add(ds, de, div, "division-code" if m.group("div").isupper() else "town-of-division")


class _Landmark(NamedTuple):
    """A landmark claimed before NER, placed by ``_place_landmarks`` after it."""
    start: int
    end: int
    town: dict | None  # its town's record, when named with it
    town_start: int | None  # where that town is written, to record it as a place too
    inner: list  # places found inside its name ("Collège du Larzac"), the fallback
    rule: str
    late: tuple | None = None  # (town start, town end, name end) of a small town looked up once NER is done


def _rule_landmark(f):
    """Claim landmark names now (so that ``Halle`` is never geocoded alone); place them after NER."""
    f.landmarks = []
    for m in FR.LANDMARK_RE.finditer(f.text):
        s, e = m.start(), m.end()
        if _overlaps([(rs, re_) for rs, re_, _row in f.in_country_rows], s, e):
            continue  # "la Vallée de Conches": a gazetteer row, decided after NER
        inner = [h for h in f.hits if h[0] < e and s < h[1]]
        if any(h[0] <= s or h[1] > e or h[2]["rule"] == "town-of-division" for h in inner):
            continue  # "Université de Hasselt (Limbourg)": the town, placed by its division
        if inner:  # "gares du Nord": the landmark, not the département inside its name (unless it cannot be placed)
            f.hits = [h for h in f.hits if h not in inner]
            f.claimed = [c for c in f.claimed if not (c[0] < e and s < c[1])]
        town_name = m.group("town") or m.group("town2")
        town, name_end, late = None, e, None
        if town_name:
            town = f.lookup(town_name, kinds={"city"})
            ts = m.start("town") if m.group("town") else m.start("town2")
            name_end = len(f.text[:ts].rstrip(" (").removesuffix(" de").removesuffix(" à").rstrip().rstrip(","))
            if town is None:  # a small town, known once NER has placed the story in its country ("Villa X de Trois-Pistoles")
                late, name_end = (ts, ts + len(town_name), name_end), e
        if re.search(r"\b(?:à|en)\s+la\s+$", f.text[max(0, s - 8):s]) and f.text[s:s + 5].lower() == "place":
            continue  # "à la place de X" is no square
        if re.search(r"(?:\bau|\bà\s+(?:son|leur|mon|ton|notre|votre))\s+$", f.text[max(0, s - 12):s]) and f.text[s:s + 5].lower() == "tour ":
            continue  # "c'est au tour de la Côte d'Ivoire", "à son tour": no tower
        if m.group("of") and not town_name and (f.lookup(m.group("name"), kinds={"city", "country"})):
            continue  # "hôpital de Sion", "port de Marseille": the town itself (rule town-in-name)
        if f.text[s:m.start("name")].strip().lower() in FR.CROSSING_HEADS:
            s = m.start("name")  # "rue Sherbrooke, coin McGill College": the street crossing, by its own name
        f.claimed.append((s, e))
        f.landmarks.append(_Landmark(s, name_end, town, ts if town else None, inner, "landmark", late))
    _described_landmarks(f)


def _described_landmarks(f):
    """``palais de justice de Quimper``, ``lycée technique de Pikine``: a building named by its kind in common words, at
    the town named after it (a town found by an earlier rule: ``Quimper (Finistère)``); a name the gazetteer lacks is part
    of the building's name, placed like a landmark (rule ``landmark-described``)."""
    for m in FR.DESCRIBED_LANDMARK_RE.finditer(f.text):
        s, words_end, ts, te = m.start(), m.end("words"), m.start("town"), m.end("town")
        if not f.free(s, words_end):
            continue
        known = [r for hs, _he, r in f.hits if hs == ts and r["kind"] == "city"]
        town = known[0] if known else (f.lookup(m.group("town"), kinds={"city"}) if f.free(ts, te) else None)
        if town is None and not f.free(ts, te):
            continue  # the name after it is some other place ("hôpital général de la région X")
        f.claimed.append((s, words_end if known else te))
        f.landmarks.append(_Landmark(s, words_end if town else te, town, ts if town and not known else None, [], "landmark-described"))




def _rule_road_code(f):
    """``sur le CR118 à hauteur de Mersch``: a road by its number, placed like a landmark (the nearest town of its
    sentence or paragraph)."""
    for m in FR.ROAD_RE.finditer(f.text):
        s, e = m.start("code"), m.end("code")
        if f.free(s, e):
            f.claimed.append((s, e))
            f.landmarks.append(_Landmark(s, e, None, None, [], "landmark"))


def _place_landmarks(f):
    for i, lm in enumerate(f.landmarks):
        if lm.town is None and lm.late:
            town = f.lookup(f.text[lm.late[0]:lm.late[1]], kinds={"city"})  # the story's countries are known now
            if town is not None:
                f.landmarks[i] = lm._replace(end=lm.late[2], town=town, town_start=lm.late[0], late=None)
    for lm in f.landmarks:  # the towns named with landmarks are places too
        if lm.town_start is not None:
            f.add(lm.town_start, lm.town_start + len(re.match(FR.NAME, f.text[lm.town_start:]).group(0)), lm.town, "landmark")
    cities = sorted((s, e, rec) for s, e, rec in f.hits if rec["kind"] == "city")
    # a landmark named with its town once ("l'hôpital Anna-Laberge, à Châteauguay") is there at every mention
    own_town = {f.text[lm.start:lm.end].lower(): lm.town for lm in f.landmarks if lm.town is not None}
    one_town = len({(rec["name"], rec["country"]) for _s, _e, rec in cities}) == 1
    for s, e, town, _town_start, inner, rule, _late in f.landmarks:
        town = town or own_town.get(f.text[s:e].lower())
        # the nearest town of its sentence, else (a building or a street) of its paragraph; not a town
        # inside another name ("Festival de Cannes")
        natural = f.text[s:e].lower().startswith(FR.NATURAL_HEADS)
        for a, b in (f.sentence_of(s),) if natural else (f.sentence_of(s), f.paragraph_of(s)):
            inside = [(abs(cs - s), rec) for cs, _ce, rec in cities if a <= cs < b and rec["rule"] != "town-in-name"
                      and not re.search(FR.ORIGIN_CUES, f.text[max(0, cs - 20):cs])]  # "originaire de Changé": elsewhere
            if town is None and inside:
                town = min(inside, key=lambda x: x[0])[1]
        if town is None and (f.text[s:e].lower().startswith(FR.STREET_HEADS + FR.RIVER_HEADS + FR.LOCAL_HEADS)
                             or f.text[:s].rstrip().lower().endswith(FR.CROSSING_HEADS)):
            town = _article_town(cities)  # a street, a square, a park, a river with no town near it: the story's town
        elif town is None and not natural and one_town:
            town = _article_town(cities)  # a building far from the only town the article names: there
            rule = "landmark-article-town"
        if town is None:
            for hs, he, rec in inner:  # "Collège du Larzac" with no town near it: at least the place in its name
                f.add(hs, he, rec, rec["rule"])
            continue
        name = f.text[s:e]
        rec = {"name": name[0].upper() + name[1:], "lat": town["lat"], "lon": town["lon"], "kind": "landmark",
               "country": town["country"], "source": "town-of-landmark"}
        f.hits.append((s, e, dict(rec, rule=rule)))


_ITEM = r"(?:(?:la|le|les|l'|l’)\s*)?[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*"
_PAREN_RE = re.compile(rf"(?P<a>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[- ][A-ZÀ-ÖØ-Þ][\w'’-]+)?)\s*\((?P<b>{_ITEM}(?:\s*(?:,|et)\s*{_ITEM})*)\)")


def _rule_facility_in_parentheses(f):
    """Facilities listed with their town, in a sentence about facilities: ``trois collèges d'Alma (le Phare et les
    Bouleaux)`` → the schools at the town; ``le dépôt pétrolier de Hassi Khebi (Tindouf)`` → the site at Tindouf."""
    at = {(s, e): rec for s, e, rec in f.hits if rec["kind"] in ("city", "region")}
    for m in _PAREN_RE.finditer(f.text):
        a, b = (m.start("a"), m.end("a")), (m.start("b"), m.end("b"))
        sent = f.sentence_of(m.start())
        if not FR.FACILITY_RE.search(f.text[sent[0]:m.start()]):
            continue
        if a in at:  # Town (Name, Name et Name)
            for item in re.finditer(_ITEM, f.text[b[0]:b[1]]):
                s, e = b[0] + item.start(), b[0] + item.end()
                name = item.group(0)
                if f.free(s, e) and not re.search(r"[A-Z]{2}", name) and f.lookup(name) is None:
                    f.add(s, e, _at(name, at[a]), "facility-in-parentheses")
        elif b in at and f.free(*a) and not re.search(r"[A-Z]{2}", m.group("a")) and f.lookup(m.group("a")) is None:
            f.add(*a, _at(m.group("a"), at[b]), "facility-in-parentheses")  # Name (Town)


def _at(name: str, town: dict) -> dict:
    return {"name": name[0].upper() + name[1:], "lat": town["lat"], "lon": town["lon"], "kind": "landmark",
            "country": town["country"], "source": "town-of-landmark"}


def _article_town(cities) -> dict | None:
    """The town an article is set in: the one it names most often (the first of those), if any."""
    counts: dict[tuple, list] = {}
    for _s, _e, rec in cities:  # "Festival de Locarno" counts: the story is there
        counts.setdefault((rec["name"], rec["country"]), []).append(rec)
    return max(counts.values(), key=len)[0] if counts else None




def _rule_macro_region(f):
    """``dans le Sud-Ouest``: a division of that name in the article's countries, else France's compass region when the
    article is on France or names no country."""
    near = f.near()
    for m in FR.MACRO_RE.finditer(f.text):
        s, e, name = m.start("name"), m.end("name"), m.group("name")
        if not f.free(s, e):
            continue
        rec = f.lookup(name, kinds={"region"}, in_context=True)
        if rec is None and (not near or "FR" in near):
            lat, lon = FR.MACRO_REGIONS[name]
            rec = {"name": name, "lat": lat, "lon": lon, "kind": "region", "country": "FR", "source": "newsmap-gazetteer"}
        if rec:
            f.add(s, e, rec, "macro-region")


def _town_of_country(stem: str) -> list[str]:
    """``Roann`` (Roannais) → Roanne, ``Mâconn`` (Mâconnais) → Mâcon, ``Cholet`` (Choletais) → Cholet."""
    names = [stem + "e", stem]
    if len(stem) > 3 and stem[-1] == stem[-2]:
        names.append(stem[:-1])
    return names


def _rule_town_country(f):
    """``le secteur du Roannais``, ``dans le Mâconnais``: a name the gazetteer lacks, the adjective of a town of the article's
    countries (or of 5,000 inhabitants or more): the area around that town (``source = "derived-from-city"``)."""
    for m in FR.TOWN_COUNTRY_RE.finditer(f.text):
        s, e = m.span("name")
        if not f.free(s, e) or f.gaz.candidates(m.group("name")):
            continue
        town = next(filter(None, (f.lookup(n, kinds={"city"}) for n in _town_of_country(m.group("stem")))), None)
        if town:
            f.add(s, e, {"name": m.group("name"), "lat": town["lat"], "lon": town["lon"], "kind": "region",
                         "country": town["country"], "source": "derived-from-city"}, "town-country")


def _rule_town_in_name(f):
    for m in FR.TOWN_IN_NAME_RE.finditer(f.text):
        s, e = m.start("town"), m.end("town")
        if not f.free(s, e):
            continue
        town = m.group("head").lower() in FR.TOWN_NOUNS  # "la ville de Québec": the city, not the province
        if town and FR.RANK_BEFORE.search(f.text[max(0, m.start() - 20):m.start()]):
            rec = f.lookup(m.group("town"), kinds={"country", "region"})  # "deuxième ville d'Ukraine": the country
            if rec:
                f.add(s, e, rec, "town-in-name")
            continue
        rec = f.lookup(m.group("town"), kinds={"city"} if town else {"city", "region", "country"})
        if rec:
            f.add(s, e, rec, "town-in-name")


_COMPOUND_KINDS = {"city"}
_COMPOUND_RE = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-ZÀ-ÖØ-Þ][\w'’]+)+(?![\w-])")


def _rule_place_compound(f):
    """``les liaisons Nancy-Metz et Épinal-Metz-Strasbourg``: a hyphenated name that is no place itself, whose parts are
    (at least two of them) towns of one country, of the article's countries or of 5,000 inhabitants or more: each part
    (a village in the country of the others). Not ``Petit-Lancy`` (an Algerian Petit), nor ``France-Croatie`` (a match)."""
    person = [(ent.start_char, ent.end_char) for ent in f.doc.ents if ent.label_ == "PER"]
    for m in _COMPOUND_RE.finditer(f.text):
        if not f.free(m.start(), m.end()) or _overlaps(person, m.start(), m.end()) or f.gaz.candidates(m.group(0)):
            continue
        words = m.group(0).split("-")
        recs = [f.lookup(w, kinds=_COMPOUND_KINDS) for w in words]
        near = f.near() | {r["country"] for r in recs if r}  # "Laroche", a village, beside "Dijon"
        recs = [r or f.gaz.resolve(w, near, lambda c: c["kind"] in _COMPOUND_KINDS and c["country"] in near)
                or f.gaz.resolve(w, near, lambda c: c["source"] == "newsmap-gazetteer" and c["country"] in near)  # "Morvan", a massif
                for w, r in zip(words, recs)]
        found = [r for r in recs if r]
        if len(found) < 2 or len({r["country"] for r in found}) > 1:
            continue  # "Petit-Lancy": no Algerian Petit beside the Geneva Lancy; "France-Croatie" is a match
        at = m.start()
        for word, rec in zip(words, recs):
            if rec:
                f.add(at, at + len(word), rec, "place-compound")
            at += len(word) + 1


_MULTIWORD_RE = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’-]+(?: (?:[A-ZÀ-ÖØ-Þ][\w'’-]+|[a-zà-ÿ]+)){1,2}(?![\w-])")


def _rule_multiword_division(f):
    """``en Brabant flamand``, ``TER Bourgogne Franche Comté``, ``Pays de Loire``: an ISO 3166-2 division of two or three words
    (spaces for hyphens, an adjective after the name, ``la`` left out after ``de``) that NER cut short or missed; a division only in the article's countries or when
    its name is in one country only. Before the list of ``assets/gazetteer_extra.json`` (``Bourgogne`` alone)."""
    for m in _MULTIWORD_RE.finditer(f.text):
        words = m.group(0).split(" ")
        for n in range(len(words), 1, -1):
            name = " ".join(words[:n])
            s, e = m.start(), m.start() + len(name)
            rec = None
            for form in dict.fromkeys((name, re.sub(r" de (?=[A-ZÀ-ÖØ-Þ])", " de la ", name))):  # "Pays de Loire": the article left out
                rec = rec or (f.lookup(form, kinds={"region"}, weak_ok=f.one_country(form)) if f.free(s, e) else None)
            if rec and rec["source"] == "iso3166-2":  # the list's names are the next rule's (La Réunion)
                f.add(s, e, rec, "multiword-division")
                break


_OF_NAME_RE = re.compile(rf"(?:\bde\s+la\s+|\bdu\s+|\bdes\s+|\bde\s+|\bd'|\bd’)(?P<name>{FR.NAME})")


def _rule_place_in_org(f):
    """``la Garde nationale de Tunis``, ``l'Office du tourisme du Bénin``: an organisation named after its town, region
    or country (a town of 5,000 inhabitants or more, or of the article's countries): that place; after ``du`` (a masculine
    article: ``la Sûreté du Québec``) a division or country of that name before a town."""
    for ent in f.doc.ents:
        if ent.label_ != "ORG":
            continue
        for m in _OF_NAME_RE.finditer(ent.text):
            name = m.group("name")
            for cand in (name, name.split(" ")[0]):  # "de Tunis Houssemeddine Jebabli": NER ran on into the next name
                s = ent.start_char + m.start("name")
                free = f.free(s, s + len(cand))
                rec = f.lookup(cand, kinds={"region", "country"}) if free and re.match(r"du\b", m.group(0)) else None  # "Sûreté du
                rec = rec or (f.lookup(cand, kinds={"city", "region", "country"}) if free else None)  # Québec": the province
                if rec and rec["kind"] == "city" and re.match(r"de\s+la\b", m.group(0)):
                    rec = None  # "le ministre de la Santé": a town takes no article (not Santé, Germany)
                if rec:
                    f.add(s, s + len(cand), rec, "place-in-org")
                    break


_ARRONDISSEMENT_RE = re.compile(rf"(?<![\w-])(?P<head>(?P<n>\d{{1,2}})(?:e|er|ème|è)\s+arrondissement)(?:\s+(?:de\s+|d'|d’)(?P<town>{FR.NAME}))?")


def _rule_arrondissement(f):
    """``le 7e arrondissement de Lyon``: GeoNames' ``Lyon 07`` when it has it, else the town; without a town, the one the
    article names most (``source = "town-of-district"`` then)."""
    cities = [h for h in f.hits if h[2]["kind"] == "city"]
    for m in _ARRONDISSEMENT_RE.finditer(f.text):
        s, e = m.span("head")
        if not f.free(s, e):
            continue
        town = f.lookup(m.group("town"), kinds={"city"}) if m.group("town") else _article_town(cities)
        if town is None:
            continue
        own = f.gaz.resolve(f"{town['name']} {int(m.group('n')):02d}", {town["country"]},
                            lambda c, t=town: c["kind"] == "city" and c["country"] == t["country"])
        at = own or town
        f.add(s, e, {"name": f"{m.group('head')} de {town['name']}", "lat": at["lat"], "lon": at["lon"], "kind": "district",
                     "country": town["country"], "source": "geonames" if own else "town-of-district"}, "arrondissement")




def _resolve_entity(f, ent, s, e):
    """(start, end, record, rule) for one NER entity, or None."""
    text = f.text
    name = text[s:e]
    before = text[max(0, s - 8):s]
    if re.search(FR.MASCULINE_ARTICLE, before) and not name.startswith(("Le ", "La ", "Les ")):
        kinds = {"region", "country", "island"}
        one = len({c["country"] for c in f.gaz.candidates(name) if c["kind"] in kinds}) == 1
        rec = f.lookup(name, kinds=kinds, weak_ok=one)
        if rec:
            return s, e, rec, "ner-region-article"
    town = FR.TOWN_NOUN_BEFORE.search(text[max(0, s - 16):s])  # "la ville de Québec": the city, never the province
    rec = f.lookup(name, kinds={"city"} if town else None)
    if rec:
        return s, e, rec, "ner"
    m = re.search(r"\b(au|du|aux|des)\s+$", before)
    if m and ent.label_ == "LOC":
        rec = f.lookup(f"{FR.ARTICLE_CONTRACTIONS[m.group(1)]} {name}")
        if rec:
            return s, e, rec, "ner-article-commune"
    if ent.label_ == "LOC" and re.search(rf"(?<![\w-]){FR.LOCATIVE_CUES}\s+$", text[max(0, s - 20):s]) and f.one_country(name):
        rec = f.lookup(name, weak_ok=True)
        if rec:
            return s, e, rec, "ner-locative-cue"
    if ent.label_ == "LOC" and len(ent) > 1:
        for sub in _sub_spans(ent):
            if len(sub) == 1 and (sub[0].pos_ == "NOUN" or sub.text.lower() in FR.GENERIC_NAME_WORDS):
                continue  # a capitalised common noun ("Police cantonale", "Confédération"), a generic word ("Grand Étang")
            if "-" in (sub.text[-1:], text[sub.end_char:sub.end_char + 1], text[sub.start_char - 1:sub.start_char]):
                continue  # a piece of a hyphenated name ("Sainte-" of "Alise-Sainte-Reine")
            if re.fullmatch(r"[IVX]{1,4}", sub.text) or (sub.end < len(sub.doc) and re.fullmatch(r"[IVX]{1,4}", sub.doc[sub.end].text)):
                continue  # a ruler's name ("Fonds Hassan II", "lycée Henri IV"), not the towns of Hassan or Ii
            if re.search(FR.MASCULINE_ARTICLE, text[max(0, sub.start_char - 8):sub.start_char]):
                kinds = {"region", "country", "island"}  # "la Sûreté du Québec": the province
                rec = f.lookup(sub.text, kinds=kinds, weak_ok=len({c["country"] for c in f.gaz.candidates(sub.text)
                                                                    if c["kind"] in kinds}) == 1)
                if rec:
                    return sub.start_char, sub.end_char, rec, "ner-subspan-region-article"
            rec = f.lookup(sub.text)
            if rec:
                return sub.start_char, sub.end_char, rec, "ner-subspan"
    if ent.label_ == "LOC":
        online = online_geocoder()
        loc = online.geocode(name) if online else None
        if loc is not None:
            return s, e, loc.raw, "online"
    return None


FAR_KM = 1000


def _far_namesake(f, rec) -> bool:
    """A town of under 50,000 inhabitants in a country the article does not name, far (> 1,000 km) from every place of a
    story set in one other country, is a namesake (``Fox Lake``, Illinois, in a story on Alberta's fires)."""
    if rec["kind"] != "city" or rec.get("population", 0) >= FOREIGN_TOWN_POPULATION or rec.get("country") in f.near():
        return False
    placed = [r for _s, _e, r in f.hits if r.get("lat") is not None and r["kind"] != "country"]
    if not placed or len({r.get("country") for r in placed}) != 1:
        return False
    return all(haversine_km(rec["lat"], rec["lon"], r["lat"], r["lon"]) > FAR_KM for r in placed)


def _rule_ner(f):
    gaz, text = f.gaz, f.text
    pending = []
    for ent in f.doc.ents:
        s, e = ent.start_char, ent.end_char
        if text[s:e].startswith(FR.ELISIONS):
            s += 2
        if s >= e or not f.free(s, e) or norm(text[s:e]) in gaz.seat_keys or text[s:e] in FR.MACRO_REGIONS or text[e - 1] == "-":
            continue  # a seat of power is an actor; "le Grand Ouest" is left to the macro-region rule (not "Grand", Vosges);
            # "Alise-": NER cut a hyphenated name
        if _NAMED_AFTER.search(text[max(0, s - 30):s]):
            continue  # a district or building named after something else ("quartier de Magenta")
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.text[:1].isupper() and f.gaz.resolve(text[prev.idx:e]):
            s = prev.idx  # "RD Congo": NER took only "Congo"
        pending.append((ent, s, e))
    for _round in range(2):  # a second round: places found in the first one are context for the rest
        left = []
        for ent, s, e in pending:
            if not f.free(s, e):
                continue
            if text[s:e] in f.qualified:
                f.add(s, e, f.qualified[text[s:e]], "town-of-division")
                continue
            got = _resolve_entity(f, ent, s, e)
            if got is None:
                left.append((ent, s, e))
                continue
            hs, he, best, rule = got
            if best["kind"] == "city" and best.get("country") not in f.near() and _ARTICLE_BEFORE.search(text[max(0, hs - 4):hs]) \
                    and not norm(best["name"]).startswith(("l ", "le ", "la ", "les ")):
                continue  # "à l'Olympia", "le Bataclan": a name with an article is a venue or a ship, not a foreign town
            if _far_namesake(f, best):
                continue
            known = {(r["name"], r["kind"], r.get("country")) for _s, _e, r in f.hits}
            if ent.label_ != "LOC" and (best["name"], best["kind"], best.get("country")) in known:
                rule = "ner-known-place"  # "Avdiivka" tagged PER once, LOC elsewhere
            elif ent.label_ != "LOC":
                if (hs, he) != (s, e) or best["kind"] not in ("city", "country", "region") or (
                        best["kind"] == "city" and best.get("population", 0) < 500_000 and not gaz.is_capital(text[s:e])
                        and not (best["country"] in f.named and best.get("population", 0) >= 50_000 and len(ent) > 1)):
                    left.append((ent, s, e))  # may still prove a place found elsewhere in the text
                    continue
            f.add(hs, he, best, rule)
        pending = left


_CAPITAL_RE = re.compile(r"(?<![\w-])la capitale(?:\s+(?P<adj>[a-zéèêëïîôûç-]+))?(?P<more>\s+(?:d[eu']|des)\b)?")


def _rule_capital(f):
    """``la capitale ukrainienne`` → Kyiv; ``la capitale`` alone → the capital of the country the article's
    places lie in (most of them); never ``la capitale économique`` nor ``la capitale du pays`` (unknown)."""
    counts: dict[str, int] = {}
    for _s, _e, rec in f.hits:
        if rec.get("country") and rec["kind"] != "country":
            counts[rec["country"]] = counts.get(rec["country"], 0) + 1
    for m in _CAPITAL_RE.finditer(f.text):
        adj = (m.group("adj") or "").lower()
        iso, e = f.gaz.country_of_adjective(adj) if adj else None, m.end("adj")
        if iso is None:
            if (adj and adj not in FR.CLAUSE_WORDS and adj not in FR.CAPITAL_SAME) or m.group("more") or not counts:
                continue  # "la capitale économique", "la capitale du pays": not the one we can name
            iso, e = max(counts, key=counts.get), m.end("adj") if adj in FR.CAPITAL_SAME else m.start() + len("la capitale")
        capital = f.gaz.countries.get(iso, {}).get("capital")
        rec = f.gaz.resolve(capital, {iso}, lambda c, iso=iso: c["country"] == iso and c["kind"] == "city") if capital else None
        if rec and f.free(m.start(), e):
            f.add(m.start(), e, rec, "capital")


def _rule_capitalised_after_cue(f):
    person = [(ent.start_char, ent.end_char) for ent in f.doc.ents if ent.label_ == "PER"]
    for m in FR.CUE_NAME_RE.finditer(f.text):
        s, e = m.start("name"), m.end("name")
        if not f.free(s, e) or _overlaps(person, s, e):
            continue
        rec = f.lookup(m.group("name"), kinds={"city", "region"}, in_context=True)
        if rec:
            f.add(s, e, rec, "capitalised-after-cue")




_PERSON_OF_TOWN = re.compile(rf"[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)+ (?:de |d'|d’)(?P<town>{FR.NAME})")


def _rule_person_tagged_place(f):
    """A one-word name NER took for a person, after ``à``/``de``/``vers`` …, that is a town of the article's countries
    (``à Gatineau puis à Casselman``, ``au parc des rois de Krindjabo``, ``délégations de Jebeniana``); never
    a word that stands in a person's full name elsewhere in the text (a surname). A first name and a surname followed by
    ``de`` and a town of the article's countries (``Julie Gagnon de Saint-Jovite``): that town (not ``Charles de X``)."""
    people = [ent for ent in f.doc.ents if ent.label_ == "PER"]
    surnames = {tok.text for ent in people if len(ent) > 1 for tok in ent}
    for ent in people:  # "Julie Gagnon de Saint-Jovite": a first name and a surname, then the town she is from
        m = _PERSON_OF_TOWN.fullmatch(ent.text)
        s = ent.start_char + (m.start("town") if m else 0)
        rec = f.lookup(m.group("town"), kinds={"city"}, in_context=True) if m and f.free(s, ent.end_char) else None
        if rec:
            f.add(s, ent.end_char, rec, "person-tagged-place")
    for ent in people:
        s, e = ent.start_char, ent.end_char
        if len(ent) != 1 or ent.text in surnames or ent.text.isupper() or not f.free(s, e) \
                or not FR.PERSON_PLACE_CUE.search(f.text[max(0, s - 25):s]):
            continue
        rec = f.lookup(ent.text, kinds={"city"}, in_context=True)
        if rec:
            f.add(s, e, rec, "person-tagged-place")


def _rule_division_code(f):
    for s, e, rec in list(f.hits):
        m = re.match(r"\s*\((?P<code>[A-Z]{2,3})\)", f.text[e:e + 8])
        if m and rec["kind"] == "city" and f"{rec['country']}-{m.group('code')}" in f.gaz.codes:
            cs, ce = e + m.start("code"), e + m.end("code")
            if f.free(cs, ce):
                f.add(cs, ce, f.gaz.record(f.gaz.codes[f"{rec['country']}-{m.group('code')}"]), "division-code")


_IN_DIVISION = re.compile(r"\s*(?:,\s*(?:également\s+|aussi\s+)?(?:(?:dans|en)\s+(?:le\s+|la\s+|l'|l’|les\s+)?)?"
                          r"|\s+(?:dans|en)\s+(?:le\s+|la\s+|l'|l’)|\s+et\s+[A-ZÀ-ÖØ-Þ][\w'’-]+\s*\()")
_DIVISION_SOURCES = ("iso3166-2", "departement-prefecture", "derived-from-city")


def _rule_village_in_division(f):
    """A place the gazetteer lacks, named with its division (``Lunas et Octon, dans l'Hérault``, ``Koutougou, province
    du Soum``, ``Mathod et Payerne (VD)``): placed at the division (``source = "division-of-village"``, approximate)."""
    divisions = sorted((s, rec) for s, _e, rec in f.hits if rec["kind"] == "region" and rec.get("source") in _DIVISION_SOURCES)
    for ent in f.doc.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ != "LOC" or not f.free(s, e) or not ent.text[:1].isupper():
            continue
        after = next(((ds, rec) for ds, rec in divisions if ds >= e), None)
        if after and _IN_DIVISION.fullmatch(f.text[e:after[0]]):
            rec = after[1]
            f.add(s, e, {"name": ent.text, "lat": rec["lat"], "lon": rec["lon"], "kind": "city", "country": rec["country"],
                         "source": "division-of-village"}, "village-in-division")


_STRICT_CUE_RE = re.compile(r"(?<![\w-])(?:à|À|à la|jusqu'à|jusqu’à|vers|dans le quartier de|dans le quartier d'|quartier de|quartier d')\s+$")


def _rule_unknown_locality(f):
    """A locality the gazetteer lacks, after ``à``/``à la``/``vers``/``jusqu'à`` in a local story (every town it names is in one
    country, and it names one town only, or one more often than any other): in that town (``le contrôle routier à
    Kerbonne`` in a story on Brest; ``source = "town-of-context"``, approximate)."""
    counts: dict[tuple, list] = {}
    for _s, _e, rec in sorted(f.hits, key=lambda h: h[0]):
        if rec["kind"] == "city":
            counts.setdefault((rec["name"], rec["country"]), []).append(rec)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len({k[1] for k in counts}) != 1 or (len(ranked) > 1 and len(ranked[1]) >= len(ranked[0])):
        return  # no town, towns of several countries, or no town clearly ahead: not a local story
    town = ranked[0][0]
    for ent in f.doc.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ != "LOC" or not f.free(s, e) or re.search(r"[A-Z]{2}", ent.text) or not _STRICT_CUE_RE.search(f.text[max(0, s - 30):s]):
            continue
        f.add(s, e, {"name": ent.text, "lat": town["lat"], "lon": town["lon"], "kind": "city", "country": town["country"],
                     "source": "town-of-context"}, "unknown-locality")


SIBLING_POPULATION = 20_000  # a village listed with towns this small lies near them
SIBLING_KM = 100  # ... when that town lies this near another place of the story (no namesake far away)
_SIBLING_RE = re.compile(r"\s*(?:,|\bet\b|\bou\b)\s*(?:de\s+|d'|d’|à\s+)?")
_SIBLING_PREP_RE = re.compile(r"\s*(?:,|\bet\b|\bou\b)\s*(?:de\s+|d'|d’|à\s+)")


def _rule_village_in_list(f):
    """A place the gazetteer lacks, listed right after or before a small town (``évacuer les hameaux de Visperterminen et de
    Zeneggen``): next to it (``source = "sibling-in-list"``, approximate). A name NER took for a person only with the
    preposition repeated (``et de Zeneggen``). Only when that town lies within 100 km of another place of the story (a
    namesake far away would carry the village with it)."""
    small = sorted((s, e, rec) for s, e, rec in f.hits if rec["kind"] == "city" and rec.get("source") == "geonames"
                   and rec.get("population", 0) < SIBLING_POPULATION)
    for ent in f.doc.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ not in ("LOC", "PER") or not f.free(s, e) or not ent.text[:1].isupper() or re.search(r"[A-Z]{2}", ent.text):
            continue
        ok = _SIBLING_RE.fullmatch if ent.label_ == "LOC" else _SIBLING_PREP_RE.fullmatch  # "et de Zeneggen" (tagged PER)
        sib = next((r for hs, he, r in small if he <= s and ok(f.text[he:s])), None) or next(
            (r for hs, he, r in small if e <= hs and ok(f.text[e:hs])), None)
        if sib and any(r is not sib and r["kind"] != "country" and haversine_km(sib["lat"], sib["lon"], r["lat"], r["lon"]) <= SIBLING_KM
                       for _s, _e, r in f.hits if r.get("lat") is not None):
            f.add(s, e, {"name": ent.text, "lat": sib["lat"], "lon": sib["lon"], "kind": "city", "country": sib["country"],
                         "source": "sibling-in-list"}, "village-in-list")


def _rule_divisions(f):
    _rule_division(f, plural=True)


_RERANKED_RULES = ("ner", "ner-subspan", "ner-known-place", "ner-locative-cue", "ner-article-commune", "capitalised-after-cue",
                   "gazetteer-list", "town-in-name", "place-in-org", "dateline")
_ANCHOR_SOURCES = ("geonames", "departement-prefecture", "town-of-landmark")


def _rule_closest_namesake(f):
    """A name with namesakes is the one near the article's other places, wherever in the text they are named (the rules
    before saw only the places named earlier): ``Brickaville`` (two Malagasy towns) is the one near Moramanga, ``Changé`` in
    a story on the Mayenne the Mayenne one, ``l'ancienne sous-préfet de Vienne`` in a story on Roussillon (Isère) the
    town, not the département nor Austria's capital. Another namesake is taken only when it lies within 150 km of a place
    of the story and the first choice does not, or lies three times farther, and is not ten times smaller (a département only when named without an article)."""
    names: dict[str, list[int]] = {}
    for i, (s, e, rec) in enumerate(f.hits):
        if rec["rule"] in _RERANKED_RULES and rec.get("source") in ("geonames", "departement-prefecture") and rec["kind"] in ("city", "region"):
            names.setdefault(f.text[s:e], []).append(i)
    near = f.near()
    for name, idx in names.items():
        s0, _e0, rec = f.hits[idx[0]]
        if rec["kind"] == "region" and _ARTICLE_BEFORE.search(f.text[max(0, s0 - 4):s0]) or re.search(r"\b(?:en|dans)\s+$", f.text[max(0, s0 - 6):s0]):
            continue  # "la Vienne", "en Isère": the département
        points = [(r["lat"], r["lon"]) for j, (_s, _e, r) in enumerate(f.hits) if j not in idx and r.get("lat") is not None
                  and r.get("source") in _ANCHOR_SOURCES and (r["lat"], r["lon"]) != (rec["lat"], rec["lon"])]
        if not points:
            continue

        def dist(c):
            return min(haversine_km(c["lat"], c["lon"], lat, lon) for lat, lon in points)
        cands = [c for c in f.gaz.candidates(name) if c["kind"] == "city" and (not _weak(c) or c["country"] in near) and dist(c) <= NEAR_KM]
        if not cands:
            continue
        best = max(cands, key=lambda c: f.gaz.score(c, near) + 2 * (1 - dist(c) / NEAR_KM))
        if (best["lat"], best["lon"]) == (rec["lat"], rec["lon"]) or (dist(rec) <= NEAR_KM and dist(best) * 3 > dist(rec)) \
                or best["population"] * 10 < rec.get("population", 0):
            continue  # a town ten times smaller never takes the name of a known city (Marseille, Cologne in a list of cities)
        for i in idx:
            s, e, _r = f.hits[i]
            f.hits[i] = (s, e, dict(best, rule="closest-namesake"))


RULES = [_rule_division, _rule_multiword_division, _rule_gazetteer_list, _rule_divisions, _rule_descriptive, _rule_dateline, _rule_seat, _rule_town_of_division,
         _rule_landmark,
         _rule_road_code, _rule_place_compound, _rule_ner, _rule_gazetteer_in_country, _rule_division_late, _rule_town_country, _rule_macro_region, _rule_town_in_name, _rule_place_in_org, _rule_arrondissement,
         _place_landmarks, _rule_facility_in_parentheses,
         _rule_capital, _rule_capitalised_after_cue, _rule_person_tagged_place, _rule_division_code, _rule_village_in_division, _rule_unknown_locality,
         _rule_village_in_list, _rule_closest_namesake]


def _title(caps: str) -> str:
    """``SAINT-DENIS`` → ``Saint-Denis``, ``L'HAY-LES-ROSES`` → ``L'Hay-les-Roses`` (a dateline's capitals)."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).lower() if m.start() and m.group(0).lower() in FR.NAME_PARTICLES
                  else m.group(0).capitalize(), caps)


def display_name(p: dict, gaz) -> str:
    """The name a place is shown under: a city as the article writes it (``Moscou``, not GeoNames' ``Moscow``),
    when that spelling is one of the city's own names; else the gazetteer's name (already French for
    countries, divisions and the newsmap list; ``Le Lavandou`` for ``au Lavandou``)."""
    if p["source"] != "geonames":
        return p["name"]
    for mention in p["mentions"]:
        form = _title(mention) if mention.isupper() else mention
        if norm(form) == norm(p["name"]):
            return p["name"]
        if form[:1].isupper() and any(c["name"] == p["name"] and (c["lat"], c["lon"]) == (p["lat"], p["lon"])
                                      for c in gaz.candidates(form)):
            return form
    return p["name"]


def find_places(ctx) -> None:
    ctx.countries = context_countries(ctx.text, ctx.doc)
    f = _Finder(ctx)
    for rule in RULES:
        rule(f)
    text = ctx.text

    # group by resolved place
    places: dict[tuple, dict] = {}
    for s, e, rec in sorted(f.hits, key=lambda h: h[0]):
        key = (rec["name"], rec["kind"], rec.get("country", ""))
        p = places.setdefault(key, {
            "name": rec["name"], "mentions": [], "spans": [], "lat": rec["lat"], "lon": rec["lon"],
            "kind": rec["kind"], "country": rec.get("country", ""), "source": rec.get("source", ""), "rule": rec["rule"],
        })
        p["spans"].append([s, e])
        if text[s:e] not in p["mentions"]:
            p["mentions"].append(text[s:e])

    # further mentions of resolved names that the rules missed
    claimed = [(s, e) for s, e, _r in f.hits]
    for p in places.values():
        forms = sorted(set(p["mentions"]), key=len, reverse=True)
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in forms) + r")(?![\w-])")
        for m in rx.finditer(text):
            if not _overlaps(claimed, m.start(), m.end()):
                p["spans"].append([m.start(), m.end()])
                claimed.append((m.start(), m.end()))
        p["spans"].sort()
        p["count"] = len(p["spans"])

    for p in places.values():
        p["name"] = display_name(p, f.gaz)
    out = sorted(places.values(), key=lambda p: p["spans"][0][0])
    for i, p in enumerate(out):
        p["id"] = f"p{i + 1}"
    ctx.places = out
    ctx.place_spans = sorted((s, e, p["id"]) for p in out for s, e in p["spans"])
