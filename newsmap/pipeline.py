"""The extraction pipeline: a parsed article → one JSON-ready document.

Components run in this order, each reading what the earlier ones wrote on the :class:`Context`:

=========  =====================================  ==========================================
component  reads                                  writes
=========  =====================================  ==========================================
dates      text, doc, published                   ctx.dates
places     text, doc (entities), gazetteer        ctx.places, ctx.place_spans, ctx.countries
actors     doc, places                            ctx.actors (registry), ctx.resolver
quotes     doc, dates, places, resolver           ctx.quotes
events     doc, dates, places, actors, quotes     ctx.events
=========  =====================================  ==========================================
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import SCHEMA_VERSION, nlp
from .actors import find_actors
from .dates import find_dates
from .events import find_events
from .places import find_places
from .quotes import find_quotes
from .reader import Article


@dataclass
class Context:
    article: Article
    text: str
    doc: object
    dates: list = field(default_factory=list)
    places: list = field(default_factory=list)
    place_spans: list = field(default_factory=list)
    countries: set = field(default_factory=set)
    actors: object = None
    resolver: object = None
    quotes: list = field(default_factory=list)
    events: list = field(default_factory=list)


def _dates(ctx):
    ctx.dates = find_dates(ctx.text, ctx.article.published, ctx.doc)


COMPONENTS = [("dates", _dates), ("places", find_places), ("actors", find_actors), ("quotes", find_quotes), ("events", find_events)]


def run_components(article: Article, doc) -> dict:
    ctx = Context(article=article, text=article.text, doc=doc)
    for _name, component in COMPONENTS:
        component(ctx)
    aid = article.id
    quotes = [dict(q, article=aid) for q in ctx.quotes]
    dates = [dict(d, article=aid, sentence=_sentence(doc, article.text, d["start"])) for d in ctx.dates]
    places = [dict(p, article=aid) for p in ctx.places]
    actors = [dict(a, article=aid) for a in ctx.actors.as_records()]
    events = [dict(e, article=aid) for e in ctx.events]
    return {
        "schema": SCHEMA_VERSION,
        "article": {**article.meta(), "text": article.text,
                    "sentences": [[sent.start_char, sent.end_char] for sent in doc.sents]},
        "quotes": quotes, "dates": dates, "places": places, "actors": actors, "events": events,
    }


def _sentence(doc, text, char):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return text[span.sent.start_char:span.sent.end_char].strip() if span is not None else ""


def extract(article: Article) -> dict:
    model = nlp.load(article.lang)
    return run_components(article, model(article.text))


def extract_many(articles: list[Article], n_process: int = 1, batch_size: int = 16):
    """Yield ``(article, document)``; the model is loaded once and parses in ``n_process`` processes."""
    by_lang: dict[str, list[Article]] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(a)
    for lang, group in by_lang.items():
        model = nlp.load(lang)
        texts = (a.text for a in group)
        for article, doc in zip(group, model.pipe(texts, n_process=n_process, batch_size=batch_size)):
            yield article, run_components(article, doc)
