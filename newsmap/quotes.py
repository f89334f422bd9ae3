"""Quotes: direct, partial and indirect, each with its speaker, date and place said.

Reads: ``ctx.text``, ``ctx.doc``, ``ctx.dates``, ``ctx.place_spans``, ``ctx.resolver``.
Writes: ``ctx.quotes``: ``{id, text, kind, speaker, speaker_id, speaker_mention, date, place,
sentence, start, end}``. ``text`` is always ``ctx.text[start:end]`` (checked).

* direct: « … » that forms a whole statement (opens the sentence, or follows ``:``/``,``);
* partial: « … » inside reported speech (``a qualifié ces allégations d'« absurdes »``);
* indirect: ``X a averti que …``, ``selon X, …``, ``…, selon X.``, ``Pour <person>, …``, ``A l'en croire, …``
Words in quotation marks are always direct or partial quotes; indirect is only for unmarked reported clauses, and an
unmarked infinitive report (``a affirmé avoir …``) is no quote (the convention of eval/REAL.md). A quoted name or term (``l'opération baptisée « Bouclier »``) is not a quote. A « the text never closes runs to the end
of its paragraph (or to an attribution inside it: « A, a assuré X. <narration>).
Consecutive quotes of one speaker in one passage share the date and place said.
Every quote names the rule that chose its speaker (``rule``: ``verb-after``, ``pronoun-inversion``,
``frame``, ``verb-before``, ``continues-previous``, ``governing-verb``, ``verb-que``, ``selon``,
``inner-attribution``, ``echo``, ``verb-recipient-que``, ``manner-inversion``, ``partial-continues``, ``pour-frame``,
``own-view``, ``colon-lead`` …; ``<rule>+issuer`` when a document — « précise le
communiqué » — stands for whoever issued it); the guillemet speaker rules are the ordered lists ``DIRECT_RULES`` and
``PARTIAL_RULES`` at the end of this module. A subject pronoun (« Il a estimé que ») is read back to the speaker
of the statement before; the one spoken to (« au micro de X ») is not a speaker.
"""
from __future__ import annotations

import re

from . import lang
from .gazetteer import gazetteer

LEX = lang.Part("lexicon")  # newsmap/lang/<article.lang>/lexicon.py
Q = lang.Part("quotes")  # the patterns built from it: newsmap/lang/<article.lang>/quotes.py

_SENTENCE_STOP_RE = re.compile(r"[.;!?…]")
_CLAUSE_STOP_RE = re.compile(r"[,.;!?…]")
_COMMA_RE = re.compile(r"\s*,\s*")
_QUOTE_RE = re.compile(r"«\s*(?P<inner>[^«»]*?)\s*»|“\s*(?P<inner2>[^“”]*?)\s*”")


def _lemma(tok) -> str:
    """The lemma, mended when the lemmatizer left a present-tense form of a speech verb as it is ("indique")."""
    low = tok.lemma_.lower()
    if low not in Q.VERBS and tok.pos_ == "VERB":
        for end in ("ent", "e"):
            if low.endswith(end) and low[:-len(end)] + "er" in Q.VERBS:
                return low[:-len(end)] + "er"
    return low


def _inverted_speech(tok) -> bool:
    """« …, soupire-t-il. »: a speech verb the inverted pronoun after it shows, whatever tag the parser gave it."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    low = tok.lower_
    stem = low[:-1]  # "relève" → relever, "rappelle" → rappeler
    stems = (stem, stem.replace("è", "e"), stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return nxt is not None and nxt.lower_ in ("-t", "-il", "-elle", "-ils", "-elles") and tok.is_alpha \
        and (low + "r" in LEX.SPEECH_VERBS or any(x + "er" in LEX.SPEECH_VERBS for x in stems))


def is_speech(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (_lemma(tok) in LEX.SPEECH_VERBS or _causative_speech(tok)) \
        or (tok.pos_ == "NOUN" and _lemma(tok) in LEX.SPEECH_NOUNS)


def _causative_speech(tok) -> bool:
    """« a fait savoir le ministère », « a laissé entendre X »: the infinitive after « faire » / « laisser » says."""
    return tok.i > 0 and (_lemma(tok.doc[tok.i - 1]), tok.lemma_.lower()) in LEX.CAUSATIVE_SPEECH


def subject_of(verb, res, _depth=0, generic=False, _said=False):
    """The actor doing ``verb``: its subject, the agent of a passive, or the subject it inherits.

    ``generic``: a subject that names no known actor ("plusieurs diplomates") becomes a source;
    quotes ask for it, events do not.
    """
    if verb is None or _depth > 5:
        return None, None
    said = _said or is_speech(verb)  # "La communauté internationale s'inquiète et évoque …": the speech verb inherits
    # of two subjects the parser gives a verb, the one next to it ("Arrosé de champagne …, Ricardo Sa Pinto a souligné")
    if _lemma(verb) == "dire" and verb.head.lemma_ == "vouloir" and verb.dep_ == "xcomp":
        return None, None  # "Ça ne veut pas dire que …": "mean", no one speaks
    for c in sorted(verb.children, key=lambda c: (c.i > verb.i, abs(c.i - verb.i))):
        if c.dep_ == "nsubj":
            if c.lower_ in ("on", "cela", "ce", "ça", "c'"):
                continue
            if c.i < verb.i and any(t.text == ":" for t in verb.doc[c.right_edge.i + 1:verb.i]):
                continue  # a headline's topic before its colon ("Émeutes à Liège : le bourgmestre dénonce …")
            if c.i < verb.i and _inside_marks(c, verb):
                continue  # « L'ennemi bombarde … », a écrit le gouverneur: the quoted words do not write
            role = _possessed_role(res, c) if generic and said else None
            return role or res.resolve(c, generic=generic and said), c
    for c in verb.children:
        passive = any(x.dep_ == "aux:pass" for x in verb.children) or (  # "affirmant que": a present participle is never passive
            "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
            and not any(x.dep_ == "aux:tense" for x in verb.children))
        if c.dep_ == "obl:agent" or (c.i > verb.i and passive and any(g.lower_ == "par" for g in c.children)):
            return res.resolve(c), c
    # the parser found no subject: the actor named right before the verb ("…, la Maison-Blanche a annoncé",
    # "Me Zavarro, qui défend X, a indiqué", "Le commissaire …, Wopke Hoekstra, a au contraire salué")
    if (any(c.dep_ == "aux:tense" for c in verb.children) or "Fin" in verb.morph.get("VerbForm")) \
            and not any(c.dep_ == "nsubj" for c in verb.children):
        first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
        hit = res.last_named_before(verb.doc[first].idx) or res.actor_before(verb.doc[first].idx)
        if hit is not None:
            return hit, None
    # inversion: "a déclaré Lavrov", "ajoute le ministre"
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET") and nxt.dep_ not in ("obj",) and nxt.sent == verb.sent:
        head = nxt if nxt.pos_ == "PROPN" else next((t for t in nxt.doc[nxt.i:nxt.i + 4] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is not None and (head.pos_ == "PROPN" or head.lemma_.lower() in LEX.TITLE_HEADS):
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
        if verb.head.i != verb.i:
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                if any(c.dep_ == "aux:tense" for c in verb.children):  # misparse: "X a, de son côté, averti"
                    return res.resolve(verb.head), verb.head
                return None, None
            # "En constatant un « record », les scientifiques ont révélé …": a speech participle's subject speaks too
            return subject_of(verb.head, res, _depth + 1, generic, said and (verb.dep_ == "conj" or verb.dep_ == "advcl"
                                                                             and "Part" in verb.morph.get("VerbForm")))
    return None, None


def _inside_marks(tok, verb) -> bool:
    """``tok`` stands inside « … » closed before ``verb`` (the parser took a quoted subject for the verb's)."""
    doc, sent = verb.doc, verb.sent
    opening = next((t.i for t in reversed(doc[sent.start:tok.i + 1]) if t.text in ("«", "»")), None)
    return opening is not None and doc[opening].text == "«" and any(t.text == "»" for t in doc[tok.i:verb.i])


def np_after(verb, res, dates=()):
    """The subject standing after a verb (inversion: « … », a écrit sur Telegram le gouverneur, X)."""
    doc = verb.doc
    i = verb.i + 1
    end = verb.sent.end
    while i < end:
        t = doc[i]
        if t.is_punct and t.text != ",":
            return None, None
        if t.pos_ in ("ADV", "SCONJ", "CCONJ") or t.text == "," or "-t-" in t.text or any(s <= t.idx < e for s, e in dates) \
                or (i == verb.i + 1 and (is_speech(t) or _causative_speech(t)) and "Inf" in t.morph.get("VerbForm")):  # "est venu dire devant …"
            i += 1
            continue
        if t.pos_ == "ADP":  # skip a prepositional phrase: "sur Telegram", "lors d'une réunion"
            j = i + 1
            while j < end and doc[j].pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                j += 1
            # but not a name the parser hung on it: "a expliqué à l'ats Vincent Derouand" (the recipient is not the speaker)
            if j >= end:
                return None, None
            i = doc[j].right_edge.i + 1
            for c in doc[j].rights:
                if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ == "case" for g in c.children) \
                        and doc[c.left_edge.i].lower_ in ("le", "la", "l'", "l’", "les"):
                    i = c.left_edge.i  # "dans un communiqué le ministère de …": no "de", the subject the parser hung on it
                    break
                if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.text[:1].isupper()):  # "de son côté Me Jonathan De Taye"
                    i = c.i
                    break
                if c.dep_ == "appos" and doc[c.left_edge.i - 1].text != ",":  # "lors d'un point presse le commandant …"
                    i = c.left_edge.i
                    break
            continue
        one = Q.ONE_OF_RE.match(doc.text, t.idx)
        if one:  # "a ajouté un de ses collègues", "assure l'un d'eux": an unnamed speaker, named as the text does
            after = doc.char_span(one.end(), one.end() + 1, alignment_mode="expand")  # "…, Daniel Goa": named after all
            named = _appositive_person(res, after.start, end) if after is not None else None
            return (named or res.reg.source(one.group(0)[:1].upper() + one.group(0)[1:], t.idx, one.end())), t
        if t.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "X", "PRON", "NUM"):
            head = t
            while head.pos_ in ("DET", "ADJ") and head.i + 1 < end and doc[head.i + 1].pos_ not in ("ADP", "PUNCT"):
                head = doc[head.i + 1]  # "la quadruple championne"; "la Première au micro de RTL" stops at "Première"
            if head.i == verb.i + 1 and head.pos_ == "NOUN" and head.text.islower() and not any(c.dep_ == "det" for c in head.children):
                return None, None  # "faisait état de …", "a pris acte": a bare noun after the verb is its object, no one
            a = _possessed_role(res, head) or res.resolve(head, generic=True)
            if a is None and head.lower_ in ("celui", "celle"):  # "affirme celui pour qui …": the person in the story
                a = res.latest(head.idx, ("person",))
            if a is None and head.pos_ == "PROPN" and head.text[:1].isupper():
                j = head.i
                while j + 1 < end and doc[j + 1].pos_ == "PROPN":
                    j += 1
                name = doc[head.i:j + 1].text
                if not gazetteer().resolve(name):
                    a = res.reg.person(name, head.idx, doc[j].idx + len(doc[j]))  # "raconte Carmen, une habitante"
            a = _member_for_group(res, head, a)
            if a is not None and a["kind"] == "source":  # "un autre membre de la défense, le pénaliste Michel Degrève"
                named = _appositive_person(res, res._np_span(head).end, end)
                a, head = (named, head) if named is not None else (a, head)
            if a is not None:  # an inverted subject, and the name in apposition to it ("la préfète, Anne Leroy")
                res.subject_spans.update([head.idx] + [c.idx for c in head.children if c.dep_ == "appos"])
            return (a, head) if a is not None else (None, None)
        return None, None
    return None, None


