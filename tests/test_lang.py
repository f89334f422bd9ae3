"""Language folders: the rules read the word lists and patterns of ``article.lang`` (newsmap/lang/<lang>/).

A made-up second language ``xx`` is written into a temporary folder for these tests: the French files
re-exported, with English weekdays in its identity words. Nothing here is French-specific logic: the point is
that a second language is a new folder the rules pick up from ``article.lang``, and that choosing it changes
what the rules read, in this thread only.
"""
from __future__ import annotations

import datetime as dt
import threading

import pytest

import newsmap.lang as lang
from newsmap import pipeline
from newsmap.errors import NewsmapError
from newsmap.identity import junk_rule
from newsmap.reader import Article

PARTS = ("lexicon", "actors", "identity", "places", "quotes", "dates")


@pytest.fixture
def xx(tmp_path, monkeypatch):
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for part in PARTS:
        (folder / f"{part}.py").write_text(f"from newsmap.lang.fr.{part} import *  # noqa: F401,F403\n")
    (folder / "identity.py").write_text(
        "from newsmap.lang.fr.identity import *  # noqa: F401,F403\n"
        "WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']\n")
    monkeypatch.setattr(lang, "LANGS", (*lang.LANGS, "xx"))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    yield "xx"


def test_a_rule_reads_the_words_of_the_language_in_use_and_only_there(xx):
    assert junk_rule("Mardi") == "weekday" and junk_rule("Tuesday") is None  # French by default
    with lang.use(xx):
        assert lang.active() == "xx"
        assert junk_rule("Tuesday") == "weekday" and junk_rule("Mardi") is None
        seen = {}
        other = threading.Thread(target=lambda: seen.update(lang=lang.active(), rule=junk_rule("Mardi")))
        other.start()
        other.join()
        assert seen == {"lang": "fr", "rule": "weekday"}  # another thread keeps its own language
    assert lang.active() == "fr" and junk_rule("Mardi") == "weekday"  # restored after


def test_the_pipeline_runs_each_articles_rules_on_its_own_language(xx, monkeypatch):
    seen = []

    def spy(ctx):
        seen.append((ctx.article.lang, lang.active(), junk_rule("Tuesday")))

    monkeypatch.setattr(pipeline, "COMPONENTS", [*pipeline.COMPONENTS, ("spy", spy)])
    from newsmap import nlp

    monkeypatch.setitem(nlp.MODELS, "xx", nlp.MODELS["fr"])  # xx is parsed with the French model here

    doc = nlp.load("fr")("Texte court.")
    for code in ("xx", "fr"):
        pipeline.run_components(Article(text="Texte court.", published=dt.date(2024, 11, 20), lang=code, id=code), doc)
    assert seen == [("xx", "xx", "weekday"), ("fr", "fr", None)]


def test_a_language_without_a_folder_is_one_clear_error():
    with pytest.raises(NewsmapError, match="language 'de' is not supported; supported: fr"):
        with lang.use("de"):
            pass
    assert lang.active() == "fr"


def test_no_rule_module_imports_a_language_folder_directly():
    """Rule modules read ``lang.Part``s; importing ``lang.fr`` would pin them to French."""
    import pathlib
    import re

    root = pathlib.Path(lang.__file__).parents[1]
    pinned = [p.name for p in root.glob("*.py") if re.search(r"^from \.lang\.\w+|^import newsmap\.lang\.\w+|lang\.fr\b",
                                                            p.read_text(), re.M)]
    assert pinned == []
