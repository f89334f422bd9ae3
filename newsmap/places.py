"""Recognise places and resolve them to coordinates, offline.

Reads: ``ctx.text``, ``ctx.doc`` (NER entities), the gazetteer. Writes: ``ctx.places``, a list
of ``{id, name, mentions, spans, count, lat, lon, kind, country, source}`` and
``ctx.place_spans`` (``(start, end, place_id)`` for every mention, used by quotes and events).

Recognition, in priority order (an earlier source claims its characters):
1. names from ``assets/gazetteer_extra.json`` (``mer Baltique``, ``île aux Serpents`` …);
2. ``région [russe] de X`` / ``oblast de X``: the documented region when known, else a region
   placed at the city X (``source = "derived-from-city"``);
3. spaCy entities (LOC, and ORG/PER/MISC that are exactly a known place name) looked up in the
   index, trying the longest sub-span when the entity is too long (``Ukraine de missiles``);
4. every further mention, in the text, of a name already resolved.
Seats of power (``le Kremlin``) are actors, not places.
"""
from __future__ import annotations

import re

from .gazetteer import gazetteer, norm, online_geocoder

_LOWER_HEADS = ("département ", "mer ", "océan ", "détroit ", "île ", "golfe ", "bande ", "plateau ", "centrale ", "pont ",
                "canal ", "gazoduc", "péninsule ", "région ", "oblast ", "enclave ", "pays ", "la manche", "états baltes", "palais ")
_REGION_RE = re.compile(
    r"\b(?P<head>régions?|oblasts?|provinces?)\s+(?:(?P<adj>[a-zéèêëïîôûç-]+)\s+)?(?:de\s+|d')(?P<name>[A-ZÉÈÎÔ][\w'-]+(?:[- ][A-ZÉ][\w'-]+)?)"
)
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ]")


class _ExtraMatcher:
    def __init__(self, gaz):
        aliases = {}
        for row in gaz.extra:
            for a in {row["name"], *row["aliases"]}:
                aliases[a] = row
        self.rows = {a.lower(): r for a, r in aliases.items()}
        alts = sorted(aliases, key=len, reverse=True)
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])", re.IGNORECASE)

    def find(self, text):
        for m in self.regex.finditer(text):
            surface = m.group(0)
            row = self.rows[surface.lower()]
            if not surface.lower().startswith(_LOWER_HEADS) and not _CAP_WORD.match(surface):
                continue  # a proper name must be capitalised ("l'Europe", not "europe")
            yield m.start(), m.end(), row


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


def find_places(ctx) -> None:
    gaz = gazetteer()
    text, doc = ctx.text, ctx.doc
    ctx.countries = context_countries(text, doc)
    claimed: list[tuple[int, int]] = []
    hits: list[tuple[int, int, dict]] = []

    for s, e, row in _extra_matcher().find(text):
        if not _overlaps(claimed, s, e):
            rec = {**row, "source": "newsmap-gazetteer"}
            hits.append((s, e, rec))
            claimed.append((s, e))

    for m in _REGION_RE.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(claimed, s, e):
            continue
        name = m.group("name")
        known = gaz.resolve(f"région de {name}")
        if known and known["kind"] == "region":
            hits.append((s, e, known))
            claimed.append((s, e))
            continue
        city = gaz.resolve(name, ctx.countries)
        if not city:
            continue
        adj_iso = gaz.country_of_adjective(m.group("adj") or "")
        rec = {"name": f"Région de {name}", "lat": city["lat"], "lon": city["lon"], "kind": "region",
               "country": adj_iso or city["country"], "source": "derived-from-city"}
        hits.append((s, e, rec))
        claimed.append((s, e))

    seat_keys = gaz.seat_keys
    for m in _SEAT_RE().finditer(text):  # "à la Maison-Blanche": a seat of power used as a place
        s, e = m.start("name"), m.end("name")
        if not _overlaps(claimed, s, e):
            seat = seat_keys[norm(m.group("name"))]
            hits.append((s, e, {**seat, "source": "newsmap-gazetteer"}))
            claimed.append((s, e))
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        if _overlaps(claimed, s, e) or norm(ent.text) in seat_keys:
            continue
        if re.search(r"\b(?:quartier|rue|avenue|boulevard|place|village|hameau|lieu-dit|aéroport|gare|université|stade|hôpital)s?\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?$", text[max(0, s - 30):s], re.I):
            continue  # a district or building named after something else ("quartier de Magenta")
        best = gaz.resolve(ent.text, ctx.countries)
        span = ent
        if best is None and ent.label_ == "LOC" and len(ent) > 1:
            for sub in _sub_spans(ent):
                best = gaz.resolve(sub.text, ctx.countries)
                if best:
                    span = sub
                    break
        if best is None and ent.label_ == "LOC":
            online = online_geocoder()
            loc = online.geocode(ent.text) if online else None
            if loc is not None:
                best = loc.raw
        if best is None:
            continue
        if ent.label_ != "LOC" and (len(span) != len(ent) or best["kind"] not in ("city", "country", "region")):
            continue
        if ent.label_ != "LOC" and best["kind"] == "city" and best.get("population", 0) < 500_000 and not gaz.is_capital(ent.text) \
                and not (best["country"] in ctx.countries and best.get("population", 0) >= 50_000 and len(ent) > 1):
            continue
        hits.append((span.start_char, span.end_char, best))
        claimed.append((span.start_char, span.end_char))

    # group by resolved place
    places: dict[tuple, dict] = {}
    for s, e, rec in sorted(hits, key=lambda h: h[0]):
        key = (rec["name"], rec["kind"], rec.get("country", ""))
        p = places.setdefault(key, {
            "name": rec["name"], "mentions": [], "spans": [], "lat": rec["lat"], "lon": rec["lon"],
            "kind": rec["kind"], "country": rec.get("country", ""), "source": rec.get("source", ""),
        })
        p["spans"].append([s, e])
        if text[s:e] not in p["mentions"]:
            p["mentions"].append(text[s:e])

    # further mentions of resolved names that NER missed
    for p in places.values():
        forms = sorted(set(p["mentions"]), key=len, reverse=True)
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
        for m in rx.finditer(text):
            if not _overlaps(claimed, m.start(), m.end()):
                p["spans"].append([m.start(), m.end()])
                claimed.append((m.start(), m.end()))
        p["spans"].sort()
        p["count"] = len(p["spans"])

    out = sorted(places.values(), key=lambda p: p["spans"][0][0])
    for i, p in enumerate(out):
        p["id"] = f"p{i + 1}"
    ctx.places = out
    ctx.place_spans = sorted((s, e, p["id"]) for p in out for s, e in p["spans"])
