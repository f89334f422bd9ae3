"""Events: one per event-bearing clause, with dates, places, actors and who asserts it.

Reads: ``ctx.doc``, ``ctx.dates``, ``ctx.place_spans``, ``ctx.actors``/``ctx.resolver``,
``ctx.quotes``. Writes ``ctx.events``: ``{id, kind, summary, sentence, start, end, date,
date_end, date_precision, date_relation, statement_date, published, places, place_ids, actors,
actor_ids, asserted_by, quote_ids}``.

* A clause is event-bearing when its verb is in ``lexicon.EVENT_VERBS`` (or a light verb with
  an event object: ``émettre une mise en garde``, ``donner son feu vert``). Words inside « »
  are the speaker's, not the narrative's, and make no event. An infinitive complement
  (``a décidé de fermer``) and a participle that goes on with the same statement (``…,
  soulignant …``) belong to the clause above them.
* A noun event (``les explosions … en 2022``, ``au lendemain de l'annonce par Moscou``) is
  made when a date is attached to an event noun.
* Dates: the clause's own date; else, for a clause reported inside a statement, the statement's
  date as an upper bound (``date_relation = "on_or_before"``); else the date the quotes of the
  clause were said. ``statement_date`` is the date of the statement that reports the event.
"""
from __future__ import annotations

import datetime as dt

from . import lang
from .actors import locate_actors
from .quotes import subject_of, undated_on_published

LEX = lang.Part("lexicon")  # newsmap/lang/<article.lang>/lexicon.py

STATEMENT_KINDS = {"statement", "warning", "criticism", "call", "announcement"}
_CUT = {"advcl", "conj", "parataxis", "ccomp", "acl:relcl", "acl", "xcomp", "cc"}


def _kind(tok):
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    if lemma in LEX.LIGHT_VERBS:
        for t in tok.doc[tok.i + 1:tok.i + 7]:
            if t.is_ancestor(tok) or not tok.is_ancestor(t):
                continue
            k = LEX.LIGHT_VERB_OBJECTS.get(t.lemma_.lower())
            if k:
                return k
    return LEX.EVENT_VERBS.get(lemma)


