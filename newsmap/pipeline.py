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

from dataclasses import dataclass, field, replace

from . import SCHEMA_VERSION, nlp
from .actors import find_actors
from .dates import find_dates
from .events import find_events
from .places import find_places
from .quotes import find_quotes
from .reader import Article
from .typography import normalise


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
    # the rules read normalised typography (same length: offsets hold); records give the original
    text = normalise(article.text)
    ctx = Context(article=replace(article, text=text, title=normalise(article.title)), text=text, doc=doc)
    for _name, component in COMPONENTS:
        component(ctx)
    _verbatim(ctx, article.text)
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


def _verbatim(ctx, original):
    """Put the original characters back into the text fields the components copied."""
    if ctx.text == original:
        return

    def orig(value, near):  # the occurrence of value nearest to near
        if not value:
            return value
        hits = [i for i in (ctx.text.find(value, max(0, near - len(value))), ctx.text.rfind(value, 0, near)) if i >= 0]
        i = min(hits, key=lambda h: abs(h - near), default=-1)
        return original[i:i + len(value)] if i >= 0 else value

    for rec in ctx.quotes + ctx.events:
        for key in ("text", "summary"):
            if key in rec:
                rec[key] = original[rec["start"]:rec["end"]] if key == "text" else orig(rec[key], rec["start"])
        rec["sentence"] = orig(rec["sentence"], rec["start"])
        if rec.get("speaker_mention"):
            rec["speaker_mention"] = orig(rec["speaker_mention"], rec["start"])
    for rec in ctx.dates:
        rec["mention"] = original[rec["start"]:rec["end"]]


def _sentence(doc, text, char):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return text[span.sent.start_char:span.sent.end_char].strip() if span is not None else ""


def extract(article: Article) -> dict:
    model = nlp.load(article.lang)
    return run_components(article, model(article.text))


def _extract_chunk(chunk: list[Article]) -> list[dict]:
    """Parse and extract a chunk of articles (in a worker process: model and gazetteer inherited)."""
    model = nlp.load(chunk[0].lang)
    return [run_components(a, doc) for a, doc in zip(chunk, model.pipe((a.text for a in chunk), batch_size=len(chunk)))]


def extract_many(articles: list[Article], n_process: int = 1, batch_size: int = 8):
    """Yield ``(article, document)`` in input order.

    The model and the gazetteer are loaded once, in this process; with ``n_process`` > 1 the
    workers are forked from it (sharing both) and each parses *and* extracts a chunk of
    ``batch_size`` articles, so only small JSON-ready documents travel between processes.
    """
    from .gazetteer import gazetteer

    by_lang: dict[str, list[Article]] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(a)
    for lang, group in by_lang.items():
        nlp.load(lang)
        gazetteer()
        chunks = [group[i:i + batch_size] for i in range(0, len(group), batch_size)]
        if n_process > 1 and len(chunks) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(min(n_process, len(chunks))) as pool:
                for chunk, docs in zip(chunks, pool.imap(_extract_chunk, chunks)):
                    yield from zip(chunk, docs)
        else:
            for chunk in chunks:
                yield from zip(chunk, _extract_chunk(chunk))
