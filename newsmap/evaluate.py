"""Score the pipeline against hand-annotated gold files (``eval/gold/*.json``).

Gold format (one file per article)::

    {"file": "eval/articles/01-odessa-drones.txt", "published": "2025-03-14",
     "quotes": [{"text": "…verbatim…", "speaker": "Oleh Kiper", "kind": "direct", "speaker_alt": []}],
     "dates":  [{"mention": "lundi prochain", "value": "2025-03-17"}],
     "places": [{"mention": "Odessa", "kind": "city", "lat": 46.48, "lon": 30.73}],
     "not_quotes": ["…quoted names, for the record…"]}

Scoring (documented in the README):
* quotes: a prediction matches a gold quote when their character spans overlap with a Dice
  coefficient ≥ 0.6 *and* the speaker is right (names compared case- and accent-insensitively;
  one name's words contained in the other's, e.g. "Lavrov" ~ "Sergueï Lavrov", or an alias or
  ``speaker_alt``). Precision, recall and F1 over all articles (micro-averaged).
* dates: a gold expression is right when a predicted expression overlaps it with the same value.
  Accuracy = right / gold expressions.
* every predicted quote counts as right or wrong for the rule that chose its speaker (``--details``).
* places: a gold mention is right when the predicted place covering it (or, failing that, named
  by the same words) lies within the tolerance of its kind (city 30 km … country 800 km).
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import E, NewsmapError
from .filters import fold
from .gazetteer import haversine_km as haversine

TOLERANCE_KM = {"city": 30, "district": 10, "landmark": 10, "infrastructure": 150, "island": 100, "strait": 150,
                "gulf": 200, "region": 200, "sea": 500, "ocean": 1500, "country": 800, "continent": 1500}
ROOT = Path(__file__).resolve().parent.parent


def _locate(text: str, needle: str, used: set[int]) -> tuple[int, int] | None:
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return None
        if i not in used:
            used.add(i)
            return i, i + len(needle)
        start = i + 1


def _dice(a, b) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * inter / ((a[1] - a[0]) + (b[1] - b[0]))


def same_speaker(gold: dict, pred_name: str | None, aliases: list[str]) -> bool:
    if not pred_name:
        return False
    golds = [gold["speaker"], *gold.get("speaker_alt", [])]
    preds = [pred_name, *aliases]
    def words(name):  # apostrophes before folding: fold drops the typographic one
        return set(fold(name.replace("’", " ").replace("'", " ").replace("-", " ")).split())
    for g in golds:
        gw = words(g)
        for p in preds:
            pw = words(p)
            if gw and pw and (gw <= pw or pw <= gw):
                return True
    return False


def score_document(gold: dict, doc: dict) -> dict:
    text = doc["article"]["text"]
    aliases = {a["name"]: a.get("aliases", []) for a in doc["actors"]}
    res = {"quotes": {"tp": 0, "pred": len(doc["quotes"]), "gold": len(gold["quotes"]), "span_only": 0, "misses": [], "false": []},
           "dates": {"right": 0, "gold": len(gold["dates"]), "pred": len(doc["dates"]), "misses": []},
           "places": {"right": 0, "gold": len(gold["places"]), "pred": len(doc["places"]), "misses": []}}
    # quotes: the gold text may stand twice (headline and body); any one occurrence may be matched
    used_pred = set()
    for g in gold["quotes"]:
        spans, start = [], 0
        while (i := text.find(g["text"], start)) >= 0:
            spans.append((i, i + len(g["text"])))
            start = i + 1
        best, span_hit, got = None, False, []
        for i, q in enumerate(doc["quotes"]):
            if i in used_pred or not any(_dice(sp, (q["start"], q["end"])) >= 0.6 for sp in spans):
                continue
            span_hit = True
            got.append(q["speaker"])
            if same_speaker(g, q["speaker"], aliases.get(q["speaker"], [])):
                best = i
                break
        if best is not None:
            used_pred.add(best)
            res["quotes"]["tp"] += 1
        else:
            res["quotes"]["span_only"] += span_hit
            res["quotes"]["misses"].append(f"{g['text'][:60]!r} by {g['speaker']} → {got or 'not found'}")
    rules = res["quotes"]["rules"] = {}
    for i, q in enumerate(doc["quotes"]):
        tally = rules.setdefault(q.get("rule") or "none", [0, 0])
        tally[i not in used_pred] += 1
        if i not in used_pred:
            res["quotes"]["false"].append(f"{q['text'][:60]!r} by {q['speaker']} ({q['kind']}, {q.get('rule')})")
    # dates
    used_pos = set()
    for g in gold["dates"]:
        span = _locate(text, g["mention"], used_pos)
        hits = [d for d in doc["dates"] if d["start"] < span[1] and span[0] < d["end"]]
        if any(d["value"] == g["value"] for d in hits):
            res["dates"]["right"] += 1
        else:
            res["dates"]["misses"].append(f"{g['mention']!r} = {g['value']} → {[d['value'] for d in hits] or 'not found'}")
    # places
    used_pos = set()
    for g in gold["places"]:
        span = _locate(text, g["mention"], used_pos)
        cand = [p for p in doc["places"] if any(s < span[1] and span[0] < e for s, e in p["spans"])]
        if not cand:
            cand = [p for p in doc["places"] if g["mention"] in p["mentions"]]
        tol = TOLERANCE_KM.get(g["kind"], 50)
        ok = [p for p in cand if p["lat"] is not None and haversine(g["lat"], g["lon"], p["lat"], p["lon"]) <= tol]
        if ok:
            res["places"]["right"] += 1
        else:
            got = [(p["name"], round(haversine(g["lat"], g["lon"], p["lat"], p["lon"]))) for p in cand]
            res["places"]["misses"].append(f"{g['mention']!r} ({g['kind']}) → {got or 'not found'}")
    return res


def _prf(tp, pred, gold):
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir=None) -> dict:
    from .pipeline import extract
    from .reader import read_article

    gold_dir = Path(gold_dir) if gold_dir else ROOT / "eval" / "gold"
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise NewsmapError(E.GOLD_BAD.format(path=gold_dir, error="no *.json gold files"))
    per = {}
    for f in files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
            path = (ROOT / gold["file"]) if not Path(gold["file"]).is_absolute() else Path(gold["file"])
        except (ValueError, KeyError) as exc:
            raise NewsmapError(E.GOLD_BAD.format(path=f, error=exc)) from None
        art = read_article(path, published=gold["published"])
        per[f.stem] = score_document(gold, extract(art))
    tot = {k: sum(r["quotes"][k] for r in per.values()) for k in ("tp", "pred", "gold", "span_only")}
    p, r, f1 = _prf(tot["tp"], tot["pred"], tot["gold"])
    dr = sum(x["dates"]["right"] for x in per.values())
    dg = sum(x["dates"]["gold"] for x in per.values())
    pr = sum(x["places"]["right"] for x in per.values())
    pg = sum(x["places"]["gold"] for x in per.values())
    summary = {"articles": len(per), "quote_precision": round(p, 3), "quote_recall": round(r, 3), "quote_f1": round(f1, 3),
               "quotes_gold": tot["gold"], "quotes_predicted": tot["pred"], "quotes_right": tot["tp"],
               "date_accuracy": round(dr / dg, 3) if dg else 0.0, "dates_gold": dg, "dates_right": dr,
               "place_accuracy": round(pr / pg, 3) if pg else 0.0, "places_gold": pg, "places_right": pr,
               "quote_rules": _rule_totals(per)}
    return {"summary": summary, "articles": per}


def _rule_totals(per: dict) -> dict:
    """{rule: [right, wrong]} over the predicted quotes of every article."""
    out: dict = {}
    for r in per.values():
        for rule, (right, wrong) in r["quotes"]["rules"].items():
            t = out.setdefault(rule, [0, 0])
            t[0] += right
            t[1] += wrong
    return dict(sorted(out.items(), key=lambda kv: -sum(kv[1])))


def report(scores: dict, details: bool = False) -> str:
    s = scores["summary"]
    lines = [f"{'article':28} {'quotes P/R':>11} {'dates':>7} {'places':>7}"]
    for name, r in scores["articles"].items():
        q = r["quotes"]
        p, rr, _ = _prf(q["tp"], q["pred"], q["gold"])
        lines.append(f"{name:28} {p:5.2f}/{rr:4.2f} {r['dates']['right']:>3}/{r['dates']['gold']:<3} {r['places']['right']:>3}/{r['places']['gold']:<3}")
        if details:
            lines += [f"    quote miss: {m}" for m in q["misses"]] + [f"    quote false: {m}" for m in q["false"]]
            lines += [f"    date miss: {m}" for m in r["dates"]["misses"]] + [f"    place miss: {m}" for m in r["places"]["misses"]]
    lines.append("")
    lines.append(f"quotes  P {s['quote_precision']:.3f}  R {s['quote_recall']:.3f}  F1 {s['quote_f1']:.3f}  "
                 f"({s['quotes_right']} right of {s['quotes_gold']} gold, {s['quotes_predicted']} predicted; speaker must match)")
    lines.append(f"dates   accuracy {s['date_accuracy']:.3f}  ({s['dates_right']}/{s['dates_gold']})")
    lines.append(f"places  accuracy {s['place_accuracy']:.3f}  ({s['places_right']}/{s['places_gold']})")
    if details:
        lines.append("quote rules (right/wrong predictions): " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in s["quote_rules"].items()))
    return "\n".join(lines)
