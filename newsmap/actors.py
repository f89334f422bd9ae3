"""Actors: people, organisations, states and governments, with alias merging in an article.

Reads: ``ctx.doc`` (entities and parse), ``ctx.places``. Writes: ``ctx.actors`` (a
:class:`Registry`); :func:`find_actors` seeds it with every named person and organisation,
acronyms (``Campagne … (ICBL)``), seats of power (``le Kremlin`` → linked to Russia) and the
states or capitals that act as subjects or agents (``Washington avait donné…``).
The :class:`Resolver` maps a syntactic subject (a token) to an actor; quotes and events use it.

Merging rules: a surname alone joins the full name it ends (``Lavrov`` → ``Sergueï Lavrov``); a
title joins the person who was given it (``le président ukrainien Volodymyr Zelensky`` makes
``le chef de l'État ukrainien`` Zelensky, through ``lexicon.TITLE_SYNONYMS``); an organisation
named by its head noun alone (``l'ambassade``) joins the last one with that head; ``Moscou``,
``le Kremlin`` and ``la Russie`` stay distinct, linked by ``linked_to``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from types import SimpleNamespace

from . import lang
from .gazetteer import gazetteer, norm
from .identity import junk_rule

W = lang.Part("actors")  # newsmap/lang/<article.lang>/actors.py
LEX = lang.Part("lexicon")
# the language's title, organisation and lone-title words as norm() keys, built once per language
_keys = lang.per_language(lambda: SimpleNamespace(
    titles={norm(h) for h in LEX.TITLE_HEADS}, orgs={norm(h) for h in LEX.ORG_HEADS},
    title_alone={norm(k): norm(v) for k, v in LEX.TITLE_ALONE.items()}))
_ACRONYM_RE = re.compile(r"(?P<long>(?:[A-ZÉÈ][\w'’-]*)(?:\s+[\w'’-]+){0,9}?)\s*\((?P<acr>[A-Z][A-Z0-9-]{1,9})\)")


def _strip_det(text: str) -> str:
    t = text.strip(" ,;:.")
    t = re.sub(r"^(?:(?:par|pour|selon|d'après|d’après|à|de|avec|contre|chez)\s+)?(?:(?:les|le|la|une|un|des|du|ces|cette|ce)\s+|l'|l’)", "", t, flags=re.I)
    return t.strip()


def antecedent(tok):
    """The noun a relative pronoun (« qui ») stands for."""
    if tok.head.dep_ in ("acl:relcl", "acl") and tok.head.head.i != tok.head.i:
        return tok.head.head
    for t in reversed(tok.doc[max(tok.sent.start, tok.i - 8):tok.i]):
        if t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def title_key(title: str, adjective=None) -> tuple[str, str] | None:
    """('président', 'UA') for 'le chef de l'État ukrainien'; None when it is no title. ``adjective``
    maps a nationality adjective to its ISO code (default: the gazetteer's)."""
    t = norm(_strip_det(title))
    adjective = adjective or gazetteer().country_of_adjective
    country = ""
    words = t.split()
    kept = []
    for w in words:
        iso = adjective(w)
        if iso and not country:
            country = iso
            continue
        kept.append(w)
    base = " ".join(kept)
    base = _keys().title_alone.get(base, base)
    for pat, repl in LEX.TITLE_SYNONYMS:
        p = norm(pat)
        if base.startswith(p):
            base = norm(repl) + base[len(p):]
            break
    # a synonym may carry the country itself ("président américain")
    rest = []
    for w in base.split():
        iso = adjective(w)
        if iso and not country:
            country = iso
        elif not iso:
            rest.append(w)
    base = " ".join(rest)
    if not base or not any(base == h or base.startswith(h + " ") for h in _keys().titles):
        return None
    return base, country


class Registry:
    def __init__(self):
        self.actors: list[dict] = []
        self._by_key: dict[str, dict] = {}
        self.nouns: set[int] = set()  # offsets of capitalised words the parse tags as (known) common nouns

    def junk(self, name: str, start=None) -> bool:
        """Not an actor (``identity.junk_rule``): a weekday, a month, ``Sa présidente``, ``Lloyd'``, and a
        capitalised common noun (``Budget``, « commissaire au Climat ») that names no institution."""
        noun = start in self.nouns and norm(name) not in _keys().orgs
        return junk_rule(name, noun=noun) is not None

    def __iter__(self):
        return iter(self.actors)

    def get(self, actor_id):
        for a in self.actors:
            if a["id"] == actor_id:
                return a
        return None

    def _new(self, name, kind, **kw) -> dict:
        a = {"id": f"a{len(self.actors) + 1}", "name": name, "aliases": [], "kind": kind, "role": "",
             "country": "", "linked_to": "", "spans": []}
        a.update({k: v for k, v in kw.items() if v})
        self.actors.append(a)
        self._by_key[norm(name)] = a
        return a

    def mention(self, a: dict, surface: str, start: int | None = None, end: int | None = None) -> dict:
        surface = surface.strip()
        if surface and surface != a["name"] and surface not in a["aliases"]:
            a["aliases"].append(surface)
        if start is not None and [start, end] not in a["spans"]:
            a["spans"].append([start, end])
        return a

    # ---- typed constructors with merging
    def person(self, name, start=None, end=None, role="") -> dict | None:
        if self.junk(name, start):
            return None
        key = norm(name)
        if len(key.split()) > 1 and key.split()[0] in LEX.HONORIFICS:  # "M. Legault" is "François Legault"
            key = key.split(None, 1)[1]
        last = key.split()[-1] if key else key
        for a in self.actors:
            if a["kind"] != "person" or a.get("title_only"):
                continue
            ak = norm(a["name"])
            if ak == key or (len(key.split()) == 1 and key in (ak.split()[-1], ak.split()[0])) or (
                    len(ak.split()) == 1 and last == ak):
                if len(name) > len(a["name"]) and len(key.split()) > len(ak.split()):
                    a["aliases"].append(a["name"])
                    a["name"] = name
                if role and not a["role"]:
                    a["role"] = role
                    self._set_title(a, role)
                return self.mention(a, name, start, end)
        a = self._new(name, "person", role=role)
        if role:
            self._set_title(a, role)
        return self.mention(a, name, start, end)

    def _set_title(self, a, role):
        key = title_key(role)
        if key:
            a["title_key"] = list(key)
            if key[1] and not a["country"]:
                a["country"] = key[1]

    def by_title(self, title: str) -> dict | None:
        key = title_key(title)
        if not key:
            return None
        for a in reversed(self.actors):
            if a.get("title_key") == list(key) and not a.get("title_only"):
                return a
        if key[0] in W.LEADER_HEADS and key[1]:
            for a in reversed(self.actors):  # "le dirigeant qatari" → the Qatari already named with a title
                if a["kind"] == "person" and a.get("country") == key[1] and not a.get("title_only"):
                    return a
        return None

    def titled(self, title, start=None, end=None) -> dict | None:
        """A title standing for a person: the person who bears it, else an actor named by the title."""
        who = self.by_title(title)
        if who:
            return self.mention(who, _strip_det(title), start, end)
        key = title_key(title)
        if not key:
            return None
        name = _cap(_strip_det(title))
        for a in self.actors:
            if a.get("title_only") and a.get("title_key") == list(key):
                return self.mention(a, name, start, end)
        a = self._new(name, "person", role=_strip_det(title), title_only=True)
        a["title_key"] = list(key)
        if key[1]:
            a["country"] = key[1]
        return self.mention(a, name, start, end)

    def organisation(self, name, start=None, end=None, acronym="", country="", kind="organisation", linked_to="") -> dict | None:
        name = _cap(_strip_det(name))
        if self.junk(name, start):
            return None
        key = norm(name)
        head = key.split()[0] if key else ""
        for a in self.actors:
            if a["kind"] not in ("organisation", "government"):
                continue
            ak = norm(a["name"])
            acr = [norm(x) for x in a["aliases"] if x.isupper()]
            if ak == key or key in acr or (acronym and norm(acronym) in acr + [ak]):
                return self.mention(a, name, start, end)
        # head noun alone or head + adjective of the same country → the last org with that head
        if head in _keys().orgs and len(key.split()) <= 2:
            for a in reversed(self.actors):
                ak = norm(a["name"]).split()
                if ak and ak[0] == head and (not country or not a["country"] or a["country"] == country):
                    return self.mention(a, name, start, end)
        a = self._new(name, kind, country=country, linked_to=linked_to)
        if acronym:
            a["aliases"].append(acronym)
        return self.mention(a, name, start, end)

    def source(self, name, start=None, end=None) -> dict | None:
        """An unnamed or generic source ("des sources sécuritaires", "les secouristes")."""
        if self.junk(name):
            return None
        for a in self.actors:
            if a["kind"] == "source" and norm(a["name"]) == norm(name):
                return self.mention(a, name, start, end)
        return self.mention(self._new(name, "source"), name, start, end)

    def state(self, iso: str, surface: str, start=None, end=None) -> dict:
        name = gazetteer().country_fr.get(iso, surface)
        for a in self.actors:
            if a["kind"] == "state" and a["country"] == iso:
                return self.mention(a, surface, start, end)
        a = self._new(name, "state", country=iso)
        return self.mention(a, surface, start, end)

    def government(self, name, iso, start=None, end=None) -> dict:
        """A capital or seat of power standing for a government (Moscou, le Kremlin)."""
        linked = gazetteer().country_fr.get(iso, "")
        for a in self.actors:
            if a["kind"] == "government" and norm(a["name"]) == norm(name):
                return self.mention(a, name, start, end)
        a = self._new(name, "government", country=iso, linked_to=linked)
        return self.mention(a, name, start, end)

    def as_records(self) -> list[dict]:
        out = []
        for a in self.actors:
            rec = {k: v for k, v in a.items() if k not in ("title_only", "title_key")}
            rec["spans"] = sorted(rec["spans"])
            rec["count"] = len(rec["spans"])
            out.append(rec)
        return out


class Resolver:
    """Map a syntactic subject to an actor (pronouns: the actor last named as a subject)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.reg: Registry = ctx.actors
        self.gaz = gazetteer()
        self.subject_spans: set[int] = set()
        self.ents = list(ctx.doc.ents)  # doc.ents builds new Span objects on every access
        self.text = ctx.text  # doc.text joins every token on every access: O(length of the article)
        self.token_starts = [t.idx for t in ctx.doc]  # the first token at or after a position: a bisect, not a scan
        self.place_at = {}
        for s, e, pid in ctx.place_spans:
            self.place_at[s] = (e, pid)
        self.places = {p["id"]: p for p in ctx.places}
        self.date_spans = [(d["start"], d["end"]) for d in getattr(ctx, "dates", None) or ()]

    def _np_span(self, tok):
        """The noun phrase of a head token, without relative clauses and trailing punctuation."""
        doc = tok.doc
        left = tok.left_edge.i
        right = tok.i
        def dated(t):
            return any(ds <= t.idx < de for ds, de in self.date_spans)
        for c in tok.rights:
            if dated(c) and all(dated(x) or x.is_punct for x in doc[c.i:c.right_edge.i + 1]) \
                    and not any(x.i > c.right_edge.i for x in tok.rights):
                break  # "a communiqué l'institut jeudi 4 décembre": a date closing the phrase is no part of the name
            if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm") and not any(g.dep_.startswith("nsubj") for g in c.children) \
                    and c.i == right + 1:
                right = max(right, c.right_edge.i)  # "la ministre chargée de l'Égalité …"
                continue
            if c.dep_ in ("acl:relcl", "acl", "punct", "advcl", "parataxis", "conj", "cc", "dep") and c.i > tok.i:
                if c.dep_ == "punct" and c.text in ("(", ")"):
                    right = max(right, c.right_edge.i)
                    continue
                break
            right = max(right, c.right_edge.i)
        # an apposition the parser attached elsewhere: "le porte-parole du Bureau …, Chen Binhua,"
        if right + 2 < len(doc) and doc[right + 1].text == "," and doc[right + 1].sent == tok.sent:
            j = right + 2
            if doc[j].lower_ in W.DEFINITE and j + 1 < len(doc) and doc[j + 1].text.isupper():
                j += 1
            elif doc[j].lower_ in W.DEFINITE[:2] and j + 2 < len(doc) and (
                    doc[j + 1].lower_ in _keys().titles or doc[j + 1].lower_.rstrip(".") in LEX.HONORIFICS):
                j += 2  # ", le colonel Abdoulaye Maïga,", ", le Dr Gilbert Boucher à La Presse"
            k = j
            while k < len(doc) and (doc[k].pos_ == "PROPN" or (doc[k].text[:1].isupper() and doc[k].pos_ in ("NOUN", "ADJ", "X"))
                                    or (k > j and doc[k].text in W.NAME_PARTICLES)):
                k += 1
            if k > j and (k >= len(doc) or doc[k].text in (",", ")", ".") or doc[k].lower_ in W.AFTER_APPOSITION):
                right = k - 1
        return doc[left:right + 1]

    def actor_before(self, pos: int) -> dict | None:
        """The actor named last before ``pos`` in the same clause: only commas, appositions and a relative
        clause may stand between ("Me Zavarro, qui défend X, a indiqué")."""
        doc, text = self.ctx.doc, self.ctx.text
        described = self._apposition_head(pos)
        if described is not None:
            return described
        best = None
        for a in self.reg:
            for s, e in a["spans"]:
                if e <= pos and pos - s < 250 and (best is None or s > best[0]):
                    if re.search(r",\s*(?:qui|que|dont)\b[^,]*$", text[max(0, s - 80):s]):
                        continue  # "Me Zavarro, qui défend Dominique Pelicot, a indiqué": not Pelicot
                    best = (s, e, a)
        if best is None:
            return None
        between = text[best[1]:pos]
        if re.fullmatch(r"[\s,]*(?:\([^()]*\)[\s,]*)?", between) or re.fullmatch(
                r"\s*,\s*(?:qui|dont|que|lequel|laquelle)\b[^.;:«»\n]*,\s*", between) or re.fullmatch(
                r"\s*,\s*[^.;:«»\n,]{0,60},\s*", between) and not any(
                t.pos_ == "VERB" for t in doc.char_span(best[1], pos, alignment_mode="expand") or []):
            return best[2]
        return None

    def _apposition_head(self, pos: int) -> dict | None:
        """"le Collectif …, formé du SNPA, de la FNB …, avec …, a regretté": the actor a participial apposition
        right before ``pos`` describes, not the last of the actors it lists (recorded as a subject)."""
        doc, text = self.ctx.doc, self.ctx.text
        if not re.search(r",\s*$", text[max(0, pos - 4):pos]):
            return None
        k = bisect_left(self.token_starts, pos)
        if k == 0:
            return None
        for t in doc[doc[k - 1].sent.start:k]:
            if not (t.dep_ == "acl" and t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and t.i > 0
                    and doc[t.i - 1].text == "," and t.head.i < t.i):
                continue
            if re.search(r"[.;:«»\n]", text[t.idx:pos]) or any(
                    "Fin" in x.morph.get("VerbForm") or x.pos_ == "AUX" for x in doc[t.i + 1:k]):
                continue
            for a in self.reg:
                for s, e in a["spans"]:
                    if s <= t.head.idx < e:
                        self.subject_spans.add(s)
                        return a
        return None

    def latest(self, pos: int, kinds, any_role=False) -> dict | None:
        """The actor of one of ``kinds`` mentioned last before ``pos`` (within ~4 sentences): the last one named as
        a subject, else the last one named (``any_role``: the last one named, subject or not)."""
        doc = self.ctx.doc
        for subjects_only in ((False,) if any_role else (True, False)):
            best = None
            for a in self.reg:
                if a["kind"] not in kinds or a.get("title_only"):
                    continue
                for s, e in a["spans"]:
                    if not (pos - 800 <= s and e <= pos) or (best is not None and s <= best[0]):
                        continue
                    if subjects_only and s not in self.subject_spans:
                        sp = doc.char_span(s, e, alignment_mode="expand")
                        root = sp.root if sp is not None else None
                        while root is not None and root.dep_ in ("appos", "flat:name", "conj") and root.head is not root:
                            root = root.head
                        if (root is None or root.dep_ not in ("nsubj", "nsubj:pass")) and not (sp is not None and any(
                                t.dep_ in ("nsubj", "nsubj:pass") and not sp.start <= t.head.i < sp.end for t in sp)) \
                                and not (sp is not None and self._before_subjectless_verb(sp)) \
                                and not (root is not None and root.dep_ == "ROOT" and sp.start == sp.sent.start):
                            # (a name opening its sentence that the parser made the root: "Boubé Adeamou, archéologue
                            # à …, était de la partie" is its subject)
                            continue  # (a name split by the parser: "Donald" ROOT, "Trump" nsubj)
                    best = (s, a)
            if best:
                return best[1]
        return None

    def _before_subjectless_verb(self, sp) -> bool:
        """A name right before a finite verb the parser gave no subject (« …, M. Faye s'est souvenu » with « M. Faye »
        hung on the noun before it): the name is that verb's subject."""
        doc = sp.doc
        k = sp.end
        while k < len(doc) and k < sp.end + 3 and doc[k].dep_.startswith(("aux", "expl")):
            k += 1
        if k >= len(doc) or doc[k].pos_ != "VERB" or doc[k].sent != sp.sent[0].sent:
            return False
        verb = doc[k]
        finite = k > sp.end or "Fin" in verb.morph.get("VerbForm")
        return finite and not any(c.dep_.startswith("nsubj") for c in verb.children)

    def last_named_before(self, pos: int) -> dict | None:
        """"ce dernier" / "cette dernière" right before ``pos``: the person named last before it."""
        m = W.LAST_NAMED_RE.search(self.text, max(0, pos - 40), pos)
        return self.latest(m.start(), ("person",), any_role=True) if m else None

    def surface(self, tok) -> str:
        """The words that name the speaker: a relative pronoun shows its antecedent."""
        if tok.lower_ in W.RELATIVE_PRONOUNS:
            tok = antecedent(tok) or tok
        if tok.pos_ == "PRON":
            return tok.text
        text = self._np_span(tok).text.strip(" ,")
        return re.sub(W.SOURCE_PREFIX_RE, "", text, flags=re.I)

    def resolve(self, tok, _depth=0, generic=False):
        """The actor a subject token stands for, or None (``generic``: any noun phrase makes a source)."""
        if tok is None or _depth > 4:
            return None
        low = tok.lower_
        if tok.pos_ == "PRON" or low in W.RELATIVE_PRONOUNS[:1] + W.SINGULAR_PRONOUNS + W.PLURAL_PRONOUNS[:2]:
            if low in W.RELATIVE_PRONOUNS:
                ant = antecedent(tok)
                return self.resolve(ant, _depth + 1) if ant is not None else None
            if low in W.SINGULAR_PRONOUNS:
                return self.latest(tok.idx, ("person",)) or self.latest(tok.idx, ("organisation", "government", "state", "source"))
            if low in W.PLURAL_PRONOUNS:
                return self.latest(tok.idx, ("organisation", "government", "state", "source", "person"))
            if low in W.NO_SPEAKER_PRONOUNS:
                return None
        if low in W.LATTER:  # "ce dernier"
            a = self.last_named_before(tok.idx + len(tok))
            if a is not None:
                return a
        span = self._np_span(tok)
        if W.UNNAMED_SOURCE.match(self.text, span.start_char, span.end_char):
            return None  # "plusieurs sources", "d'après ses collègues", "notre journaliste": no one to name
        if self._describes_person(tok, span):  # "a réagi la quadruple championne": the person in the story
            a = self.latest(tok.idx, ("person",))
            if a is not None:
                return self.reg.mention(a, span.text, span.start_char, span.end_char)
        a = self.resolve_span(span, generic=generic)
        if a is None and generic and (tok.pos_ == "NOUN" or tok.pos_ == "ADJ" and tok.text[:1].isupper()) \
                and (tok.lower_ in LEX.PERSON_NOUNS or norm(tok.text) in _keys().titles) and "Plur" not in tok.morph.get("Number"):
            a = self.latest(tok.idx, ("person",))  # "a lancé le milliardaire": the person in the story
            if a is not None:
                self.reg.mention(a, span.text, span.start_char, span.end_char)
        if a is not None and tok.dep_.startswith("nsubj"):
            self.subject_spans.add(span.start_char)
        return a

    def _describes_person(self, tok, span) -> bool:
        """A definite singular description of a person with no name of its own ("la quadruple championne")."""
        if tok.pos_ != "NOUN" or tok.lower_ not in LEX.PERSON_NOUNS or "Plur" in tok.morph.get("Number"):
            return False
        j = tok.i - 1
        while j > 0 and tok.doc[j].pos_ == "ADJ":  # "la quadruple championne", whatever the parser hung "la" on
            j -= 1
        if j < 0 or tok.doc[j].lower_ not in W.DEFINITE:
            return False
        return not any(t.pos_ == "PROPN" or t.ent_type_ for t in span) and not title_key(span.text)  # titles: resolve_span

    def resolve_span(self, span, generic=False):
        s, e = span.start_char, span.end_char
        # a person named inside the phrase (apposition "le chef de la diplomatie russe, Sergueï Lavrov")
        for ent in self.ents:
            if ent.label_ == "PER" and s < ent.end_char and ent.start_char < e and not self._is_place(ent):
                a = self.person_entity(ent)
                if a:
                    return a
        # a name in apposition that NER mislabelled ("le gouverneur …, Oleh Kiper")
        m = W.APPOS_NAME_RE.search(self.text[s:e])
        if m and title_key(self.text[s:s + m.start()]) and not gazetteer().resolve(m.group("name")):
            return self.reg.person(m.group("name"), s + m.start("name"), s + m.end("name"), role=_strip_det(self.text[s:s + m.start()]))
        # a title followed by a name with no comma ("la présidente de la Confédération Simonetta Sommaruga")
        run = [t for t in span if t.pos_ == "PROPN" and t.text[:1].isupper() and t.dep_ in ("appos", "flat:name")]
        if len(run) >= 2 and run[0].dep_ == "appos" and run[-1].i - run[0].i == len(run) - 1 and run[0].i > span.start:
            name = self.text[run[0].idx:run[-1].idx + len(run[-1])]
            lead = self.text[s:run[0].idx]
            if title_key(lead) and not gazetteer().resolve(name):
                return self.reg.person(name, run[0].idx, run[-1].idx + len(run[-1]), role=_strip_det(lead).strip(" ,"))
        text = self.text[s:e]
        key = norm(_strip_det(text))
        head_word = key.split()[0] if key else ""
        # seats of power
        seat = self.gaz.seat_keys.get(key) or self.gaz.seat_keys.get(head_word)
        if seat:
            return self.reg.government(seat["name"], seat["country"], s, e)
        is_title = head_word in _keys().titles or any(key.startswith(h + " ") for h in _keys().titles if " " in h)
        is_org = head_word in _keys().orgs or any(key.startswith(h + " ") or key == h for h in _keys().orgs if " " in h) \
            or span.root.lemma_.lower() in LEX.ORG_HEADS
        # acronym in apposition: "l'agence onusienne …, l'UNRWA,"
        acr = re.search(r",\s*(?:l'|l’|le |la )?(?P<acr>[A-Z][A-Z0-9-]{1,9})\s*$", text)
        # organisation
        if not is_title:
            for ent in self.ents:
                if ent.label_ == "ORG" and s <= ent.start_char and ent.end_char <= e and not self._is_place(ent):
                    if not is_org:
                        return self.reg.organisation(ent.text, ent.start_char, ent.end_char)
        if is_org and not is_title:
            name = _strip_det(text)
            name = W.ORG_NAME_END.split(name)[0]
            m = _ACRONYM_RE.search(text) or acr
            country = ""
            for w in name.split():
                country = country or self.gaz.country_of_adjective(w.lower()) or ""
            for ps, pe, pid in self.ctx.place_spans:
                if s <= ps and pe <= e and self.places[pid]["kind"] == "country" and not country:
                    country = self.places[pid]["country"]
            return self.reg.organisation(name, s, e, acronym=m.group("acr") if m else "", country=country)
        # title standing for a person
        if is_title:
            appos = re.match(r"\s*,\s*[A-ZÉ]", self.text[e:e + 4])
            if not self.reg.by_title(text) and title_key(text) and not appos:
                prev = self._recent_untitled_person(s)
                if prev is not None:  # "Vladimir Poutine a dénoncé … Le président russe a exclu …"
                    prev["role"] = _strip_det(text)
                    self.reg._set_title(prev, prev["role"])
            a = self.reg.titled(text, s, e)
            if a:
                return a
        # a place: country → state; capital → government
        for ps, pe, pid in self.ctx.place_spans:
            if s <= ps and pe <= e:
                p = self.places[pid]
                if p["kind"] == "country":
                    return self.reg.state(p["country"], self.text[ps:pe], ps, pe)
                iso = self.gaz.capital_country(self.text[ps:pe])
                if iso:
                    return self.reg.government(self.text[ps:pe], iso, ps, pe)
        # known actor by alias
        for a in self.reg:
            if norm(a["name"]) == key or key in {norm(x) for x in a["aliases"]}:
                return self.reg.mention(a, text, s, e)
        # a proper name in the phrase ("l'opérateur Fingrid", "le site … Lloyd's List")
        for ent in self.ents:
            if s <= ent.start_char and ent.end_char <= e and ent.label_ in ("ORG", "MISC") and not self._is_place(ent):
                return self.reg.organisation(ent.text, ent.start_char, ent.end_char)
        if generic:
            cut = next((t.idx for t in span if t.pos_ in ("VERB", "AUX") and t.i > span.root.i), e)
            name = W.GENERIC_DET.sub("", self.text[s:cut].strip(" ,")).strip()
            name = re.split(r",|\s\(", name)[0]
            if 2 < len(name) <= 60 and span.root.pos_ in ("NOUN", "PROPN"):
                return self.reg.source(_cap(name), s, e)
        return None

    def _is_place(self, ent) -> bool:
        best = self.gaz.resolve(ent.text)
        return bool(best and (best["kind"] == "country" or (best["kind"] == "city" and best.get("primary")
                                                              and best.get("population", 0) > 100_000)))

    def _recent_untitled_person(self, pos):
        """The person named just before ``pos`` (within ~2 sentences) who has no title yet."""
        best = None
        for a in self.reg:
            if a["kind"] != "person" or a.get("title_only") or a.get("title_key"):
                continue
            spans = [sp for sp in a["spans"] if pos - 400 <= sp[0] < pos]
            if spans and (best is None or max(spans)[0] > best[0]):
                best = (max(spans)[0], a)
        return best[1] if best else None

    def person_entity(self, ent):
        name = ent.text.strip()
        if len(name) < 3 or not name[:1].isupper():
            return None
        role = ""
        # title before the name: "le président ukrainien Volodymyr Zelensky", "le chef de …, Sergueï Lavrov,"
        left = self.text[max(0, ent.start_char - 90):ent.start_char]
        # the article nearest the name that opens a title ("la visite de la Première ministre Sophie Wilmès")
        for m in reversed(list(re.finditer(r"(?:^|[,.;:(]\s*|\b)(?:le|la|l'|l’)\s+(?=\S)", left, re.I))):
            cand = left[m.end():]
            if re.fullmatch(r"(?:[\w'’-]+\s+){0,7}?[\w'’-]+\s*,?\s*", cand) and title_key(cand):
                role = cand.strip(" ,")
                break
        a = self.reg.person(name, ent.start_char, ent.end_char, role=role)
        return a


def find_actors(ctx) -> None:
    """Seed the registry with the actors the text names (see module docstring)."""
    reg = Registry()
    from .nlp import common_nouns

    nouns = common_nouns(ctx.article.lang or "fr")
    reg.nouns = {t.idx for t in ctx.doc if t.pos_ == "NOUN" and t.text[:1].isupper() and (t.lower_ in nouns or t.lemma_ in nouns)}
    ctx.actors = reg
    ctx.resolver = res = Resolver(ctx)
    doc, text, gaz = ctx.doc, ctx.text, gazetteer()
    acronyms = {}
    for m in _ACRONYM_RE.finditer(text):
        long, start = m.group("long"), m.start("long")
        # keep the part that starts at the last capitalised org head (its words as the text writes them:
        # a line break or a double space inside the name stays, so the offsets stay right)
        words = list(re.finditer(r"\S+", long))
        for i, w in enumerate(words):
            if w.group()[:1].isupper() and (norm(w.group()) in _keys().orgs or i == len(words) - 1 or len(words) - i <= 8):
                start, long = m.start("long") + w.start(), long[w.start():]
                break
        a = reg.organisation(" ".join(long.split()), start, m.end(), acronym=m.group("acr"))
        if a is None:
            continue
        reg.mention(a, m.group("acr"), m.start("acr"), m.end("acr"))
        acronyms[m.group("acr")] = a
    for ent in doc.ents:
        if ent.label_ in ("LOC", "MISC") and gaz.resolve(ent.text) is None and len(ent) >= 2 and all(t.text[:1].isupper() for t in ent):
            left = text[max(0, ent.start_char - 90):ent.start_char]
            m = re.search(r"(?:le|la|l'|l’)\s+((?:[\w'’-]+\s+){0,7}?[\w'’-]+)\s*,\s*$", left, re.I)
            if m and title_key(m.group(1)):
                reg.person(ent.text, ent.start_char, ent.end_char, role=m.group(1).strip(" ,"))
        if ent.label_ == "PER":
            if norm(ent.text) in gaz.index and gaz.resolve(ent.text)["kind"] in ("country", "city"):
                continue
            res.person_entity(ent)
        elif ent.label_ == "ORG":
            if ent.text in acronyms:
                reg.mention(acronyms[ent.text], ent.text, ent.start_char, ent.end_char)
                continue
            if norm(ent.text) in gaz.index:
                continue
            res.resolve_span(ent)
        elif norm(ent.text) in gaz.seat_keys:
            seat = gaz.seat_keys[norm(ent.text)]
            reg.government(seat["name"], seat["country"], ent.start_char, ent.end_char)
    # states and capitals acting: subjects, agents ("par Moscou"), speakers
    for s, e, pid in ctx.place_spans:
        p = res.places[pid]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        acting = root.dep_ in ("nsubj", "nsubj:pass", "obl:agent") or any(c.lower_ == W.AGENT_PREPOSITION for c in root.children)
        if not acting:
            continue
        if p["kind"] == "country":
            reg.state(p["country"], text[s:e], s, e)
        else:
            iso = gaz.capital_country(text[s:e])
            if iso:
                reg.government(text[s:e], iso, s, e)
    # the subject a participial apposition describes ("le Comité …, composé de X, de Y …, a exprimé"): a later "Ils" is it
    for t in doc:
        if t.dep_ == "acl" and t.pos_ == "VERB" and t.i > 0 and doc[t.i - 1].text == ",":
            x = next((x for x in doc[t.i + 1:t.sent.end] if x.pos_ == "AUX" or "Fin" in x.morph.get("VerbForm")), None)
            verb = x if x is None or x.pos_ == "VERB" else x.head
            if x is not None and doc[x.i - 1].text == "," and not any(c.dep_.startswith("nsubj") for c in verb.children):
                res._apposition_head(x.idx)
    for a in reg.actors:
        if a["kind"] == "state":
            continue
        forms = {f for f in [a["name"], *a["aliases"]] if len(f) >= 3 and f[:1].isupper()}
        for f in forms:
            for m in re.finditer(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text):
                if not any(s <= m.start() < e for s, e in (sp for b in reg.actors for sp in b["spans"])):
                    reg.mention(a, f, m.start(), m.end())




def locate_actors(ctx) -> None:
    """An embassy or mission "en Ukraine" sits in that country's capital: ``location_id``."""
    gaz = gazetteer()
    for a in ctx.actors:
        m = W.LOCATED.match(a["name"])
        if not m:
            continue
        country = gaz.resolve(m.group("where"))
        if not country or country["kind"] != "country":
            continue
        cap_name = gaz.countries.get(country["country"], {}).get("capital")
        cap = gaz.resolve(cap_name, {country["country"]}) if cap_name else None
        if not cap:
            continue
        place = next((p for p in ctx.places if (p["lat"], p["lon"], p["kind"]) == (cap["lat"], cap["lon"], cap["kind"])), None)
        if place is None:
            place = {"name": cap["name"], "mentions": [], "spans": [], "count": 0, "lat": cap["lat"], "lon": cap["lon"],
                     "kind": cap["kind"], "country": cap["country"], "source": "actor-location",
                     "id": f"p{len(ctx.places) + 1}"}
            ctx.places.append(place)
            ctx.resolver.places[place["id"]] = place
        a["location_id"] = place["id"]
        a["location"] = place["name"]
