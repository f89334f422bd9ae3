"""Long texts: parsed and extracted in chunks (bounded memory, linear time), offsets into the whole text."""
import re

import pytest

from conftest import SEED
from newsmap import nlp, pipeline
from newsmap.reader import read_article

FRENCH = SEED.read_text(encoding="utf-8")


def _covers(text, spans):
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b == c for (a, b), (c, _d) in zip(spans, spans[1:]))


def test_chunks_cover_the_text_at_line_breaks_and_cut_long_lines():
    text = (FRENCH + "\n") * 40  # ~130 kB of paragraphs
    spans = pipeline.chunks(text)
    _covers(text, spans)
    assert len(spans) > 1 and all(b - a <= pipeline.CHUNK_CHARS for a, b in spans)
    assert all(text[b - 1] == "\n" and not text[b].isspace() for _a, b in spans[:-1])  # whole lines, blank lines kept before
    line = " ".join(["mot"] * 30_000)  # 120 kB, no line break, no punctuation
    spans = pipeline.chunks("Titre\n" + line + "\nFin.\n")
    _covers("Titre\n" + line + "\nFin.\n", spans)
    assert all(b - a <= pipeline.LINE_CHARS for a, b in spans[:-1])
    assert pipeline.chunks(FRENCH) == [(0, len(FRENCH))]  # a news article is one chunk: parsed whole, as before


@pytest.fixture
def parsed_lengths(monkeypatch):
    """The length of every text the spaCy model parses."""
    model = nlp.load("fr")
    lengths = []
    real_pipe, real_call = type(model).pipe, type(model).__call__

    def pipe(self, texts, *args, **kw):
        def spy(it):
            for t in it:
                lengths.append(len(t))
                yield t
        return real_pipe(self, spy(texts), *args, **kw)

    def call(self, text, *args, **kw):
        lengths.append(len(text))
        return real_call(self, text, *args, **kw)

    monkeypatch.setattr(type(model), "pipe", pipe)
    monkeypatch.setattr(type(model), "__call__", call)
    return lengths


def _check_offsets(doc):
    text = doc["article"]["text"]
    art = doc["article"]
    sents = art["sentences"]
    assert all(0 <= s < e <= len(text) for s, e in sents) and all(e1 <= s2 for (_s1, e1), (s2, _e2) in zip(sents, sents[1:]))
    ids = {k: [r["id"] for r in doc[k]] for k in ("quotes", "places", "actors", "events")}
    for k, prefix in (("quotes", "q"), ("places", "p"), ("actors", "a"), ("events", "e")):
        assert ids[k] == [f"{prefix}{i + 1}" for i in range(len(ids[k]))], k
    for q in doc["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert text[q["sentence_start"]:q["sentence_start"] + len(q["sentence"])] == q["sentence"]
        assert q["speaker_id"] is None or q["speaker_id"] in ids["actors"]
        assert q["place_id"] is None or q["place_id"] in ids["places"]
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["mention"]
    for p in doc["places"]:
        assert all(text[s:e] in p["mentions"] for s, e in p["spans"]) and p["count"] == len(p["spans"])
    assert len({(p["name"], p["kind"], p["country"]) for p in doc["places"]}) == len(doc["places"])
    for a in doc["actors"]:
        assert a["count"] == len(a["spans"]) and a["spans"] == sorted(a["spans"])
        assert a.get("location_id") is None or a["location_id"] in ids["places"]
    for e in doc["events"]:
        assert text[e["start"]:e["end"]].strip() == e["summary"]
        assert text[e["sentence_start"]:e["sentence_start"] + len(e["sentence"])] == e["sentence"]
        assert set(e["place_ids"]) <= set(ids["places"]) and set(e["actor_ids"]) <= set(ids["actors"])
        assert set(e["quote_ids"]) <= set(ids["quotes"])


def test_long_text_is_parsed_in_chunks_with_offsets_into_the_whole_text(tmp_path, monkeypatch, parsed_lengths, seed_doc):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2_000)  # the seed article (3.3 kB) ×3 as a "long" text
    path = tmp_path / "long.txt"
    path.write_text("\n".join([FRENCH.strip()] * 3) + "\n", encoding="utf-8")
    doc = pipeline.extract(read_article(path, published="2024-11-20"))
    text = doc["article"]["text"]
    assert max(parsed_lengths) <= 2_000 + 1_000 and sum(parsed_lengths) == len(text)  # never the whole text at once
    _check_offsets(doc)
    # every copy of the article yields its quotes again, at its own offsets
    assert len(doc["quotes"]) >= 2 * len(seed_doc["quotes"])
    assert len({q["speaker"] for q in doc["quotes"]}) == len({q["speaker"] for q in doc["quotes"]} | {q["speaker"] for q in seed_doc["quotes"]})
    # one actor per name, spans from every copy
    names = [(a["name"], a["kind"]) for a in doc["actors"]]
    assert len(names) == len(set(names))
    lavrov = next(a for a in doc["actors"] if a["name"] == "Sergueï Lavrov")
    assert lavrov["spans"][-1][0] > 2 * len(FRENCH)


def test_a_long_line_without_punctuation_is_cut(tmp_path, parsed_lengths):
    words = re.sub(r"[^\w\s]", " ", FRENCH).split()
    line = " ".join(words * 8)  # ~25 kB, one line, no punctuation
    path = tmp_path / "line.txt"
    path.write_text(line + "\n", encoding="utf-8")
    doc = pipeline.extract(read_article(path, published="2024-11-20"))
    assert max(parsed_lengths) <= pipeline.LINE_CHARS and sum(parsed_lengths) == len(doc["article"]["text"])
    _check_offsets(doc)
