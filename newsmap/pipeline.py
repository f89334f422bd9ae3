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

A text over ``CHUNK_CHARS`` is parsed and extracted in chunks of whole lines (:func:`chunks`) whose
records are merged with offsets into the whole text (:class:`_Merge`): memory stays that of one
chunk and time grows linearly with the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import SCHEMA_VERSION, lang, nlp
from .actors import find_actors
from .dates import find_dates
from .errors import E, NewsmapError
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
    with lang.use(article.lang):  # every rule reads newsmap/lang/<article.lang>/
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


# Memory and time bounds. spaCy's cost grows with the length of one Doc and some lookups grow with
# the length of one sentence, so a long text is parsed and extracted in chunks, each on its own:
# memory stays that of one chunk, time grows linearly with the text.
CHUNK_CHARS = 50_000  # a text up to this length (any news article, long reads included) is one chunk
LINE_CHARS = 10_000  # a longer line (no line break) is cut at a space before this length


def chunks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans that cover ``text`` exactly, in order: whole lines, up to CHUNK_CHARS
    (blank lines stay with the paragraph before them); a line over LINE_CHARS is cut at a space
    into pieces of its own."""
    spans, start, pos, n = [], 0, 0, len(text)
    while pos < n:
        eol = text.find("\n", pos)
        eol = n if eol < 0 else eol + 1
        if eol - pos > LINE_CHARS:
            if pos > start:
                spans.append((start, pos))
            while eol - pos > LINE_CHARS:
                space = text.rfind(" ", pos + LINE_CHARS // 2, pos + LINE_CHARS)
                cut = space + 1 if space >= 0 else pos + LINE_CHARS
                spans.append((pos, cut))
                pos = cut
            start = pos
        elif eol - start > CHUNK_CHARS and pos > start and (text[pos:eol].strip() or pos - start > 2 * CHUNK_CHARS):
            spans.append((start, pos))
            start = pos
        pos = eol
    if start < n:
        spans.append((start, n))
    return spans


class _Merge:
    """The records of consecutive chunks as one article's: offsets shifted into the whole text,
    places and actors of the same name merged, ids renumbered in text order."""

    def __init__(self):
        self.places, self.actors = {}, {}  # (name, kind, …) → record; ids are given at the end
        self.sentences, self.quotes, self.dates, self.events = [], [], [], []

    def add(self, off: int, r: dict) -> None:
        def shift(spans):
            return [[s + off, e + off] for s, e in spans]

        pk = {}
        for p in r["places"]:
            pk[p["id"]] = key = (p["name"], p["kind"], p["country"])
            g = self.places.setdefault(key, dict(p, mentions=[], spans=[]))
            g["mentions"] += [m for m in p["mentions"] if m not in g["mentions"]]
            g["spans"] += shift(p["spans"])
        ak = {}
        for a in r["actors"]:
            ak[a["id"]] = key = (a["name"], a["kind"])
            new = key not in self.actors
            g = self.actors.setdefault(key, dict(a, aliases=[], spans=[]))
            if new and "location_id" in a:
                g["location_id"] = pk[a["location_id"]]
            for f in ("role", "country", "linked_to"):
                g[f] = g[f] or a[f]
            g["aliases"] += [x for x in a["aliases"] if x not in g["aliases"] and x != g["name"]]
            g["spans"] += shift(a["spans"])
        qk = {}
        for q in r["quotes"]:
            qk[q["id"]] = qid = f"q{len(self.quotes) + 1}"
            self.quotes.append(dict(q, id=qid, start=q["start"] + off, end=q["end"] + off, sentence_start=q["sentence_start"] + off,
                                    speaker_id=ak.get(q["speaker_id"]), place_id=pk.get(q["place_id"])))
        for e in r["events"]:
            self.events.append(dict(e, id=f"e{len(self.events) + 1}", start=e["start"] + off, end=e["end"] + off,
                                    sentence_start=e["sentence_start"] + off, place_ids=[pk[x] for x in e["place_ids"]],
                                    actor_ids=[ak[x] for x in e["actor_ids"]], quote_ids=[qk[x] for x in e["quote_ids"]]))
        self.dates += [dict(d, start=d["start"] + off, end=d["end"] + off) for d in r["dates"]]
        self.sentences += shift(r["article"]["sentences"])

    def document(self, article: Article) -> dict:
        places = sorted(self.places.values(), key=lambda p: p["spans"][0][0] if p["spans"] else float("inf"))
        pid = {}
        for i, p in enumerate(places):
            pid[(p["name"], p["kind"], p["country"])] = p["id"] = f"p{i + 1}"
            p["spans"].sort()
            p["count"] = len(p["spans"])
        aid = {}
        for i, (key, a) in enumerate(self.actors.items()):
            aid[key] = a["id"] = f"a{i + 1}"
            a["spans"].sort()
            a["count"] = len(a["spans"])
            if "location_id" in a:
                a["location_id"] = pid[a["location_id"]]
        for q in self.quotes:
            q["speaker_id"], q["place_id"] = aid.get(q["speaker_id"]), pid.get(q["place_id"])
        for e in self.events:
            e["place_ids"] = list(dict.fromkeys(pid[k] for k in e["place_ids"]))
            e["actor_ids"] = list(dict.fromkeys(aid[k] for k in e["actor_ids"]))
        return {"schema": SCHEMA_VERSION, "article": {**article.meta(), "text": article.text, "sentences": self.sentences},
                "quotes": self.quotes, "dates": self.dates, "places": places, "actors": list(self.actors.values()),
                "events": self.events}


def _extract_long(article: Article, model) -> dict:
    spans = chunks(article.text)
    merge = _Merge()
    texts = (article.text[s:e] for s, e in spans)
    for (s, e), doc in zip(spans, model.pipe(texts, batch_size=2)):
        merge.add(s, run_components(replace(article, text=article.text[s:e]), doc))
    document = merge.document(article)
    for q in document["quotes"]:
        if article.text[q["start"]:q["end"]] != q["text"]:  # verbatim, always
            raise AssertionError(f"quote text is not verbatim at {q['start']}")
    return document


def extract(article: Article) -> dict:
    return _extract_batch([article])[0]


def _extract_batch(batch: list[Article]) -> list[dict]:
    """Parse and extract a few articles (in a worker process: model and gazetteer inherited)."""
    model = nlp.load(batch[0].lang)
    whole = [len(chunks(a.text)) == 1 for a in batch]
    docs = model.pipe((a.text for a, w in zip(batch, whole) if w), batch_size=max(1, sum(whole)))
    return [run_components(a, next(docs)) if w else _extract_long(a, model) for a, w in zip(batch, whole)]


def extract_many(articles: list[Article], n_process: int = 1, batch_size: int = 8):
    """Yield ``(article, document)`` in input order.

    The model and the gazetteer are loaded once, in this process; with ``n_process`` > 1 the
    workers are forked from it (sharing both) and each parses *and* extracts a batch of
    ``batch_size`` articles, so only small JSON-ready documents travel between processes.
    A worker killed by the system (out of memory) raises NewsmapError(E.WORKER_KILLED).
    """
    from .gazetteer import gazetteer

    by_lang: dict[str, list[Article]] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(a)
    for code, group in by_lang.items():
        nlp.load(code)
        gazetteer()
        batches = [group[i:i + batch_size] for i in range(0, len(group), batch_size)]
        if n_process > 1 and len(batches) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool

            pool = ProcessPoolExecutor(min(n_process, len(batches)), mp_context=multiprocessing.get_context("fork"))
            try:
                for batch, docs in zip(batches, pool.map(_extract_batch, batches)):
                    yield from zip(batch, docs)
            except BrokenProcessPool:
                raise NewsmapError(E.WORKER_KILLED) from None
            finally:
                pool.shutdown(wait=False, cancel_futures=True)  # on an error, do not wait for the other batches
        else:
            for batch in batches:
                yield from zip(batch, _extract_batch(batch))
