"""Quotes: direct, partial and indirect, each with its speaker, date and place said.

Reads: ``ctx.text``, ``ctx.doc``, ``ctx.dates``, ``ctx.place_spans``, ``ctx.resolver``.
Writes: ``ctx.quotes``: ``{id, text, kind, speaker, speaker_id, speaker_mention, date, place,
sentence, start, end}``. ``text`` is always ``ctx.text[start:end]`` (checked).

* direct: « … » that forms a whole statement (opens the sentence, or follows ``:``/``,``);
* partial: « … » inside reported speech (``a qualifié ces allégations d'« absurdes »``);
* indirect: ``X a averti que …``, ``selon X, …``, ``…, selon X.``
A quoted name or term (``l'opération baptisée « Bouclier »``) is not a quote.
Consecutive quotes of one speaker in one passage share the date and place said.
"""
from __future__ import annotations

import re

from .lexicon import NAMING_CUES, REPORT_VERBS, SPEECH_NOUNS, SPEECH_VERBS

_QUOTE_RE = re.compile(r"«\s*(?P<inner>[^«»]*?)\s*»|“\s*(?P<inner2>[^“”]*?)\s*”")
_NAMING_RE = re.compile(r"(?:\b(?:" + NAMING_CUES + r"))\s*(?:de\s+|d')?$", re.IGNORECASE)
_PRON_INV_RE = re.compile(r"^\s*[,.!?…]*\s*(?:[\w']+\s+){0,2}?[\w]+-(?:t-)?(?P<pron>il|elle|ils|elles)\b", re.IGNORECASE)
_SELON_RE = re.compile(r"\b(?:selon|d'après|d’après)\s+", re.IGNORECASE)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def is_speech(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and _lemma(tok) in SPEECH_VERBS or (tok.pos_ == "NOUN" and _lemma(tok) in SPEECH_NOUNS)


def subject_of(verb, res, _depth=0):
    """The actor doing ``verb``: its subject, the agent of a passive, or the subject it inherits."""
    if verb is None or _depth > 5:
        return None, None
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in ("on", "cela", "ce", "ça", "c'"):
                continue
            return res.resolve(c), c
    for c in verb.children:
        if c.dep_ in ("obl:agent",) or (c.dep_.startswith("obl") and any(g.lower_ == "par" for g in c.children)
                                        and any(x.dep_ == "aux:pass" for x in verb.children)):
            return res.resolve(c), c
    # inversion: "a déclaré Lavrov", "ajoute le ministre"
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET") and nxt.dep_ not in ("obj",) and nxt.sent == verb.sent:
        head = nxt if nxt.pos_ == "PROPN" else next((t for t in nxt.doc[nxt.i:nxt.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is not None and (head.pos_ == "PROPN" or head.lemma_.lower() in res_titles()):
            return res.resolve(head), head
    # "l'utilisation par l'Ukraine de missiles … pour frapper …": the agent of the nominalisation
    if "Inf" in verb.morph.get("VerbForm") and any(c.dep_ == "mark" and c.lower_ == "pour" for c in verb.children):
        lo = verb.head.i if verb.head.i < verb.i else verb.sent.start
        for t in verb.doc[lo:verb.i]:
            if t.lower_ == "par" and t.head.pos_ in ("PROPN", "NOUN") and t.head.dep_ == "nmod":
                a = res.resolve(t.head)
                if a is not None:
                    return a, t.head
    # participles, infinitives and coordinated verbs inherit the subject of the verb they hang on
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp", "obl:mod", "parataxis") or "Part" in verb.morph.get("VerbForm") \
            or "Inf" in verb.morph.get("VerbForm"):
        if verb.head is not verb:
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                if any(c.dep_ == "aux:tense" for c in verb.children):  # misparse: "X a, de son côté, averti"
                    return res.resolve(verb.head), verb.head
                return None, None
            return subject_of(verb.head, res, _depth + 1)
    return None, None


def res_titles():
    from .lexicon import TITLE_HEADS

    return TITLE_HEADS


def _governing_speech(tok, max_up=7):
    """The nearest ancestor that is a speech verb or noun (or the first verb, as a fallback)."""
    first_verb = None
    t = tok
    for _ in range(max_up):
        if t.head is t:
            break
        t = t.head
        if is_speech(t) and t.pos_ in ("VERB", "AUX"):
            return t
        if t.pos_ == "VERB" and first_verb is None:
            first_verb = t
    return first_verb


def _tokens_in(doc, s, e):
    span = doc.char_span(s, e, alignment_mode="expand")
    return span


class _Quotes:
    def __init__(self, ctx):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.res = ctx.resolver
        self.out = []
        self.places = {p["id"]: p for p in ctx.places}
        self.headers = [m.start() for m in re.finditer(r"(?m)^[^\n.!?»]{3,120}$", self.text)]

    # ------------------------------------------------------------ helpers
    def _date_in(self, s, e, exclude):
        for d in self.ctx.dates:
            if s <= d["start"] and d["end"] <= e and d["precision"] == "day" and not any(xs <= d["start"] < xe for xs, xe in exclude):
                return d
        return None

    def _place_in(self, s, e, exclude, speaker_span=None):
        for ps, pe, pid in self.ctx.place_spans:
            if not (s <= ps and pe <= e) or any(xs <= ps < xe for xs, xe in exclude):
                continue
            if speaker_span and speaker_span[0] <= ps < speaker_span[1]:
                continue
            before = self.text[max(0, ps - 12):ps].lower()
            if re.search(r"(?:\bà|\bdepuis|\bdevant|\bau|\baux|\bde passage à|\bvisite à|\bl'|\ben)\s*$", before):
                p = self.places[pid]
                if p["kind"] in ("city", "landmark") or before.rstrip().endswith(("à", "depuis")):
                    return pid
        return None

    def _add(self, s, e, kind, actor, mention_tok, sent, quote_spans, speaker_span=None):
        text = self.text[s:e]
        if not text.strip():
            return
        assert self.text[s:e] == text
        date = self._date_in(sent.start_char, sent.end_char, quote_spans)
        place = self._place_in(sent.start_char, sent.end_char, quote_spans, speaker_span)
        if actor is not None:
            self.res.last_speaker = actor
            if actor["kind"] == "person":
                self.res.last_person = actor
        mention = ""
        if mention_tok is not None:
            mention = self.res.surface(mention_tok)
        self.out.append({
            "text": text, "kind": kind, "speaker": actor["name"] if actor else None,
            "speaker_id": actor["id"] if actor else None, "speaker_mention": mention or None,
            "date": date["value"] if date else None, "date_precision": date["precision"] if date else None,
            "place": self.places[place]["name"] if place else None, "place_id": place,
            "sentence": sent.text.strip(), "sentence_start": sent.start_char, "start": s, "end": e,
        })

    def _section(self, pos):
        return sum(1 for h in self.headers if h <= pos)

    # ------------------------------------------------------------ guillemets
    def guillemets(self):
        doc, text = self.doc, self.text
        matches = list(_QUOTE_RE.finditer(text))
        spans = [(m.start(), m.end()) for m in matches]
        for m in matches:
            inner = "inner" if m.group("inner") is not None else "inner2"
            s, e = m.start(inner), m.end(inner)
            if s >= e:
                continue
            before = text[max(0, m.start() - 60):m.start()]
            if _NAMING_RE.search(before.rstrip()):
                continue
            words = text[s:e].split()
            first_tok = _tokens_in(doc, s, min(e, s + 1))
            if first_tok is None:
                continue
            tok = first_tok[0]
            sent = tok.sent
            # the whole quote may run over several parsed sentences: use the one holding the closing mark
            end_tok = _tokens_in(doc, max(s, e - 1), e)
            end_sent = end_tok[0].sent if end_tok is not None else sent
            lead = text[sent.start_char:m.start()].strip()
            opens = lead == "" or lead.endswith((":", ",")) or lead.endswith("—")
            starts_upper = text[s:s + 1].isupper()
            kind = "direct" if (opens and (starts_upper or len(words) >= 6)) else "partial"
            # a short capitalised quoted term with no speech around it is a name
            if kind == "partial" and len(words) <= 3 and all(w[:1].isupper() for w in words) and not self._speech_near(sent):
                continue
            actor, mtok, speaker_span = self._speaker_for_guillemet(m, kind, sent, end_sent, spans)
            self._add(s, e, kind, actor, mtok, end_sent if kind == "direct" else sent, spans, speaker_span)

    def _speech_near(self, sent):
        return any(is_speech(t) for t in sent)

    def _speaker_for_guillemet(self, m, kind, sent, end_sent, spans):
        doc, text, res = self.doc, self.text, self.res
        after = text[m.end():end_sent.end_char]
        if kind == "direct":
            pm = _PRON_INV_RE.match(after)
            tokens_after = [t for t in end_sent if t.idx >= m.end()]
            if pm and pm.end() < 40:
                pron = pm.group("pron").lower()
                a = res.last_speaker if pron.startswith("elle") else (
                    res.last_speaker if res.last_speaker and res.last_speaker["kind"] == "person" else res.last_person)
                return a, None, None
            # "« … », a déclaré Lavrov" / "« … », estime le ministre"
            for t in tokens_after[:6]:
                if is_speech(t) and t.pos_ in ("VERB",):
                    a, subj = subject_of(t, res)
                    if a is not None:
                        return a, subj, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj is not None else None
                    break
            # "X a déclaré : « … »" / "Selon X, « … »"
            lead = text[sent.start_char:m.start()]
            sel = list(_SELON_RE.finditer(lead))
            if sel:
                tok = _tokens_in(doc, sent.start_char + sel[-1].end(), sent.start_char + sel[-1].end() + 1)
                if tok is not None:
                    a = res.resolve(tok[0])
                    if a:
                        return a, tok[0], None
            pour = re.match(r"\s*Pour\s+", lead)
            if pour:
                tok = _tokens_in(doc, sent.start_char + pour.end(), sent.start_char + pour.end() + 1)
                a = res.resolve(tok[0]) if tok is not None else None
                if a:
                    return a, tok[0], None
            before_toks = [t for t in sent if t.idx < m.start()]
            for t in reversed(before_toks):
                if is_speech(t) and t.pos_ == "VERB":
                    a, subj = subject_of(t, res)
                    if a:
                        return a, subj, None
            # a quote standing alone continues the previous speaker
            prev_sent = doc[sent.start - 1].sent if sent.start > 0 else None
            if prev_sent is not None and self.out and self.out[-1]["end"] >= prev_sent.start_char \
                    and self._section(self.out[-1]["start"]) == self._section(m.start()):
                last = self.out[-1]
                return res.reg.get(last["speaker_id"]), None, None
            if prev_sent is not None:
                for t in prev_sent:
                    if is_speech(t) and t.pos_ == "VERB":
                        a, subj = subject_of(t, res)
                        if a:
                            return a, subj, None
            return None, None, None
        # partial: the speech verb that governs the quoted words
        tok = _tokens_in(doc, m.start(), m.end())
        if tok is None:
            return None, None, None
        head = tok.root
        verb = _governing_speech(head)
        if verb is not None:
            a, subj = subject_of(verb, res)
            if a is not None:
                return a, subj, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
        root = sent.root
        a, subj = subject_of(root, res)
        if a is not None:
            return a, subj, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
        return None, None, None

    # ------------------------------------------------------------ indirect
    def indirect(self):
        doc, text, res = self.doc, self.text, self.res
        taken = [(q["start"], q["end"]) for q in self.out]
        for sent in doc.sents:
            for tok in sent:
                if tok.pos_ != "VERB" or _lemma(tok) not in REPORT_VERBS:
                    continue
                for c in tok.children:
                    if c.dep_ not in ("ccomp", "obj", "xcomp"):
                        continue
                    mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in ("que", "qu'", "qu’")), None)
                    if mark is None and not (c.dep_ == "ccomp" and c.left_edge.i > 0 and c.doc[c.left_edge.i].lower_ in ("que", "qu'", "qu’")):
                        continue
                    start_i = (mark.i + 1) if mark is not None else c.left_edge.i + 1
                    end_i = c.right_edge.i
                    while end_i > start_i and c.doc[end_i].is_punct and c.doc[end_i].text not in ("»", ")"):
                        end_i -= 1
                    if end_i < start_i:
                        continue
                    s, e = c.doc[start_i].idx, c.doc[end_i].idx + len(c.doc[end_i])
                    self._add_indirect(tok, s, e, sent, taken)
            self._selon(sent, taken)

    def _add_indirect(self, verb, s, e, sent, taken, actor=None, mtok=None):
        covered = sum(min(e, qe) - max(s, qs) for qs, qe in taken if qs < e and s < qe)
        if covered > 0.5 * (e - s) or e - s < 8:
            return
        if actor is None:
            actor, mtok = subject_of(verb, self.res)
        if actor is None:
            return
        self._add(s, e, "indirect", actor, mtok, sent, [(s, e)])
        taken.append((s, e))

    def _selon(self, sent, taken):
        text = self.text
        st = text[sent.start_char:sent.end_char]
        for m in _SELON_RE.finditer(st):
            abs_s = sent.start_char + m.end()
            tok = _tokens_in(self.doc, abs_s, abs_s + 1)
            if tok is None:
                continue
            a = self.res.resolve(tok[0])
            if a is None:
                continue
            np = self.res._np_span(tok[0])
            np_end = np.end_char
            rest_after = text[np_end:sent.end_char]
            if m.start() <= 1 or st[:m.start()].strip() == "":
                # "Selon X, <claim>."
                cm = re.match(r"\s*,\s*", rest_after)
                if not cm:
                    continue
                s = np_end + cm.end()
                e = sent.end_char
            else:
                # "<claim>, selon X."
                s = sent.start_char
                e = sent.start_char + m.start()
            seg = text[s:e]
            s += len(seg) - len(seg.lstrip())
            seg = text[s:e].rstrip(" ,.;:\n")
            e = s + len(seg)
            if e - s < 8:
                continue
            self._add_indirect(None, s, e, sent, taken, actor=a, mtok=tok[0])

    # ------------------------------------------------------------ occasion
    def statement_dates(self):
        """Dated statements without quotes ("Mardi, Lavrov avait dénoncé …"): date the speaker's next quotes."""
        found = []
        for sent in self.doc.sents:
            for tok in sent:
                if tok.pos_ == "VERB" and is_speech(tok) and tok.dep_ in ("ROOT", "conj", "parataxis"):
                    d = self._date_in(sent.start_char, sent.end_char, [])
                    if d is None:
                        continue
                    a, _ = subject_of(tok, self.res)
                    if a is not None:
                        found.append((sent.start_char, a["id"], d))
        for q in self.out:
            if q["date"] or q["speaker_id"] is None:
                continue
            prior = [f for f in found if f[0] <= q["start"] and f[1] == q["speaker_id"]
                     and self._section(f[0]) == self._section(q["start"])]
            if prior:
                d = prior[-1][2]
                q["date"], q["date_precision"] = d["value"], d["precision"]

    def share_occasion(self):
        """Consecutive quotes of one speaker in one section share date and place said."""
        qs = sorted(self.out, key=lambda q: q["start"])
        groups, cur = [], []
        for q in qs:
            if cur and (q["speaker_id"] != cur[-1]["speaker_id"] or self._section(q["start"]) != self._section(cur[-1]["start"])):
                groups.append(cur)
                cur = []
            cur.append(q)
        if cur:
            groups.append(cur)
        for g in groups:
            if g[0]["speaker_id"] is None:
                continue
            date = next((q for q in g if q["date"]), None)
            place = next((q for q in g if q["place"]), None)
            for q in g:
                if date and not q["date"]:
                    q["date"], q["date_precision"] = date["date"], date["date_precision"]
                if place and not q["place"]:
                    q["place"], q["place_id"] = place["place"], place["place_id"]
        self.out = qs


def find_quotes(ctx) -> None:
    q = _Quotes(ctx)
    q.guillemets()
    q.indirect()
    q.statement_dates()
    q.share_occasion()
    for i, rec in enumerate(q.out):
        rec["id"] = f"q{i + 1}"
        if ctx.text[rec["start"]:rec["end"]] != rec["text"]:  # verbatim, always
            raise AssertionError(f"quote text is not verbatim at {rec['start']}")
    ctx.quotes = q.out