class _Events:
    def __init__(self, ctx):
        self.ctx, self.doc, self.text = ctx, ctx.doc, ctx.text
        self.res = ctx.resolver
        self.quote_spans = [(q["start"] - 1, q["end"] + 1) for q in ctx.quotes if q["kind"] != "indirect"]
        self.places = {p["id"]: p for p in ctx.places}
        self.out: list[dict] = []
        self.by_head: dict[int, dict] = {}

    def _in_quote(self, i):
        return any(s <= i < e for s, e in self.quote_spans)

    def _own(self, head, heads):
        """Tokens of the clause of ``head``: its subtree without nested event clauses."""
        skip = set()
        for t in head.subtree:
            if t.i != head.i and (t.i in heads or (t.head.i == head.i and t.dep_ in _CUT and t.dep_ != "xcomp"
                                                   and t.pos_ in ("VERB", "AUX"))):
                skip.update(x.i for x in t.subtree)
        return [t for t in head.subtree if t.i not in skip]

    def _summary_span(self, own):
        toks = [t for t in own if not (t.is_punct and t.text not in ("«", "»", "'", "-"))] or own
        a, b = min(t.i for t in toks), max(t.i for t in toks)
        if b - a > 35:
            b = a + 35
        span = self.doc[a:b + 1]
        return span.start_char, span.end_char

    def _in_org_name(self, i):
        return any(s <= i < e for a in self.ctx.actors if a["kind"] == "organisation" for s, e in a["spans"])

    def _event_ancestor(self, tok, heads):
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                return None
            t = t.head
            if t.i in heads:
                return t
        return None

    def verbal(self):
        doc = self.doc
        heads = {}
        for tok in doc:
            k = _kind(tok)
            if not k or self._in_quote(tok.idx) or self._in_org_name(tok.idx):
                continue
            if tok.dep_ in ("amod",) or (tok.dep_ == "acl" and not any(c.dep_.startswith("aux") for c in tok.children)
                                         and "Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense")):
                continue
            parent = tok.head
            if tok.dep_ == "xcomp" and parent.i in heads:
                continue
            anc = self._event_ancestor(tok, heads)
            if anc is not None and k in STATEMENT_KINDS and heads[anc.i] in STATEMENT_KINDS \
                    and "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"):
                continue  # "…, soulignant …" goes on with the same statement
            if tok.text[:1].isupper() and tok.i == tok.sent.start and tok.dep_ == "advcl" and k in STATEMENT_KINDS:
                # "Qualifiant …, Lavrov a promis …": the participle opens the main statement
                if _kind(tok.head) in STATEMENT_KINDS:
                    continue
            heads[tok.i] = k
        for i, k in heads.items():
            tok = doc[i]
            own = self._own(tok, heads)
            s, e = self._summary_span(own)
            actor, subj = subject_of(tok, self.res)
            if actor is None and k in STATEMENT_KINDS:
                continue  # "les appels … rappellent …": no one speaks
            if subj is not None and subj.sent == tok.sent and subj.i < tok.i:
                s = min(s, subj.left_edge.idx)
            elif subj is None and actor is not None:
                own_spans = [sp for sp in actor["spans"] if tok.sent.start_char <= sp[0] < tok.idx]
                if own_spans:
                    s = min(s, own_spans[-1][0])
            ev = self._new(k, s, e, tok.sent, head=tok)
            if actor is not None:
                ev["actor_ids"].append(actor["id"])
            self._collect(ev, own=own)
            if not ev["actor_ids"] and tok.head.i != tok.i and tok.head.pos_ == "NOUN":
                self._collect(ev, tok.head.left_edge.idx, tok.idx, places=False)
            self.by_head[i] = ev

    def _new(self, kind, s, e, sent, head=None):
        ev = {"kind": kind, "summary": self.text[s:e].strip(), "sentence": self.text[sent.start_char:sent.end_char].strip(),
              "sentence_start": sent.start_char, "start": s, "end": e, "date": None, "date_end": None,
              "date_precision": None, "date_relation": None, "statement_date": None,
              "published": self.ctx.article.published.isoformat(), "place_ids": [], "actor_ids": [],
              "asserted_by": None, "quote_ids": [], "_head": head.i if head is not None else None}
        self.out.append(ev)
        return ev

    def _collect(self, ev, s=None, e=None, places=True, own=None):
        """Add the places and actors mentioned in [s, e) or in the tokens ``own``."""
        starts = {t.idx for t in own} if own is not None else None

        def inside(ps, pe):
            return ps in starts if starts is not None else (s <= ps and pe <= e)

        if places:
            for ps, pe, pid in self.ctx.place_spans:
                if inside(ps, pe) and pid not in ev["place_ids"] and not self._in_org_name(ps):
                    ev["place_ids"].append(pid)
        for a in self.ctx.actors:
            if any(inside(as_, ae) for as_, ae in a["spans"]) and a["id"] not in ev["actor_ids"]:
                ev["actor_ids"].append(a["id"])

    def _set_date(self, ev, d, relation="on"):
        ev["date"], ev["date_end"], ev["date_precision"], ev["date_relation"] = d["value"], d.get("end_value"), d["precision"], relation

    def _attach(self, d):
        """The event a date belongs to: an event noun just before it, or the clause that governs it."""
        doc = self.doc
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None:
            return None, None
        if d["mention"].lower().startswith(("au lendemain de", "à la veille de")):
            nxt = next((t for t in doc[span.end:span.end + 3] if t.pos_ == "NOUN"), None)
            if nxt is not None and nxt.lemma_.lower() in LEX.EVENT_NOUNS:
                return "noun", nxt
            return None, None
        # an event noun shortly before the date with no verb in between
        for t in reversed(doc[max(span.sent.start, span.start - 8):span.start]):
            if t.pos_ in ("VERB", "AUX") or t.is_punct:
                break
            if t.pos_ == "NOUN" and t.lemma_.lower() in LEX.EVENT_NOUNS and d["precision"] in ("year", "month"):
                return "noun", t
        t = span.root
        for _ in range(10):
            if t.i in self.by_head:
                return "verb", t
            if t.head.i == t.i:
                break
            t = t.head
        return None, None

    def dates(self):
        for d in self.ctx.dates:
            if not d["value"] or d.get("in_quote"):
                continue
            how, tok = self._attach(d)
            if how == "verb":
                ev = self.by_head[tok.i]
                if ev["date"] is None or (ev["date_precision"] != "day" and d["precision"] == "day"):
                    self._set_date(ev, d)
            elif how == "noun":
                np = self.res._np_span(tok)
                s, e = np.start_char, np.end_char
                if d["mention"].lower().startswith(("au lendemain de", "à la veille de")):
                    anchor = dt.date.fromisoformat(d["value"])
                    shift = -1 if "lendemain" in d["mention"].lower() else 1
                    dd = {"value": (anchor + dt.timedelta(days=shift)).isoformat(), "precision": "day"}
                else:
                    s, e = min(s, tok.idx), max(e, d["end"])
                    dd = d
                ev = self._new(LEX.EVENT_NOUNS[tok.lemma_.lower()], s, e, tok.sent, head=None)
                self._set_date(ev, dd)
                self._collect(ev, s, e)

    def inherit(self):
        doc = self.doc
        for i, ev in self.by_head.items():
            if ev["date"]:
                continue
            t = doc[i]
            for _ in range(8):
                if t.head.i == t.i:
                    break
                t = t.head
                parent = self.by_head.get(t.i)
                if parent and parent["date"]:
                    rel = "on_or_before" if parent["kind"] in STATEMENT_KINDS and ev["kind"] not in STATEMENT_KINDS else "on"
                    self._set_date(ev, {"value": parent["date"], "end_value": parent["date_end"], "precision": parent["date_precision"]}, rel)
                    if rel == "on_or_before":
                        ev["statement_date"] = parent["date"]
                        speaker = next(iter(parent["actor_ids"]), None)
                        ev["asserted_by"] = ev["asserted_by"] or speaker
                    break

    def quotes_and_sources(self):
        qs = self.ctx.quotes
        for ev in self.out:
            sent_s, sent_e = ev["sentence_start"], ev["sentence_start"] + len(ev["sentence"])
            speaker = ev["actor_ids"][0] if ev["actor_ids"] else None
            for q in qs:
                if sent_s <= q["start"] < sent_e + 2 and (q["speaker_id"] == speaker) and ev["kind"] in STATEMENT_KINDS | {"decision"}:
                    ev["quote_ids"].append(q["id"])
                    if not ev["date"] and q["date"] and q["date_source"] == "text":
                        self._set_date(ev, {"value": q["date"], "precision": q["date_precision"]})
                    if q["place_id"] and q["place_id"] not in ev["place_ids"]:
                        ev["place_ids"].insert(0, q["place_id"])
            if ev["kind"] in STATEMENT_KINDS and ev["date"] and not ev["statement_date"]:
                ev["statement_date"] = ev["date"]
            # selon X
            for q in qs:
                if q["kind"] == "indirect" and q["start"] <= ev["start"] and ev["end"] <= q["end"] + 1 and not ev["asserted_by"]:
                    ev["asserted_by"] = q["speaker_id"]
            # an actor located elsewhere (an embassy sits in the capital)
            for aid in list(ev["actor_ids"][:1]):
                a = self.ctx.actors.get(aid)
                loc = a.get("location_id") if a else None
                if loc and not any(self.places[p]["kind"] == "city" for p in ev["place_ids"]):
                    ev["place_ids"].insert(0, loc)

    def finish(self):
        actors = {a["id"]: a for a in self.ctx.actors}
        self.out.sort(key=lambda ev: ev["start"])
        for n, ev in enumerate(self.out):
            ev.pop("_head", None)
            ev["id"] = f"e{n + 1}"
            ev["places"] = [self.places[p]["name"] for p in ev["place_ids"]]
            ev["actors"] = [actors[a]["name"] for a in ev["actor_ids"]]
            ev["asserted_by"] = actors[ev["asserted_by"]]["name"] if ev["asserted_by"] in actors else None
            undated_on_published(ev, self.ctx.article.published)
        self.ctx.events = self.out


def find_events(ctx) -> None:
    locate_actors(ctx)
    ev = _Events(ctx)
    ev.verbal()
    ev.dates()
    ev.inherit()
    ev.quotes_and_sources()
    ev.finish()