def _possessed_role(res, head):
    """« dit son avocate », « sa mère a raconté »: someone related to a person of the story, never that person
    (a description would otherwise stand for the last person named): the role, as the text names it."""
    det = next((c for c in head.children if c.dep_ == "det" and "Yes" in c.morph.get("Poss")), None)
    if head.pos_ != "NOUN" or det is None or det.i > head.i:
        return None
    if head.lower_ not in LEX.PERSON_NOUNS | LEX.TITLE_HEADS | LEX.KIN_NOUNS:
        return None  # "a exprimé son inquiétude": what is expressed, no one
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in head.subtree):
        return None  # "son avocat Me Jean Dupont": the name decides
    end = head.i + 1
    while end < len(head.doc) and head.doc[end].pos_ == "ADJ" and head.doc[end].head.i == head.i:
        end += 1  # "sa fille aînée"
    name = head.doc[det.i + 1:end].text  # named as generic sources are, without the determiner ("Avocate")
    return res.reg.source(name[:1].upper() + name[1:], det.idx, head.doc[end - 1].idx + len(head.doc[end - 1]))


def _issuer(head):
    """« selon un bilan de l'ONG Acled »: the one who issued the document a ``selon`` names, else the head itself."""
    if head.lower_ not in LEX.SOURCE_DOCUMENTS:
        return head
    named = [c for c in head.children if c.dep_ in ("nmod", "appos") and c.i > head.i and c.pos_ in ("NOUN", "PROPN")]
    short = [c for c in named if c.dep_ == "appos" and c.i > 0 and c.doc[c.i - 1].text == "("]  # "… Project (Acled)"
    return (short or named or [head])[0]


def _unnamed_generic(head, np):
    """« selon les spécialistes », « selon des études », « selon une première source policière »: a plural or indefinite
    common noun of LEX.GENERIC_SOURCES (or any source « premier »: the first accounts) with no name in its phrase."""
    if head.pos_ != "NOUN" or any(t.pos_ == "PROPN" or t.ent_type_ for t in np):
        return False
    first = any(c.dep_ == "amod" and c.lemma_.lower() in ("premier", "première") for c in head.children)
    plural_or_some = "Plur" in head.morph.get("Number") or any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in head.children)
    return plural_or_some and (first or head.lemma_.lower() in LEX.GENERIC_SOURCES)


def _member_for_group(res, head, actor):
    """"l'entraîneur du Servette FC", "l'attaquant du PSG": a definite description of a person by the group they
    belong to stands for the person in the story, not for the group."""
    if actor is None or actor["kind"] == "person" or head.lower_ not in LEX.PERSON_NOUNS or "Plur" in head.morph.get("Number"):
        return actor
    det = head.doc[head.i - 1] if head.i > 0 else None
    if det is None or det.lower_ not in ("le", "la", "l'", "l’"):
        return actor
    return res.latest(head.idx, ("person",)) or actor


def _appositive_person(res, i, end):
    """The person a description is followed by, after a comma (", le pénaliste Michel Degrève"), or None."""
    doc = res.ctx.doc
    if i >= end or doc[i].text != ",":
        return None
    for t in doc[i + 1:min(end, i + 6)]:
        if t.is_punct:
            return None
        if t.pos_ == "PROPN":
            a = res.resolve(t)
            return a if a is not None and a["kind"] == "person" else None
    return None


ADJUNCT_DEPS = ("obl:mod", "nmod", "advmod", "acl:relcl")  # words that only add to what they hang on


def _reports_clause(tok) -> bool:
    """"les enquêteurs ont rappelé que …": a reporting verb with its « que » clause."""
    return tok.pos_ == "VERB" and _lemma(tok) in LEX.REPORT_VERBS and any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in ("que", "qu'", "qu’") for g in c.children) for c in tok.children)


def _bare_participle(tok) -> bool:
    """« …, signalée en alerte orange pour « orages » »: a past participle set off by a comma, with no auxiliary and no
    agent (« jugé « … » par X »), describes a state; it reports no one's words, whatever its verb."""
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") and tok.i > 0 \
        and tok.doc[tok.i - 1].text == "," and not any(
            c.dep_.startswith("aux") or c.dep_ == "obl:agent" or any(g.dep_ == "case" and g.lower_ == "par" for g in c.children)
            for c in tok.children)


def _governing_speech(tok, max_up=7):
    """The nearest ancestor that is a speech verb or noun, or a verb reporting the clause the words stand in
    (or the first verb, as a fallback)."""
    first_verb = None
    t = tok
    for _ in range(max_up):
        if t.head.i == t.i:
            break
        prev, t = t, t.head
        if t.dep_ == "acl" and "Part" in t.morph.get("VerbForm") and prev.dep_ in ADJUNCT_DEPS:
            continue  # "drones lancés par Moscou dans le pays dont « plus de 40 »": a description, not who spoke
        if is_speech(t) and t.pos_ in ("VERB", "AUX") or _reports_clause(t):
            return t
        if t.pos_ == "VERB" and first_verb is None:
            first_verb = t
    return first_verb


_FIRST_SECOND_RE = re.compile(r"\b(?:je|j['’]|nous|vous|vos|votre|mon|ma|mes|notre|nos|me|m['’])(?=\W)", re.IGNORECASE)
_VERB_RULES = ("governing-verb", "nearest-verb", "sentence-subject", "actor-before-verb")  # speakers read off the parse
_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "conj", "parataxis")  # a verb in the clause chain of what is said
_SAME_NP_DEPS = ("conj", "appos", "flat:name", "fixed")  # hops that stay in one noun phrase


def _marked_term(span) -> bool:
    """Quoted words that are a term, not someone's words: at most three words, nouns and adjectives only (no verb,
    pronoun, number, adverb or first/second person), that no speech act introduces: neither a speech verb or noun
    takes them (within two noun phrases: « dénonce une « provocation » », « la livraison de « mines … » ») nor
    the clause they stand in is what is said. « un « mini-Neptune » tournant dans une ceinture « tempérée » » in a
    sentence whose verb is « signaler l'observation de … »: terms."""
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 3 or any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "CCONJ") for t in words) \
            or any(t.morph.get("Person") and t.morph.get("Person")[0] in ("1", "2") for t in words):
        return False
    inside = {t.i for t in words}
    t = next((t for t in words if t.head.i not in inside or t.head.i == t.i), words[0])
    if any(c.dep_ in ("nsubj", "cop") for c in t.children):
        return False  # « qu'il sera « équitable » »: the predicate of a clause, a statement
    if any("Rel" in c.morph.get("PronType") for c in t.children):
        return True  # « dont une « super-Terre » »: one of the things a noun before names, described
    nominal = 0
    for _ in range(12):
        if t.head.i == t.i:
            return True
        dep, t = t.dep_, t.head
        if (is_speech(t) or _reports_clause(t)) and not _bare_participle(t):
            return False
        if dep == "acl:relcl":
            return True  # inside a relative clause describing something
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ not in _CLAUSE_DEPS:
                return True  # the argument of a verb that says nothing, in no clause of what is said
            nominal = 0
        elif dep not in _SAME_NP_DEPS:
            nominal += 1
            if nominal > 2:
                return True
    return True


def _edges(tok):
    """Character span of the noun phrase a speaker token heads (not the whole subtree)."""
    if tok is None:
        return None
    left = tok.left_edge
    right = tok
    for c in tok.rights:
        if c.dep_ in ("nmod", "amod", "appos", "flat:name", "det", "nummod", "fixed"):
            right = c.right_edge if c.right_edge.i > right.i else right
        else:
            break
    return left.idx, right.idx + len(right)


