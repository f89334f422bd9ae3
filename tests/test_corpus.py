import json
import os

import pytest

from conftest import SEED, snapshot
from newsmap import corpus
from newsmap.errors import NewsmapError
from newsmap.load import load


def test_seed_corpus_is_committed_and_loads():
    c = load()
    assert list(c.articles["id"]) == ["article-2024-11-20-fr"]
    assert len(c.quotes) >= 11 and len(c.events) >= 10 and c.warnings == []


def test_committed_corpus_matches_the_pipeline(seed_doc):
    """The data the dashboard opens on is what the pipeline produces today (no hand edits)."""
    stored = json.loads((corpus.data_dir_default() / "articles" / "article-2024-11-20-fr.json").read_text(encoding="utf-8"))
    for key in ("quotes", "dates", "places", "events"):
        assert [dict(r, article=None) for r in stored[key]] == [dict(r, article=None) for r in seed_doc[key]], key


def test_crash_during_ingest_leaves_the_previous_corpus(seed_corpus, tmp_path, monkeypatch):
    art = tmp_path / "autre.txt"
    art.write_text("Le ministre a déclaré lundi à Paris que « rien ne change ».", encoding="utf-8")
    before = snapshot(seed_corpus)
    real_replace = os.replace

    def boom(src, dst):
        if str(dst).endswith("corpus.json"):
            raise KeyboardInterrupt  # killed just before the manifest lands
        return real_replace(src, dst)

    monkeypatch.setattr(corpus.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        corpus.ingest([art], data_dir=seed_corpus, published="2024-11-25")
    monkeypatch.setattr(corpus.os, "replace", real_replace)
    assert json.loads((seed_corpus / "corpus.json").read_bytes()) == json.loads(before["corpus.json"])
    assert not [p for p in seed_corpus.rglob("*.tmp")]
    assert len(load(seed_corpus).articles) == 1


def test_damaged_corpus_is_a_clear_error(seed_corpus):
    (seed_corpus / "corpus.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NewsmapError, match="damaged"):
        load(seed_corpus)


CORRECTIONS = '''
[[correction]]
action = "fix"
table = "quotes"
where = { text = "appropriée" }
set = { place = "Moscou" }

[[correction]]
action = "merge"
actors = ["Kremlin", "Moscou"]

[[correction]]
action = "drop"
table = "events"
where = { kind = "announcement", summary = "de l’annonce par Moscou de représailles" }

[[correction]]
action = "fix"
table = "places"
where = { name = "Mer Baltique" }
set = { lat = 57.5 }
'''


def test_corrections_fix_merge_drop(seed_corpus):
    (seed_corpus / "corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    c = load(seed_corpus)
    assert c.warnings == []
    assert c.quotes.set_index("text").loc["appropriée", "place"] == "Moscou"
    assert "Moscou" not in set(c.actors["name"]) and "Moscou" in c.actors.set_index("name").loc["Kremlin", "aliases"].iloc[-1]
    assert not any(c.events["summary"] == "de l’annonce par Moscou de représailles")
    assert c.places.set_index("name").loc["Mer Baltique", "lat"] == 57.5


def test_corrections_survive_reingest(seed_corpus):
    (seed_corpus / "corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    corpus.ingest([SEED], data_dir=seed_corpus, published="2024-11-20")
    assert (seed_corpus / "corrections.toml").read_text(encoding="utf-8") == CORRECTIONS


@pytest.mark.parametrize("bad,needle", [
    ('[[correction]]\naction = "rename"\n', "unknown action"),
    ('[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { id = "q1" }\nset = { text = "x" }\n', "cannot set text"),
    ('[[correction]\n', "corrections file error"),
])
def test_bad_corrections_are_one_clear_error(seed_corpus, bad, needle):
    (seed_corpus / "corrections.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(NewsmapError, match=needle):
        load(seed_corpus)


def test_stale_correction_is_reported(seed_corpus):
    (seed_corpus / "corrections.toml").write_text('[[correction]]\naction = "drop"\ntable = "quotes"\nwhere = { text = "nope" }\n', encoding="utf-8")
    assert "nothing in quotes matches" in load(seed_corpus).warnings[0]


# ---------------------------------------------------------------- values that must never reach the dashboard
@pytest.mark.parametrize("bad,needle", [
    ('correction = ["fix", "drop"]\n', 'correction #1: must be a [[correction]] table, not "fix"'),
    ('[[correction]]\naction = "fix"\ntable = "places"\nwhere = { name = "Kiev" }\nset = { lat = "north" }\n',
     'correction #1: set.lat must be a number from -90 to 90, not "north"'),
    ('[[correction]]\naction = "fix"\ntable = "places"\nwhere = { name = "Kiev" }\nset = { lat = 123 }\n', "set.lat must be a number"),
    ('[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { id = "q1" }\nset = { speaker = { name = "X" } }\n',
     "set.speaker must be a text in quotes"),
    ('[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { id = { a = 1 } }\nset = { speaker = "X" }\n',
     "where.id must be a text, number or date"),
    ('[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { id = "q1" }\nset = { date = "2024-13-01" }\n', "set.date must be a date"),
    ('[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { id = "q1" }\nset = { kind = "shout" }\n',
     "set.kind must be one of direct, partial, indirect"),
    ('[[correction]]\naction = "fix"\ntable = "events"\nwhere = { id = "e1" }\nset = { places = [1, 2] }\n', "set.places must be a name or a list"),
    ('[[correction]]\naction = "drop"\ntable = "quotes"\narticle = 3\nwhere = { id = "q1" }\n', "article must be an article id"),
    ('[[correction]]\naction = "drop"\ntable = "quotes"\nwher = { id = "q1" }\n', "unknown key wher"),
])
def test_wrong_correction_values_are_one_clear_error(seed_corpus, bad, needle):
    (seed_corpus / "corrections.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(NewsmapError) as exc:
        load(seed_corpus)
    assert str(exc.value).startswith(str(seed_corpus / "corrections.toml")) and needle in str(exc.value)


def test_accepted_corrections_load_and_filter(seed_corpus):
    from newsmap import export
    from newsmap.filters import Filters, apply

    (seed_corpus / "corrections.toml").write_text(
        '[[correction]]\naction = "fix"\ntable = "quotes"\nwhere = { text = "appropriée" }\nset = { date = 2024-11-19, place = "Moscou" }\n\n'
        '[[correction]]\naction = "fix"\ntable = "places"\nwhere = { name = "Kiev" }\nset = { lat = 50 }\n\n'
        '[[correction]]\naction = "fix"\ntable = "events"\nwhere = { id = "e1" }\nset = { places = "Kiev", date = "2024-11" }\n',
        encoding="utf-8")
    c = load(seed_corpus)
    assert c.warnings == []
    assert c.quotes.set_index("text").loc["appropriée", "date"] == "2024-11-19"
    assert c.places.set_index("name").loc["Kiev", "lat"] == 50.0
    assert c.events.set_index("id").loc["e1", "places"] == ["Kiev"]
    import datetime as dt

    view = apply(c, Filters(start=dt.date(2024, 11, 1), end=dt.date(2024, 11, 30), places=["Kiev"]))
    for table in ("events", "quotes", "places", "actors"):
        export.render(view, table, "json")


def _two_article_corpus(seed_corpus):
    """The seed plus a copy of it under another id (no parsing needed)."""
    doc = json.loads((seed_corpus / "articles" / "article-2024-11-20-fr.json").read_text(encoding="utf-8"))
    doc["article"]["id"] = "copie"
    (seed_corpus / "articles" / "copie.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    man = json.loads((seed_corpus / "corpus.json").read_text(encoding="utf-8"))
    man["articles"].append(dict(man["articles"][0], id="copie"))
    return man


def test_a_damaged_document_is_skipped_with_a_warning_naming_it(seed_corpus):
    man = _two_article_corpus(seed_corpus)
    (seed_corpus / "corpus.json").write_text(json.dumps(man), encoding="utf-8")
    path = seed_corpus / "articles" / "copie.json"
    path.write_bytes(path.read_bytes()[:5000])  # truncated
    c = load(seed_corpus)
    assert list(c.articles["id"]) == ["article-2024-11-20-fr"] and len(c.quotes) >= 11
    [warning] = c.warnings
    assert warning.startswith(f"{path} is damaged (") and "skipped — re-ingest its source" in warning


@pytest.mark.parametrize("entry,needle", [
    (42, "not an object"), ({"id": "../../etc/passwd", "hash": "x", "published": "2024-11-20", "file": "f"}, "no valid 'id'"),
    ({"id": "copie", "hash": "x", "published": "2024-13-45", "file": "f"}, "'published' is not a date"),
    ({"id": "copie", "hash": "x", "published": "2024-11-20", "file": "f", "title": ["a"]}, "'title' is not a text"),
])
def test_a_damaged_manifest_entry_is_skipped_with_a_warning(seed_corpus, entry, needle):
    man = _two_article_corpus(seed_corpus)
    man["articles"][1] = entry
    (seed_corpus / "corpus.json").write_text(json.dumps(man), encoding="utf-8")
    c = load(seed_corpus)
    assert list(c.articles["id"]) == ["article-2024-11-20-fr"]
    [warning] = c.warnings
    assert f"corpus.json: article entry #2 is damaged ({needle}" in warning and "skipped" in warning


@pytest.mark.parametrize("mangle", [
    lambda d: d.update(quotes="abc"), lambda d: d.update(events=[1, 2]), lambda d: d["article"].update(published="0005-13-01"),
    lambda d: d["events"][0].update(places=3), lambda d: d.update(article=[]), lambda d: d["article"].update(published="0005-06-01"),
])
def test_a_document_of_the_wrong_shape_is_skipped(seed_corpus, mangle):
    path = seed_corpus / "articles" / "article-2024-11-20-fr.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    mangle(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    c = load(seed_corpus)
    assert c.empty and "is damaged" in c.warnings[0]
