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
set = { place = "Moscow" }

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
    assert c.quotes.set_index("text").loc["appropriée", "place"] == "Moscow"
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