def _first_person_report(verb) -> bool:
    """A report whose subject or object is « je / me / nous / vous » (« Le SPW m'indique que … »): the narrator never
    speaks so; these are the words of someone quoted without marks, not a report of the subject's."""
    return any(c.dep_ in ("nsubj", "obj", "iobj", "obl:arg", "expl:comp") and c.pos_ == "PRON"
               and c.lower_.rstrip("'’") in ("je", "j", "me", "m", "nous", "vous") for c in verb.children)


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
        first_line = self.text.split("\n", 1)[0].strip()
        if first_line and first_line == ctx.article.title and len(first_line) <= 250 and 0 not in self.headers:
            self.headers.insert(0, 0)  # the headline: its quoted words are repeated, and attributed, in the body
        self.date_spans = [(d["start"], d["end"]) for d in ctx.dates]
        self.matches = sorted(list(_QUOTE_RE.finditer(self.text)) + _open_quotes(self.text), key=lambda m: m.start())
        self.marked = [(m.start(), m.end()) for m in self.matches]  # words inside quotation marks
        self.chain = 0  # depth of a pronoun chain being read back (_pronoun_speaker)

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

    def _add(self, s, e, kind, actor, mention_tok, sent, quote_spans, speaker_span=None, rule=None):
        text = self.text[s:e]
        if not text.strip():
            return
        if actor is not None and actor["name"].lower() in LEX.DOCUMENT_NOUNS:
            # "précise le communiqué": the text speaks for whoever issued it, the speaker just before in the section
            author = self._last_speaker(s)
            prior = [q for q in self.out if q["speaker_id"] == (author or {}).get("id")]
            if author is not None and self._section(prior[-1]["start"]) == self._section(s):
                actor, rule = author, f"{rule}+issuer"
        date = self._date_in(sent.start_char, sent.end_char, quote_spans)
        place = self._place_in(sent.start_char, sent.end_char, quote_spans, speaker_span)
        mention = ""
        if mention_tok is not None:
            mention = self.res.surface(mention_tok)
        elif actor is not None:
            before = [sp for sp in actor["spans"] if sp[1] <= s]
            if before:
                mention = self.text[before[-1][0]:before[-1][1]]
        self.out.append({
            "text": text, "kind": kind, "speaker": actor["name"] if actor else None,
            "speaker_id": actor["id"] if actor else None, "speaker_mention": mention or None,
            "date": date["value"] if date else None, "date_precision": date["precision"] if date else None,
            "place": self.places[place]["name"] if place else None, "place_id": place,
            "sentence": self.text[sent.start_char:sent.end_char].strip(), "sentence_start": sent.start_char, "start": s, "end": e,
            "rule": rule,
        })

    def _extend(self, sent):
        """The sentence plus the following pieces the parser split off (starting with ',', lower case or a hyphen:
        "cap au sud/sud-ouest du massif, a précisé l'office" split at "-ouest")."""
        doc = self.doc
        start, end = sent.start, sent.end
        while end < len(doc) and (doc[end].text in (",", ";", ")") or doc[end].text[:1].islower()
                                  or doc[end].text[:1] in ("-", "/") and (doc[end].text[1:2].islower() or len(doc[end]) == 1)) \
                and "\n" not in doc[end - 1].text_with_ws:
            end = doc[end].sent.end
        return doc[start:end] if end != sent.end else sent

    def _headline_attributed(self, m) -> bool:
        """A headline quote said by someone named after it (« … », dit X) and not repeated in the body."""
        line_end = self.text.find("\n", m.end())
        after = self.text[m.end():line_end if line_end >= 0 else len(self.text)]
        inner = self.text[m.start() + 1:m.end() - 1].strip()
        if self.text.count(inner) != 1:
            return False
        line_start = self.text.rfind("\n", 0, m.start()) + 1
        lead = self.text[line_start:m.start()]
        if re.search(r"(?:^|[:|]\s*)[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)+\s*:\s*$", lead):
            return True  # "Alassane Ouattara : « … »"
        lead_toks = _tokens_in(self.doc, line_start, m.start()) if lead.strip() else None
        if lead_toks is not None and any(is_speech(t) and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
                                         for t in lead_toks):
            return True  # "le procureur dénonce des « attaques en règle »"
        if re.match(r"\s*,?\s*(?:[a-zéèêâîôû]+\s+){1,2}[A-ZÉ]", after):
            return True
        # a lead used as headline: « … » C'est par un communiqué que Stromae a annoncé …
        stop = re.search(r"[.!?]", after)
        after_toks = _tokens_in(self.doc, m.end(), m.end() + (stop.start() if stop else len(after))) if after.strip() else None
        return after_toks is not None and any(is_speech(t) and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
                                              for t in after_toks)

    def _is_header(self, sent) -> bool:
        line_start = self.text.rfind("\n", 0, sent.start_char) + 1
        return line_start in self.headers

    def _section(self, pos):
        return sum(1 for h in self.headers if h <= pos)

    # ------------------------------------------------------------ guillemets
    def guillemets(self):
        doc, text = self.doc, self.text
        matches = self.matches
        spans = list(self.marked)
        last_name_end = -10
        for m in matches:
            inner = "inner" if m.group("inner") is not None else "inner2"
            s, e = m.start(inner), m.end(inner)
            if s >= e:
                continue
            before = text[max(0, m.start() - 60):m.start()]
            if (Q.NAMING_RE.search(before.rstrip()) and not Q.SPOKEN_RE.search(before.rstrip())) \
                    or Q.CHAIN_RE.match(text[last_name_end:m.start()]):
                last_name_end = m.end()  # « goutte froide » ou « DANA »: both names
                continue
            words = text[s:e].split()
            first_tok = _tokens_in(doc, s, min(e, s + 1))
            if first_tok is None:
                continue
            tok = first_tok[0]
            sent = tok.sent
            if self._is_header(sent) and not self._headline_attributed(m):
                continue
            inner_attr = self._inner_attribution(s, e)
            if inner_attr is not None:
                parts, actor, mtok = inner_attr
                if isinstance(m, _Open):
                    parts = parts[:1]  # « A, a assuré X. <narration>: the marks never close, the narrator resumes
                for ps, pe in parts:
                    self._add(ps, pe, "direct", actor, mtok, _tokens_in(doc, ps, ps + 1)[0].sent, spans, rule="inner-attribution")
                continue
            # the whole quote may run over several parsed sentences: use the one holding the closing mark,
            # and glue on what the parser split off after it (", a déclaré X.")
            end_tok = _tokens_in(doc, max(s, e - 1), e)
            end_sent = self._extend(end_tok[0].sent if end_tok is not None else sent)
            sent = self._extend(sent) if sent.end <= end_sent.start else sent
            lead = text[sent.start_char:m.start()].strip()
            # ". « …": a sentence the parser did not split; "- « …": a dash opening a reply
            opens = lead.strip("-–—") == "" or lead.endswith((":", ",", ".", "!", "?", "…", "—"))
            starts_upper = text[s:s + 1].isupper()
            kind = "direct" if (opens and (starts_upper or len(words) >= 6)) else "partial"
            # a short capitalised quoted term with no speech around it is a name
            if kind == "partial" and len(words) <= 3 and all(w[:1].isupper() for w in words) and not self._speech_near(sent):
                continue
            if self._names_a_thing(m, kind, words):
                continue
            actor, mtok, speaker_span, rule = self._speaker_for_guillemet(m, kind, sent, end_sent, spans)
            if kind == "direct" and rule in _GUESS_RULES and self._intertitle(m):
                # « Une année heureuse » alone on its line, no verb: an intertitle; it has a speaker only if it repeats
                # the words of a quote (echoes), never the last one who spoke
                self._add(s, e, kind, None, None, end_sent, spans, rule=None)
                continue
            if actor is None:
                continue  # quoted words no one is said to have spoken: a term, a title, scare quotes, a vox pop
            if mtok is not None and m.start() <= mtok.idx < m.end():
                continue  # « CILIDA » devrait dégrader …: the quoted words are the subject of the verb after, a name
            if kind == "partial" and rule in _VERB_RULES and _marked_term(_tokens_in(doc, s, e)):
                continue  # une « super-Terre » située dans une zone « habitable »: a term, whoever the sentence's subject
            self._add(s, e, kind, actor, mtok, end_sent if kind == "direct" else sent, spans, speaker_span, rule)

    def _intertitle(self, m) -> bool:
        """A quote alone on its line, without a final stop or a conjugated verb (« Une année heureuse »)."""
        ls = self.text.rfind("\n", 0, m.start()) + 1
        le = self.text.find("\n", m.end())
        line = self.text[ls:le if le >= 0 else len(self.text)].strip()
        inner = self.text[m.start() + 1:m.end() - 1].strip()
        if line.strip("«»“”\" ") != inner.strip("«»“”\" ") or re.search(r"[.!?…]$", inner) or len(inner.split()) > 12:
            return False
        toks = _tokens_in(self.doc, m.start(), m.end())
        return toks is not None and not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in toks)

    def _names_a_thing(self, m, kind, words) -> bool:
        """Quoted words that name something rather than report speech: a gloss in parentheses (« Stara
        kuchnia (« la vieille cuisine ») »), a capitalised title after an article (le site de la « Tribune de Genève »)."""
        before = self.text[max(0, m.start() - 12):m.start()]
        if before.rstrip().endswith("(") and self.text[m.end():m.end() + 3].lstrip().startswith(")"):
            return True
        if len(words) > 5 or not words[0][:1].isupper() or re.search(r"[.!?…]\W*$", words[-1]):
            return False
        first = _tokens_in(self.doc, m.start(), m.end())
        first = next((t for t in first if t.is_alpha), None) if first is not None else None
        if first is None or first.pos_ == "PRON":
            return False  # « Nous partirons »: words someone says
        if kind == "partial":
            # a short capitalised term inside a sentence (l'excellent album « Les sources », avec « Love Songs »),
            # unless a speech verb stands right before it (il a répondu « Non merci »)
            prev = first.doc[first.i - 2] if first.i >= 2 else None
            return prev is None or not (prev.pos_ == "VERB" and is_speech(prev))
        # a short capitalised "direct" quote the sentence runs on from (A 16h00, « Ampil » se trouvait …): a name
        nxt = _tokens_in(self.doc, m.end(), min(len(self.text), m.end() + 30))
        nxt = [t for t in nxt if t.idx >= m.end()][:3] if nxt is not None else []
        return len(words) <= 3 and before.rstrip().endswith(",") and bool(nxt) and nxt[0].text[:1].islower() and nxt[0].is_alpha \
            and not any(is_speech(t) or t.text.startswith("-") for t in nxt)

    def _inner_attribution(self, s, e):
        """« Nous irons, a-t-il dit, jusqu'au bout » / « A, s'exclame X. B »: the attribution stands inside the
        marks. Returns the quoted pieces around it and their speaker, or None."""
        span = _tokens_in(self.doc, s, e)
        if span is None:
            return None
        toks = list(span)
        persons = {ent.start for ent in self.res.ents if ent.label_ == "PER" and s < ent.start_char < e}
        for k, t in enumerate(toks):
            manner = t.i + 1 in persons and t.is_alpha and t.text.islower() and t.lower_ not in Q.NOT_VERBS \
                and k > 0 and toks[k - 1].text == ","  # « A, grince X. B », whatever tag the parser gave the verb
            if not (t.pos_ == "VERB" and is_speech(t) or _inverted_speech(t) or manner) or t.idx >= e:
                continue
            j, pron = k - 1, None
            while j > 0 and (toks[j].pos_ in ("AUX", "ADV") or toks[j].lower_ in ("s'", "se") or toks[j].text.startswith("-")):
                if toks[j].text.startswith("-") and toks[j].text != "-t":
                    pron = toks[j].text[1:].lower()
                j -= 1
            if j < 1 or toks[j].text != ",":
                continue
            nxt = k + 2 if k + 2 < len(toks) and toks[k + 1].text == "-t" else k + 1  # "soupire-t-il"
            if nxt < len(toks) and toks[nxt].text.startswith("-") and toks[nxt].text != "-t":
                pron = toks[nxt].text[1:].lower()  # "dit-il"
            if pron is not None:
                if pron not in ("il", "elle", "ils", "elles"):
                    continue
                actor, mtok, tail = self._pronoun_speaker(t.idx, pron), None, t.idx + len(t)
            else:
                actor, mtok = np_after(t, self.res, self.date_spans)
                tail = self.res._np_span(mtok).end_char if mtok is not None else None
            if actor is None or tail is None:
                continue
            # "…, affirme X, qui dirige l'unité … . B »", "…, confirme X, la gardienne de l'immeuble, … . B »": a relative
            # clause or a description of X runs to the sentence's end
            gloss = self._speaker_gloss(tail, e)
            stop = (_SENTENCE_STOP_RE if gloss else _CLAUSE_STOP_RE).search(self.text, tail, e)
            if stop is None or stop.start() - toks[j].idx > (250 if gloss else 100):
                continue  # the attribution runs to the closing mark: an ordinary quote
            parts = []
            for ps, pe in ((s, toks[j].idx), (stop.end(), e)):
                seg = self.text[ps:pe]
                ps += len(seg) - len(seg.lstrip())
                pe -= len(seg) - len(seg.rstrip())
                if pe - ps > 1:
                    parts.append((ps, pe))
            return parts, actor, mtok
        return None

    def _speaker_gloss(self, pos, end) -> bool:
        """Does ``, qui …`` or ``, la gardienne de …`` (a relative or a description of a person) follow ``pos``?"""
        comma = _COMMA_RE.match(self.text, pos, end)
        if comma is None:
            return False
        if Q.RELATIVE_RE.match(self.text, comma.end(), end):
            return True
        toks = _tokens_in(self.doc, comma.end(), min(end, comma.end() + 60))
        head = next((t for t in toks or () if t.pos_ not in ("DET", "ADJ")), None)
        return toks is not None and toks[0].pos_ == "DET" and head is not None and head.pos_ == "NOUN" \
            and head.lower_ in LEX.PERSON_NOUNS | LEX.TITLE_HEADS | LEX.KIN_NOUNS

    def echoes(self):
        """A quote alone on its line (an intertitle) repeats words of a quote in the body: that quote's speaker."""
        def flat(x):
            return " ".join(x.replace("’", "'").lower().split())
        for q in self.out:
            ls = self.text.rfind("\n", 0, q["start"]) + 1
            le = self.text.find("\n", q["end"])
            line = self.text[ls:le if le >= 0 else len(self.text)]
            if line.strip()[1:-1].strip() != q["text"] or len(q["text"].split()) < 2:
                continue
            words = flat(q["text"]).rstrip(".!?… ")
            src = next((r for r in self.out if r is not q and r["speaker_id"] and words in flat(r["text"])), None)
            if src is not None:
                q.update(speaker=src["speaker"], speaker_id=src["speaker_id"], speaker_mention=src["speaker_mention"], rule="echo")

    def _frame_speaker(self, sent, before_pos):
        """"Selon X, …" / "Pour le chercheur X, …" opening the sentence, or "… selon Helsinki …" inside it."""
        lead = self.text[sent.start_char:before_pos]
        same = re.search(r"\b(?:selon|d'après|de) " + Q.SAME_SOURCE_RE.pattern + r"|^\s*(?:selon|d'après|pour) (?:lui|elle)\b",
                         lead, re.IGNORECASE)
        last = self._last_speaker(before_pos, within=300)
        if same and last is not None:
            return last, None  # "Selon la même source", "Selon lui" after a quote: its speaker
        m = re.match(r"\s*(?:[A-ZÀ-Ý][\w'’-]*\s+)?(?:Selon|selon|Pour|D'après|D’après|d'après)\s+"
                     r"(?P<np>[^,;:«»]{2,90}?(?:,\s*(?:le |la )?[A-ZÉ][\w'’-]+(?:\s+[A-ZÉa-z][\w'’-]+){0,3}\s*)?),", lead)
        if m:
            cited = Q.CITED_BY_RE.search(m.group("np"))  # "selon des sources citées par l'AFP": the sources speak
            np_end = m.start("np") + cited.start() if cited else m.end("np")
            sp = self.doc.char_span(sent.start_char + m.start("np"), sent.start_char + np_end, alignment_mode="expand")
            if sp is not None:
                a = self.res.resolve_span(sp, generic=m.group(0).strip().lower()[:4] != "pour")
                if a is not None:
                    return a, sp.root
        mid = re.search(r"\b(?:selon|d'après|d’après)\s+(?P<np>(?:l'|le |la |les )?[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)*)",
                        self.text[sent.start_char:sent.end_char])
        if mid:
            sp = self.doc.char_span(sent.start_char + mid.start("np"), sent.start_char + mid.end("np"), alignment_mode="expand")
            a = self.res.resolve_span(sp) if sp is not None else None
            if a is not None:
                return a, sp.root
        for sm in Q.SELON_RE.finditer(self.text, sent.start_char, sent.end_char):  # "… de l'aveu du ministre X"
            head = _tokens_in(self.doc, sm.end(), sm.end() + 1)
            head = head[0] if head is not None else None
            while head is not None and head.pos_ in ("DET", "ADJ") and head.i + 1 < sent.end:
                head = self.doc[head.i + 1]
            if head is not None and head.pos_ in ("NOUN", "PROPN") and not Q.OWN_SOURCE_RE.match(self.text, sm.end()):
                head = _issuer(head)
                a = _appositive_person(self.res, self.res._np_span(head).end, sent.end) or self.res.resolve(head)
                if a is not None and a["kind"] in ("person", "organisation", "government"):
                    return a, head
        m = re.match(r"\s*(?:[A-ZÀ-Ý][\w'’-]*\s+)?(?:Selon|selon|Pour|D'après|D’après|d'après)\s+", lead)
        if not m:
            return None, None
        tok = _tokens_in(self.doc, sent.start_char + m.end(), sent.start_char + m.end() + 1)
        if tok is None:
            return None, None
        head = tok[0]
        while head.pos_ in ("DET", "ADJ", "NUM") and head.i + 1 < sent.end:
            head = head.doc[head.i + 1]
        np = self.res._np_span(head)
        if not re.match(r"\s*,", self.text[np.end_char:np.end_char + 3]):
            return None, None
        a = self.res.resolve(head, generic=m.group(0).strip().lower() != "pour")
        return (a, head) if a is not None else (None, None)

    def _trailing_speaker(self, sent, after_pos):
        """", a indiqué le commandement …" at the end of the sentence."""
        toks = [t for t in sent if t.idx >= after_pos]
        for k, t in enumerate(toks):
            if t.pos_ == "VERB" and _lemma(t) in LEX.REPORT_VERBS | LEX.SPEECH_VERBS and k > 0:
                j = k - 1
                while j > 0 and toks[j].pos_ == "AUX":
                    j -= 1
                if toks[j].text == ",":
                    a, subj = np_after(t, self.res, self.date_spans)
                    if a is not None:
                        return a, subj
        return None, None

    def _speech_near(self, sent):
        return any(is_speech(t) for t in sent)

    def _speaker_for_guillemet(self, m, kind, sent, end_sent, spans):
        """Try the speaker rules of the quote's kind in order; the first that names an actor wins.

        Returns ``(actor, mention token, speaker span, rule name)``."""
        sent = self.doc[sent.start:max(sent.end, end_sent.end)]
        c = _Cand(m, kind, sent, end_sent, self.text[m.end():end_sent.end_char])
        for name, rule in (DIRECT_RULES if kind == "direct" else PARTIAL_RULES):
            hit = rule(self, c)
            if hit is not None and hit[0] is not None:
                actor, tok, span = hit
                return actor, tok, span, name
            if c.stop:
                return None, None, None, name
        return None, None, None, None

    # ------------------------------------------------------------ speaker rules (direct quotes)
    def _r_pronoun_inversion(self, c):
        """« … », a-t-il ajouté: the last person named as a subject."""
        pm = Q.PRON_INV_RE.match(c.after)
        if pm and pm.end() < 40:
            c.stop = True  # the pronoun is the attribution, right or wrong
            return self._pronoun_speaker(c.m.start(), pm.group("pron").lower()), None, None
        return None

    def _r_verb_after(self, c):
        """« … », a déclaré Lavrov / « … », estime le ministre: the first verb after the quote."""
        res = self.res
        tokens_after = [t for t in c.end_sent if t.idx >= c.m.end()]
        for t in tokens_after[:5]:
            # (« … ! » raconte X: no comma after a closing « ! » or « ? »)
            after_mark = t.i > 1 and (t.doc[t.i - 1].text == "," or t.doc[t.i - 1].text == "»" and t.doc[t.i - 2].text in ("!", "?", "…"))
            if t.pos_ == "VERB" or (_lemma(t) in LEX.SPEECH_VERBS and t.pos_ in ("NOUN", "ADJ", "PROPN")) \
                    or (t.lower_[:-1] + "er" in LEX.SPEECH_VERBS and t.lower_.endswith("e") and after_mark):
                subj = next((x for x in t.children if x.dep_ == "nsubj" and x.i > t.i), None)
                a = (_possessed_role(res, subj) or res.resolve(subj)) if subj is not None else None
                if a is None:
                    a, subj = np_after(t, res, self.date_spans)
                if a is None:
                    a, subj = self._subject(t)
                between = tokens_after[1:tokens_after.index(t)]
                if a is None and tokens_after[0].text == "," and _lemma(t) not in ("être", "avoir") \
                        and all(x.pos_ in ("AUX", "ADV") or x.lower_ in ("s'", "se") for x in between) \
                        and ("Fin" in t.morph.get("VerbForm") or any(x.pos_ == "AUX" for x in between)):
                    c.stop = True  # (not a bare participle agreeing with words in the quote: « … villages », situés en aval)  # « … », s'est mis à scander la foule: attributed, to no one known; not to whoever came last
                return (a, subj, _edges(subj)) if a is not None else None
        return None

    def _r_manner_inversion(self, c):
        """« … », s'est agacée Lucienne Morvan. / « … », a tonné X.: any verb in inversion between the quote's comma
        and a person's name closing the clause is the attribution, whether or not it is a speech verb or tagged one."""
        m = Q.MANNER_INV_RE.match(self.text, c.m.end())
        if m is None or any(w.lower() in Q.NOT_VERBS for w in m.group("words").split()):
            return None
        for ent in self.res.ents:
            if ent.label_ == "PER" and ent.start_char == m.end() and re.match(r"\s*[.,;]", self.text[ent.end_char:ent.end_char + 2]):
                a = self.res.person_entity(ent)
                return (a, ent.root, (ent.start_char, ent.end_char)) if a is not None else None
        return None

    def _r_frame(self, c):
        """Selon X, « … » / Pour X, « … »."""
        a, head = self._frame_speaker(c.sent, c.m.start())
        return (a, head, _edges(head)) if a is not None else None

    def _r_verb_before(self, c):
        """X a déclaré : « … »: the subject of the last speech verb before the quote."""
        for t in reversed([t for t in c.sent if t.idx < c.m.start()]):
            if is_speech(t) and t.pos_ == "VERB":
                a, subj = self._subject(t)
                if a:
                    return a, subj, None
        return None

    def _r_continues_previous(self, c):
        """A quote standing alone right after another quote of the same section: its speaker. Not when its own lead
        names someone (« Carole Delga a enchaîné : « … » » after the mayor's quote: hers)."""
        sent = c.sent
        if any(sent.start_char <= s and e <= c.m.start() for a in self.res.reg for s, e in a["spans"]):
            return None
        prev_sent = self.doc[sent.start - 1].sent if sent.start > 0 else None
        if prev_sent is not None and self.out and self.out[-1]["end"] >= prev_sent.start_char and self.out[-1]["speaker_id"] \
                and self._section(self.out[-1]["start"]) == self._section(c.m.start()):
            return self.res.reg.get(self.out[-1]["speaker_id"]), None, None
        return None

    def _r_previous_sentence_verb(self, c):
        """The subject of a speech verb in the sentence before."""
        sent = c.sent
        prev_sent = self.doc[sent.start - 1].sent if sent.start > 0 else None
        for t in prev_sent or ():
            takes_floor = t.pos_ in ("VERB", "AUX") and any(c.dep_ == "obj" and c.lower_ in LEX.FLOOR_NOUNS for c in t.children)
            if is_speech(t) and t.pos_ == "VERB" or _inverted_speech(t) or takes_floor:  # "X a la parole. « … »"
                a, subj = self._subject(t)
                if a:
                    return a, subj, None
        return None

    def _r_previous_sentence_pour(self, c):
        """"L'avis est tout autre pour le délégué syndical. « … »": a ``pour X`` closing the sentence before the
        quote (same paragraph) announces X's view (a person's name or a role, as the text names it)."""
        sent = c.sent
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        if prev is None or "\n" in self.text[prev.end_char:c.m.start()]:
            return None
        m = re.search(r"\bpour\s+(?=\S)", self.text[prev.start_char:prev.end_char])
        tok = _tokens_in(self.doc, prev.start_char + m.end(), prev.start_char + m.end() + 1) if m else None
        if tok is None:
            return None
        head = tok[0]
        while head.pos_ in ("DET", "ADJ") and head.i + 1 < prev.end:
            head = self.doc[head.i + 1]
        np = self.res._np_span(head)
        if not re.match(r"\s*[.!?]?\s*$", self.text[np.end_char:prev.end_char]):
            return None  # the frame must close the sentence
        if head.pos_ != "PROPN" and head.lower_ not in LEX.TITLE_HEADS | LEX.PERSON_NOUNS:
            return None
        a = self.res.resolve(head, generic=True)
        return (a, head, None) if a is not None and a["kind"] in ("person", "source") else None

    def _r_next_sentence_verb(self, c):
        """« … » opening a paragraph, its speaker named right after: « … » C'est dans une lettre que Jeanne Morel a
        fait savoir … / « … » Bon perdant, Hugo Lenoir admettait …"""
        line_start = self.text.rfind("\n", 0, c.m.start()) + 1
        if self.text[line_start:c.m.start()].strip():
            return None
        line_end = self.text.find("\n", c.m.end())
        line_end = len(self.text) if line_end < 0 else line_end
        stop = re.search(r"[.!?…]\s", self.text[c.m.end():line_end] + " ")
        toks = _tokens_in(self.doc, c.m.end(), c.m.end() + stop.end() - 1) if stop and stop.end() > 2 else None
        for t in toks or ():
            if is_speech(t) and t.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in t.children):
                a, subj = self._subject(t)
                if a is not None:
                    return a, subj, None
            elif is_speech(t) and t.pos_ == "VERB" and all(x.pos_ in ("ADV", "PRON", "AUX") for x in toks[:t.i - toks.start]):
                a, subj = np_after(t, self.res, self.date_spans)  # « … » Ainsi s'exprimait X: in inversion
                if a is not None:
                    return a, subj, None
        return None

    def _r_colon_lead(self, c):
        """Même son de cloche chez X : « … »: the person the lead before the colon names."""
        pos, sent = c.m.start(), c.sent
        lo = sent.start_char
        line_start = self.text.rfind("\n", 0, lo) + 1
        if not re.search(r"[.!?…]\s", self.text[line_start:lo]):
            lo = line_start  # a sentence the parser split inside the line ("Stuart Lancaster (manager du Racing 92):")
        if not self.text[lo:pos].strip():  # the quote opens its line: "X, porte-parole du festival :\n« … »"
            colon = self.text.rfind(":", 0, pos)
            if colon < 0 or self.text[colon + 1:pos].strip() or colon < lo - 300:
                return None
            lo = self.text.rfind("\n", 0, colon) + 1
            ends = list(re.finditer(r"[.!?…]\s", self.text[lo:colon]))  # the colon's own sentence
            lo += ends[-1].end() if ends else 0
            pos = colon
        elif not self.text[lo:pos].rstrip().endswith(":"):
            return None
        named = [(s, a) for a in self.res.reg for s, e in a["spans"] if lo <= s and e <= pos
                 and a["kind"] in ("person", "organisation", "government", "source")]
        persons = [x for x in named if x[1]["kind"] == "person"]
        if not persons:  # "Stuart Lancaster (manager du Racing 92) : « … »": the name opening the lead, NER or not
            lead = Q.LEAD_NAME_RE.match(self.text, lo, pos)
            if lead and not gazetteer().resolve(lead.group("name")):
                a = self.res.reg.person(lead.group("name"), lead.start("name"), lead.end("name"))
                persons = [(lead.start("name"), a)] if a is not None else []
        persons = persons or named
        if not persons:  # "L'avocat : « … »": a role with no name, the lead being that noun phrase only
            toks = _tokens_in(self.doc, lo, pos)
            heads = [t for t in toks or () if t.head.i == t.i or not (lo <= t.head.idx < pos)]
            head = heads[0] if len(heads) == 1 else None
            if head is not None and head.pos_ == "NOUN" and head.lower_ in LEX.PERSON_NOUNS | LEX.TITLE_HEADS and len(toks) <= 6:
                a = self.res.resolve(head, generic=True)
                return (a, head, None) if a is not None else None
        return (min(persons, key=lambda x: x[0])[1], None, None) if persons else None

    def _r_name_line(self, c):
        """Interview and sport layout: "P-Y DORVAL (coach du BCV)" alone on its line, then "- « … »": that person."""
        ls = self.text.rfind("\n", 0, c.m.start()) + 1
        if ls == 0 or self.text[ls:c.m.start()].strip(" -–—\t"):
            return None
        m = Q.NAME_LINE_RE.fullmatch(self.text, self.text.rfind("\n", 0, ls - 1) + 1, ls - 1)
        if m is None:
            return None
        name = m.group("name")
        per = any(x.label_ == "PER" and x.start_char < m.end("name") and m.start("name") < x.end_char for x in self.res.ents)
        if not (per or name.isupper()) or gazetteer().resolve(name):
            return None
        a = self.res.reg.person(name.title() if name.isupper() else name, m.start("name"), m.end("name"))
        return (a, None, None) if a is not None else None

    def _r_recent_speaker(self, c):
        """The speaker of a quote shortly before, in the same section."""
        pos = c.m.start()
        recent = [q for q in self.out if q["speaker_id"] and 0 <= pos - q["end"] < 600
                  and self._section(q["start"]) == self._section(pos)]
        return (self.res.reg.get(recent[-1]["speaker_id"]), None, None) if recent else None

    def _r_latest_person(self, c):
        """The last person named in the quote's section, unless named as the one spoken to (« au micro de X »): then
        the one before. Past an intertitle no one is named: the quotes there (« Des visiteurs satisfaits ») are not
        theirs."""
        pos = c.m.start()
        a = self.res.latest(pos, ("person",))
        if a is not None and not self._named_in_section(a, pos):
            a = self.res.latest(pos, ("person",), any_role=True)  # the subject was named before the intertitle
            if a is None or not self._named_in_section(a, pos):
                return None
        if a is not None and not self._addressed(a, pos) and not self._only_in_marks(a, pos):
            return a, None, None
        named = sorted((s, b) for b in self.res.reg if b["kind"] == "person" and b is not a and not self._only_in_marks(b, pos)
                       for s, e in b["spans"] if pos - 800 <= s and e <= pos)
        return (named[-1][1], None, None) if named and self._named_in_section(named[-1][1], pos) else None

    def _named_in_section(self, actor, pos) -> bool:
        """Is ``actor`` named before ``pos`` in the section (between intertitles) that holds ``pos``?"""
        return any(e <= pos and self._section(s) == self._section(pos) for s, e in actor["spans"])

    def _only_in_marks(self, actor, pos) -> bool:
        """Is ``actor`` named before ``pos`` only inside quotation marks (« Octave Lambrun raconte », a title)?"""
        return all(any(ms <= s and e <= me for ms, me in self.marked) for s, e in actor["spans"] if e <= pos)

    def _addressed(self, actor, pos) -> bool:
        """Is the last mention of ``actor`` before ``pos`` the one spoken to (au micro de X, interrogé par X)?"""
        before = [s for s, e in actor["spans"] if e <= pos]
        return bool(before) and bool(Q.RECIPIENT_RE.search(self.text[max(0, max(before) - 30):max(before)]))

    # ------------------------------------------------------------ speaker rules (partial quotes)
    def _r_governing_verb(self, c):
        """Il a qualifié ces allégations d'« absurdes »: the speech verb that governs the quoted words."""
        if c.verb is not None and (is_speech(c.verb) or _reports_clause(c.verb)):
            a, subj = self._subject(c.verb)
            if a is not None:
                return a, subj, _edges(subj)
        return None

    def _r_pour_after(self, c):
        """…, « une contrition apparente », pour le magistrat.: the one a closing ``pour X`` frame names; a closing
        ``selon lui`` / ``selon elle``: the one just quoted."""
        m = re.match(r"\s*,\s*(?P<cue>pour|selon)\s+(?=\S)", self.text[c.m.end():c.m.end() + 20])
        tok = _tokens_in(self.doc, c.m.end() + m.end(), c.m.end() + m.end() + 1) if m else None
        if tok is None:
            return None
        head = tok[0]
        if head.lower_ in ("lui", "elle") and re.match(r"\s*[.;!?]", self.text[head.idx + len(head):head.idx + len(head) + 3]):
            a = self._just_quoted(c.m.start())  # "une phase de « sidération », selon lui.": the one just quoted
            return (a, None, None) if a is not None else None
        if m.group("cue") == "selon":
            return None
        while head.pos_ in ("DET", "ADJ") and head.i + 1 < c.sent.end:
            head = head.doc[head.i + 1]
        np = self.res._np_span(head)
        if not re.match(r"\s*(?:[.;!?]|,\s*(?:l'|le |la |un |une )?[\wé'’-]+\s*(?:de |des |du |d')?)", self.text[np.end_char:np.end_char + 30]):
            return None  # the frame must close the sentence, or be followed by an apposition
        if head.pos_ != "PROPN" and head.lower_ not in LEX.TITLE_HEADS | LEX.PERSON_NOUNS:
            return None  # "pour le magistrat", "pour Me X": a person; not "pour la première fois"
        a = self.res.resolve(head, generic=True)
        return (a, head, _edges(head)) if a is not None and a["kind"] in ("person", "organisation", "government", "source") else None

    def _r_trailing_verb(self, c):
        """« … » …, a indiqué X at the end of the sentence."""
        a, subj = self._trailing_speaker(c.sent, c.m.end())
        return (a, subj, _edges(subj)) if a is not None else None

    def _r_nearest_verb(self, c):
        """The subject of the nearest verb above the quoted words."""
        if c.verb is not None:
            a, subj = self._subject(c.verb)
            if a is not None:
                return a, subj, _edges(subj)
        return None

    def _r_sentence_subject(self, c):
        """The subject of the sentence's main verb."""
        a, subj = self._subject(c.sent.root)
        if a is not None:
            return a, subj, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj is not None else None
        return None

    def _r_actor_before_verb(self, c):
        """A misparsed clause: the actor named last before the speech verb that precedes the quote."""
        sent, m = c.sent, c.m
        verb = next((t for t in reversed(sent) if t.idx < m.start() and is_speech(t) and t.pos_ == "VERB"), None)
        if verb is not None and verb.dep_ == "acl" and not any(c.dep_.startswith("aux") for c in verb.children) \
                and not any(t.pos_ == "AUX" for t in verb.doc[max(sent.start, verb.i - 4):verb.i]):
            return None  # "un typhon qualifié de « très fort »": a participle describing a noun; no one before it speaks
        named = sorted((s, a) for a in self.res.reg for s, e in a["spans"] if verb is not None and sent.start_char <= s and e <= verb.idx)
        named = [x for x in named if x[1]["kind"] == "person"] or named
        return (named[-1][1], None, None) if named else None

    def _r_partial_continues(self, c):
        """Le stock de grain « a fondu de moitié en un an ».: a fragment of several words in a sentence no one speaks,
        right after a sentence (same paragraph) holding someone's quote: that speaker's words, not scare quotes."""
        words = self.text[c.m.start():c.m.end()].strip("«» ").split()
        if len(words) < 4 or self._speech_near(c.sent) or c.sent.start == 0:
            return None
        prev = self.doc[c.sent.start - 1].sent
        if "\n" in self.text[prev.start_char:c.m.start()]:
            return None
        last = [q for q in self.out if q["speaker_id"] and q["end"] > prev.start_char and q["end"] <= c.m.start()]
        return (self.res.reg.get(last[-1]["speaker_id"]), None, None) if last else None

    def _subject(self, verb):
        """The speaker doing a speech verb; a subject pronoun (« Il a estimé ») is read as in an inversion: the
        speaker of the statement just before, not merely the last person named."""
        a, subj = subject_of(verb, self.res, generic=True)
        pron = subj.lower_.lstrip("-") if subj is not None else None
        if pron == "t" and subj.i + 1 < len(subj.doc):  # "a-t-elle ajouté": "-t" is the subject, "-elle" hangs on it
            pron = subj.doc[subj.i + 1].lower_.lstrip("-")
        if pron in ("il", "elle"):
            a = self._pronoun_speaker(subj.idx, pron) or a
        return a, subj

    JUST_QUOTED = 600  # characters: how far back "selon lui" looks for the one just quoted

    def _just_quoted(self, pos):
        """Who a ``selon lui`` / ``selon elle`` at ``pos`` stands for: the speaker of the last quote before it, if near."""
        return self._last_speaker(pos, within=self.JUST_QUOTED)

    def _last_speaker(self, pos, within=None):
        prior = [q for q in self.out if q["speaker_id"] and q["start"] < pos and (within is None or pos - q["end"] <= within)]
        return self.res.reg.get(max(prior, key=lambda q: q["start"])["speaker_id"]) if prior else None

    def _pronoun_speaker(self, pos, pron):
        """Who "a-t-il ajouté" stands for: the speaker of a statement in the sentence before (same paragraph),
        else the last person named as a subject (« il »), or any actor."""
        self.chain += 1  # a chain of pronouns goes back at most six sentences
        try:
            prev = (self._previous_attribution(pos, pron) if self.chain <= 6 else None) or self._previous_quote_speaker(pos)
        finally:
            self.chain -= 1
        if prev is not None:
            return prev
        kinds = ("person",) if pron == "il" else ("person", "organisation", "government", "state", "source")
        return self.res.latest(pos, kinds)

    def _previous_quote_speaker(self, pos):
        """The speaker of a direct quote in the sentence before ``pos`` or earlier in its own sentence (same paragraph)."""
        tok = _tokens_in(self.doc, pos, pos + 1)
        if tok is None:
            return None
        sent = tok[0].sent
        lo = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        if "\n" in self.text[lo:pos].rstrip():
            lo = self.text.rfind("\n", 0, pos) + 1
        prior = [q for q in self.out if q["speaker_id"] and q["kind"] == "direct" and lo <= q["start"] and q["end"] <= pos]
        return self.res.reg.get(prior[-1]["speaker_id"]) if prior else None

    def _previous_attribution(self, pos, pron):
        """The actor a speech verb or a ``selon`` attributes a statement to in the sentence before ``pos``."""
        tok = _tokens_in(self.doc, pos, pos + 1)
        if tok is None or tok[0].sent.start == 0:
            return None
        prev = self.doc[tok[0].sent.start - 1].sent  # (in the paragraph before too: a pronoun opening a paragraph
        # usually goes on with the last paragraph's speaker)
        gender = {"il": "Masc", "elle": "Fem"}.get(pron)
        found = []
        for t in prev:
            if t.pos_ == "VERB" and is_speech(t) and not any(qs < t.idx < qe for qs, qe in self.marked):
                a, subj = self._subject(t)  # a pronoun there goes back one more sentence
                if a is None and t.i > prev.start and self.doc[t.i - 1].text == ",":
                    a, subj = np_after(t, self.res, self.date_spans)  # "…, a fait savoir le ministère."
                if a is not None:
                    found.append((t.i, a, subj))
        for m in Q.SELON_RE.finditer(self.text, prev.start_char, prev.end_char):
            head = _tokens_in(self.doc, m.end(), m.end() + 1)
            head = head[0] if head is not None else None
            while head is not None and head.pos_ in ("DET", "ADJ") and head.i + 1 < prev.end:
                head = self.doc[head.i + 1]
            if head is not None and head.pos_ == "PRON" and head.lower_ in ("lui", "elle"):
                a = self._just_quoted(head.idx)  # "…, selon lui.": the one just quoted, not the last name
                if a is not None:
                    found.append((head.i, a, None))
                continue
            a = self.res.resolve(head, generic=True) if head is not None and not Q.OWN_SOURCE_RE.match(self.text, m.end()) else None
            if a is not None:  # "selon la description faite par Sereno": the gender is Sereno's, not the head noun's
                named_inside = a["kind"] == "person" and not any(s <= head.idx < e for s, e in a["spans"])
                found.append((head.i, a, None if named_inside else head))
        for _, a, subj in sorted(found, key=lambda x: -x[0]):
            g = subj.morph.get("Gender") if subj is not None else []
            if gender and g and gender not in g:
                continue
            if pron in ("il", "elle") and a["kind"] == "source" and subj is not None and "Plur" in subj.morph.get("Number"):
                continue
            return a
        return None

    # ------------------------------------------------------------ indirect
    def indirect(self):
        doc = self.doc
        taken = [(q["start"], q["end"]) for q in self.out]
        read_to = 0  # the end of the last sentence read with the pieces the parser split off it
        for sent in doc.sents:
            if self._is_header(sent):
                continue
            for tok in sent:
                if tok.pos_ != "VERB" or _lemma(tok) not in LEX.REPORT_VERBS or _lemma(tok) in LEX.FINDING_VERBS:
                    continue  # (a finding, « ont constaté que … », is what someone saw, not said)
                for c in tok.children:
                    if c.dep_ not in ("ccomp", "obj", "xcomp"):
                        continue
                    mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in ("que", "qu'", "qu’")), None)
                    if mark is None and not (c.dep_ == "ccomp" and c.left_edge.i > 0 and c.doc[c.left_edge.i].lower_ in ("que", "qu'", "qu’")):
                        continue
                    start_i = (mark.i + 1) if mark is not None else c.left_edge.i + 1
                    end_i = c.right_edge.i
                    # "que … et qu'il présenterait …": each conjoined clause on its own
                    for cj in c.children:
                        if cj.dep_ == "conj" and cj.i > c.i and any(g.dep_ == "mark" and g.lower_ in ("que", "qu'", "qu’") for g in cj.children):
                            cm = next(g for g in cj.children if g.dep_ == "mark")
                            e_i = cj.right_edge.i
                            while e_i > cm.i and c.doc[e_i].is_punct:
                                e_i -= 1
                            self._add_indirect(tok, c.doc[cm.i + 1].idx, c.doc[e_i].idx + len(c.doc[e_i]), sent, taken, rule="verb-que")
                            end_i = min(end_i, cj.left_edge.i - 1)
                            while end_i > start_i and c.doc[end_i].lower_ in ("et", ",", "ou"):
                                end_i -= 1
                    while end_i > start_i and c.doc[end_i].is_punct and c.doc[end_i].text not in ("»", ")"):
                        end_i -= 1
                    if end_i < start_i or _first_person_report(tok):
                        continue  # "Le SPW m'indique que …": said to the one speaking, inside their unmarked words
                    s, e = c.doc[start_i].idx, c.doc[end_i].idx + len(c.doc[end_i])
                    self._add_indirect(tok, s, e, sent, taken, rule="verb-que")
                self._recipient_que(tok, sent, taken)
            if sent.start_char >= read_to:  # with the pieces the parser split off: "…, selon X, samedi, rapportent Y."
                ext = self._extend(sent)
                read_to = ext.end_char
                self._selon(ext, taken)
                self._pour_frame(ext, taken)
                self._trailing_attribution(sent, taken)  # (a piece split off a sentence is read with it, not alone)

    def _recipient_que(self, verb, sent, taken):
        """"a écrit à ses abonnés qu'il allait …": the parser hangs the clause on the recipient as a relative."""
        doc = self.doc
        i = verb.i + 1
        if i >= sent.end or doc[i].lower_ not in ("à", "aux", "au"):
            return
        while i < sent.end and doc[i].pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ"):
            i += 1
        mark = doc[i] if i < sent.end else None
        if mark is None or mark.lower_ not in ("que", "qu'", "qu’") or mark.head.i <= mark.i:
            return
        if mark.head.dep_ != "acl:relcl" and not (mark.head.dep_ == "nmod" and any(c.dep_ == "nsubj" for c in mark.head.children)):
            return  # (or a clause with its own subject hung on the recipient as a modifier: "à son auditoire que les vaccins sont …")
        clause = mark.head
        if any(c.dep_ in ("nsubj", "obj") and c.lower_ in ("que", "qu'", "qu’") for c in clause.children):
            return  # a real relative ("aux employés que la direction a reçus")
        end_i = clause.right_edge.i
        while end_i > mark.i and doc[end_i].is_punct:
            end_i -= 1
        self._add_indirect(verb, doc[mark.i + 1].idx, doc[end_i].idx + len(doc[end_i]), sent, taken, rule="verb-recipient-que")

    def _add_indirect(self, verb, s, e, sent, taken, actor=None, mtok=None, rule=None):
        covered = sum(min(e, qe) - max(s, qs) for qs, qe in taken if qs < e and s < qe)
        if covered > 0 or e - s < 8 or "«" in self.text[s:e]:
            return  # reported speech that carries « … » is represented by its partial quotes
        if actor is None and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
            # "…, a-t-il déclaré, affirmant que …": the participle goes with the attribution before it
            said = verb.head if is_speech(verb.head) and verb.head.i < verb.i else \
                next((t for t in reversed(sent[:verb.i - sent.start]) if is_speech(t) and t.pos_ == "VERB"), None)
            if said is not None:
                inv = next((c for c in said.children if c.dep_ == "nsubj" and c.text.startswith("-") and c.text != "-t"), None)
                inv = inv or next((c for c in said.children if c.dep_ == "nsubj" and c.text.startswith("-")), None)
                if inv is not None:
                    actor = self._pronoun_speaker(said.idx, "il" if inv.text == "-t" else inv.text.lstrip("-").lower())
                elif not any(c.dep_ == "nsubj" for c in said.children) and said.i > sent.start and said.doc[said.i - 1].text == ",":
                    actor, mtok = self._inverted_subject(said)  # "…, précise la même source, ajoutant que …": its subject
                if actor is None and inv is None:
                    actor, mtok = self._subject(said)
        if actor is None:
            actor, mtok = self._subject(verb)
        if actor is None:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON") and subj.lower_ not in ("on", "cela", "ce", "ça", "il"):
                actor, mtok = self.res.resolve(subj, generic=True), subj
        if actor is None:
            return
        self._add(s, e, "indirect", actor, mtok, sent, [(s, e)], rule=rule)
        taken.append((s, e))

    def _inverted_subject(self, verb):
        """The subject after a verb in inversion; « précise la même source »: the speaker before."""
        a, mtok = np_after(verb, self.res, self.date_spans)
        if mtok is not None and Q.SAME_SOURCE_RE.match(self.text, self.res._np_span(mtok).start_char):
            a = self._last_speaker(verb.idx) or a
        return a, mtok

    def _trailing_attribution(self, sent, taken):
        """"<statement>, a précisé X." without guillemets: indirect, the speaker after the verb."""
        sent = self._extend(sent)
        toks = list(sent)
        for k, t in enumerate(toks):
            inverted = _inverted_speech(t)  # "…, relève-t-il.": a speech verb the parser tagged as a name
            if not (t.pos_ == "VERB" and _lemma(t) in LEX.REPORT_VERBS | LEX.SPEECH_VERBS | LEX.TRAILING_ONLY_VERBS or inverted) or k < 4:
                continue
            if "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense"):
                continue  # "…, soulignant …" is a participle clause, not an attribution
            if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
                continue  # "…, pourtant déjà élevé, observera une légère hausse": no one's attribution
            if "«" in self.text[sent.start_char:t.idx] or "“" in self.text[sent.start_char:t.idx]:
                return
            j = k - 1
            pron = None
            while j > 0 and (toks[j].pos_ in ("AUX", "ADV") or toks[j].text.startswith("-")):
                if toks[j].text.startswith("-") and toks[j].text != "-t":
                    pron = toks[j].text.lstrip("-").lower()  # ", a-t-elle ajouté."
                j -= 1
            if toks[j].text != ",":
                continue
            if _bare_participle(t):
                continue  # "…, relevée en alerte orange": a participle describing, no inverted attribution
            if any(c.dep_ == "ccomp" and c.i > t.i and any(g.dep_ == "mark" for g in c.children) for c in t.children):
                continue
            if inverted:
                pron = next((x.text.lstrip("-").lower() for x in toks[k + 1:k + 3] if x.text.startswith("-") and x.text != "-t"), None)
            incise = pron is not None and self._incise_end(toks, k)  # (with its own pronoun, a subject before it is a misparse)
            if not incise and any(c.dep_ == "nsubj" and c.i < t.i and not c.text.startswith("-")
                   and not any(x.dep_ == "cop" for x in c.children)  # "C'est une décision économique, a précisé X"
                   and ("," not in self.text[c.idx:toks[j].idx] or self.res.resolve(c) is not None) for c in t.children):
                continue  # "X a annoncé"; not a "subject" that names no one, past a comma ("A 22H00, heure …, a annoncé X")
            before = [x for x in toks[:j] if x.pos_ in ("VERB", "AUX") and ("Fin" in x.morph.get("VerbForm") or x.morph.get("Mood"))]
            incise = incise if not before else None
            if not before and not incise:
                continue  # "Mardi, le chef …, Sergueï Lavrov, avait dénoncé": no statement before the comma
            a, mtok = self._inverted_subject(t) if not inverted else (None, None)
            if a is None and pron in ("il", "elle", "ils", "elles"):
                a, mtok = self._pronoun_speaker(toks[j].idx, pron), None
            if a is None:
                continue
            s, e = sent.start_char, incise or toks[j].idx  # an incise: the whole sentence, attribution included
            s = self._unmarked_speech_start(s, e, taken)
            seg = self.text[s:e]
            s += len(seg) - len(seg.lstrip())
            self._add_indirect(None, s, e, sent, taken, actor=a, mtok=mtok, rule="trailing-attribution")
            return

    def _unmarked_speech_start(self, s, e, taken):
        """"Votre demande porte sur … Je vous conseille d'y passer. Le service m'assure que …, a répondu X.": words
        said in the first or second person, their marks lost, run from the start of their paragraph to the attribution
        (when the paragraph holds no other quote). Else ``s``."""
        ps = self.text.rfind("\n", 0, s) + 1
        if ps >= s or any(ps < qe and qs < e for qs, qe in taken) or re.search(r"[«»“”\"]", self.text[ps:e]) \
                or not _FIRST_SECOND_RE.search(self.text, ps, e):
            return s
        return ps

    def _incise_end(self, toks, k):
        """« Son travail, a-t-elle raconté, revient à … »: an attribution set inside a statement with no quotation
        marks, the statement's verb after it. The statement's end, or None."""
        i = k + 1
        while i < len(toks) and toks[i].text.startswith("-"):
            i += 1
        if i >= len(toks) - 1 or toks[i].text != ",":
            return None
        rest = [x for x in toks[i + 1:] if not x.is_punct or x.text not in ".!?;"]
        if not any(x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") for x in rest):
            return None
        last = rest[-1]
        return last.idx + len(last)

    def _selon(self, sent, taken):
        text = self.text
        st = text[sent.start_char:sent.end_char]
        claim_from = sent.start_char  # "A selon X, et B, selon Y.": B's claim starts after X's phrase
        for m in Q.SELON_RE.finditer(st):
            abs_s = sent.start_char + m.end()
            tok = _tokens_in(self.doc, abs_s, abs_s + 1)
            if tok is None:
                continue
            head = tok[0]
            while head.pos_ in ("DET", "ADJ", "NUM") and head.i + 1 < sent.end:
                head = head.doc[head.i + 1]
            start_from = claim_from
            issuer = _issuer(head)
            if issuer is not head:  # "selon un bilan de l'ONG Armed Conflict … (Acled), …": the phrase runs to its comma
                comma = text.find(",", abs_s, sent.end_char)
                claim_from = comma if 0 < comma - abs_s < 120 else self.res._np_span(head).end_char
            else:
                claim_from = self.res._np_span(head).end_char
            head = issuer
            if head.lemma_.lower() in LEX.LAW_TEXTS:
                continue  # "selon la loi sur la chasse": what a text prescribes, no one's statement
            if Q.OWN_SOURCE_RE.match(st, m.end()):
                continue  # "selon nos informations": the outlet itself
            same = Q.SAME_SOURCE_RE.match(st, m.end())
            if head.pos_ == "PRON" and any(t.idx < abs_s and (t.pos_ == "VERB" and is_speech(t) or _reports_clause(t))
                                           and any(c.dep_ == "nsubj" for c in t.children) for t in sent):
                continue  # "X affirme que …, selon lui, « … »": the sentence's own speech verb attributes it
            a = self._last_speaker(abs_s) if same else self.res.resolve(head, generic=True)
            np = self.res._np_span(head)
            cited = Q.CITED_BY_RE.search(text, np.start_char, np.end_char)
            if cited and not same:  # "selon des sources citées par l'AFP": the sources, not the agency
                sp = self.doc.char_span(np.start_char, cited.start(), alignment_mode="expand")
                a = self.res.resolve_span(sp, generic=True) if sp is not None else None
            np_end = max(np.end_char, claim_from)
            named = None if same else self._name_closing_frame(abs_s, sent.end_char)
            if named is not None:  # "Selon l'ex-analyste du ministère … et lanceuse d'alerte Annie Trudel, …"
                a, np_end = named
            if named is None and not same and not cited and _unnamed_generic(head, np):
                continue  # "selon les spécialistes, …": no one to name (eval/REAL.md)
            if a is None:
                continue
            rest_after = text[np_end:sent.end_char]
            cm = re.match(r"\s*,\s*", rest_after)
            if cm and m.start() > 15 and self._source_gloss(np_end + cm.end(), sent.end_char):
                # "<claim>, selon X, le directeur de …" / "…, selon X, ce qui …" / "…, selon X, rapporte Y": the claim is before
                s = sent.start_char
                e = sent.start_char + m.start()
            elif cm and len(rest_after.strip(" ,.\n")) > 15:
                # "(…, mais) selon X, <claim>."
                s = np_end + cm.end()
                e = sent.end_char
            elif rest_after.strip(" ,.;\n") == "":
                # "<claim>, selon X."
                s = start_from
                e = sent.start_char + m.start()
            else:
                continue  # "… appartient selon Helsinki à la « flotte fantôme »": the partial quote carries it
            seg = text[s:e]
            s += len(seg) - len(re.sub(r"^[\s,;]*(?:(?:et|mais|ou)\s+)?", "", seg))
            seg = text[s:e].rstrip(" ,.;:\n")
            e = s + len(seg)
            if e - s < 8:
                continue
            self._add_indirect(None, s, e, sent, taken, actor=a, mtok=tok[0], rule="selon")

    def _pour_frame(self, sent, taken):
        """"Pour Marthe Quillec, la récolte est compromise.": a person's name framing a statement; "A l'en
        croire, …" / "À ses yeux, …": the one just quoted."""
        view = Q.OWN_VIEW_RE.match(self.text, sent.start_char, sent.end_char)
        m = re.match(r"\s*Pour\s+", self.text[sent.start_char:sent.end_char])
        ent = next((x for x in self.res.ents if m and x.label_ == "PER" and x.start_char == sent.start_char + m.end()), None)
        end = view.end() if view else ent.end_char if ent is not None else None
        comma = re.match(r"\s*,\s*", self.text[end:sent.end_char]) if end is not None else None
        if comma is None:
            return
        s = end + comma.end()
        seg = self.text[s:sent.end_char].rstrip(" .;!?\n")
        claim = _tokens_in(self.doc, s, s + len(seg))
        if claim is None or len(seg.split()) < 4 or not any("Fin" in t.morph.get("VerbForm") for t in claim):
            return
        a = self._last_speaker(s, within=400) if view else self.res.person_entity(ent)
        if a is not None:
            self._add_indirect(None, s, s + len(seg), sent, taken, actor=a, rule="own-view" if view else "pour-frame")

    def _name_closing_frame(self, s, end):
        """A person's name closing a long ``selon`` phrase right before its comma, whatever the parse made of the
        description before it: ``(that person, the phrase's end)``, or None."""
        comma = self.text.find(",", s, min(end, s + 120))
        if comma < 0 or re.search(r"[.;:«»\n]", self.text[s:comma]):
            return None
        for ent in self.res.ents:
            if ent.label_ == "PER" and s < ent.start_char and ent.end_char == len(self.text[:comma].rstrip()):
                a = self.res.person_entity(ent)
                return (a, comma) if a is not None else None
        return None

    def _source_gloss(self, s, e) -> bool:
        """What follows ``selon X,`` says more about X or the report, not a claim: an apposition with no verb of
        its own (``la porte-parole du syndicat``), a relative (``ce qui la propulse …``) or an
        attribution (``samedi, rapportent les médias``)."""
        rest = _tokens_in(self.doc, s, e)
        if rest is None or Q.RELATIVE_RE.match(self.text, s):
            return rest is not None
        for k, t in enumerate(rest):
            if t.text in (".", "!", "?", ";", ":"):
                break
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
                before = [x for x in rest[:k] if x.pos_ not in ("AUX", "ADV") and not x.dep_.startswith("expl")
                          and x.lower_ not in ("se", "s'", "s’", "ne", "n'", "n’")]
                if before and before[-1].lower_ in ("qui", "que", "qu'", "qu’", "dont", "où"):
                    continue  # a relative clause inside the gloss ("face à l'extrême droite qui a fait …")
                # "selon X, samedi, rapportent les médias" / "selon X, rapportent les médias": a relay of X's claim
                return (not before or before[-1].text == ",") and _lemma(t) in LEX.REPORT_VERBS | LEX.SPEECH_VERBS
        return True

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


class _Open:
    """An opening « the text never closes (its closing mark lost, or a quote running to the end of the text): the
    quote runs to the end of its paragraph, or to the next «. Read like a match of ``_QUOTE_RE``."""

    def __init__(self, text, start, end):
        inner = text[start + 1:end]
        self._s, self._e = start, end
        self._is = start + 1 + len(inner) - len(inner.lstrip())
        self._ie = start + 1 + len(inner.rstrip())

    def start(self, group=None):
        return self._s if group is None else self._is

    def end(self, group=None):
        return self._e if group is None else self._ie

    def group(self, group=0):
        return "" if group == "inner" else None


def _open_quotes(text):
    """Every « that no » closes before the next « or the end of its paragraph."""
    closed = {m.start() for m in _QUOTE_RE.finditer(text)}
    found = []
    for m in re.finditer("«", text):
        if m.start() in closed:
            continue
        stops = [i for i in (text.find("\n", m.end()), text.find("«", m.end()), text.find("»", m.end())) if i >= 0]
        end = min(stops + [len(text)])
        if end < len(text) and text[end] == "»":
            continue  # closed after all, across another quote's marks: left alone
        if len(text[m.end():end].split()) >= 6:
            found.append(_Open(text, m.start(), end))
    return found


class _Cand:
    """A quote waiting for its speaker: what the speaker rules read."""

    def __init__(self, m, kind, sent, end_sent, after):
        self.m, self.kind, self.sent, self.end_sent, self.after = m, kind, sent, end_sent, after
        self.stop = False  # a rule may end the search even when it names no one
        self.verb = None
        if kind == "partial":
            tok = _tokens_in(sent.doc, m.start(), m.end())
            self.verb = _governing_speech(tok.root) if tok is not None else None


# rules that guess a speaker from the quotes and names around, no attribution of the quote's own
_GUESS_RULES = ("continues-previous", "previous-sentence-verb", "next-sentence-verb", "recent-speaker", "latest-person")
# the speaker rules, in the order they are tried (each names the ``rule`` it records)
DIRECT_RULES = [
    ("pronoun-inversion", _Quotes._r_pronoun_inversion),
    ("verb-after", _Quotes._r_verb_after),
    ("manner-inversion", _Quotes._r_manner_inversion),
    ("trailing-verb", _Quotes._r_trailing_verb),
    ("frame", _Quotes._r_frame),
    ("verb-before", _Quotes._r_verb_before),
    ("colon-lead", _Quotes._r_colon_lead),
    ("name-line", _Quotes._r_name_line),
    ("continues-previous", _Quotes._r_continues_previous),
    ("previous-sentence-verb", _Quotes._r_previous_sentence_verb),
    ("previous-sentence-pour", _Quotes._r_previous_sentence_pour),
    ("next-sentence-verb", _Quotes._r_next_sentence_verb),
    ("recent-speaker", _Quotes._r_recent_speaker),
    ("latest-person", _Quotes._r_latest_person),
]
PARTIAL_RULES = [
    ("frame", _Quotes._r_frame),
    ("governing-verb", _Quotes._r_governing_verb),
    ("trailing-verb", _Quotes._r_trailing_verb),
    ("pour-after", _Quotes._r_pour_after),
    ("nearest-verb", _Quotes._r_nearest_verb),
    ("sentence-subject", _Quotes._r_sentence_subject),
    ("actor-before-verb", _Quotes._r_actor_before_verb),
    ("partial-continues", _Quotes._r_partial_continues),
]


def undated_on_published(rec, published) -> None:
    """A record the text gives no date for happened on or before the publication day (flagged as such)."""
    if rec["date"]:
        rec["date_relation"] = rec.get("date_relation") or "on"
        rec["date_source"] = "text"
    else:
        rec["date"], rec["date_precision"], rec["date_relation"] = published.isoformat(), "day", "on_or_before"
        rec["date_source"] = "published"


def find_quotes(ctx) -> None:
    q = _Quotes(ctx)
    q.guillemets()
    q.echoes()
    q.out = [r for r in q.out if r["speaker_id"]]  # intertitles no quote of the body gives a speaker
    q.indirect()
    q.statement_dates()
    q.share_occasion()
    for i, rec in enumerate(q.out):
        rec["id"] = f"q{i + 1}"
        undated_on_published(rec, ctx.article.published)
        if ctx.text[rec["start"]:rec["end"]] != rec["text"]:  # verbatim, always
            raise AssertionError(f"quote text is not verbatim at {rec['start']}")
    ctx.quotes = q.out
