"""Corpus-level identity (newsmap/identity.py): one actor across articles, never two people merged
because they share a surname, acronyms, split corrections, junk names, one event from several
articles. Minimal hand-written records; junk names through the real extraction."""
import json

import pytest

from newsmap.errors import NewsmapError
from newsmap.load import load
from newsmap.query import Store


def person(name, role=""):
    return {"name": name, "kind": "person", "aliases": [], "role": role, "spans": [[0, len(name)]]}


def org(name, aliases=()):
    return {"name": name, "kind": "organisation", "aliases": list(aliases), "role": "", "spans": [[0, len(name)]]}


def quote(qid, speaker, text="Nous continuerons"):
    return {"id": qid, "text": text, "kind": "direct", "speaker": speaker, "speaker_mention": speaker, "date": None,
            "date_precision": "day", "place": None, "sentence": f"« {text} », a dit {speaker}.", "sentence_start": 0,
            "start": 2, "end": 2 + len(text)}


def event(eid, actors, places, date, kind="strike", sentence="Une frappe a touché le port."):
    return {"id": eid, "kind": kind, "summary": sentence, "sentence": sentence, "sentence_start": 0, "start": 0,
            "end": len(sentence), "date": date, "date_end": None, "date_precision": "day", "date_relation": "on",
            "date_source": "text", "statement_date": date, "published": date, "places": places, "actors": actors,
            "asserted_by": None, "quote_ids": []}


def write_corpus(d, articles, corrections=""):
    """articles: {id: {"published": …, "actors": […], "quotes": […], "events": […]}} in the on-disk format."""
    (d / "articles").mkdir(parents=True)
    entries = []
    for aid, a in articles.items():
        art = {"id": aid, "title": f"Title {aid}", "source": f"Outlet {aid}", "url": "", "published": a["published"],
               "lang": "fr", "text": "x", "sentences": [[0, 1]], "hash": aid}
        doc = {"schema": "1.0", "article": art, "quotes": a.get("quotes", []), "dates": [], "places": [],
               "actors": [dict(x, id=f"a{i + 1}") for i, x in enumerate(a.get("actors", []))], "events": a.get("events", [])}
        (d / "articles" / f"{aid}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        entries.append({"id": aid, "hash": aid, "title": art["title"], "source": art["source"], "url": "",
                        "published": a["published"], "lang": "fr", "file": f"raw/{aid}.txt"})
    (d / "corpus.json").write_text(json.dumps({"schema": "1.0", "articles": entries}), encoding="utf-8")
    if corrections:
        (d / "corrections.toml").write_text(corrections, encoding="utf-8")
    return d


def names(corpus):
    return set(corpus.actors["name"])


def alias_rule(corpus, alias):
    rows = corpus.actor_aliases.set_index("alias")
    return (rows.loc[alias, "actor"], rows.loc[alias, "rule"], rows.loc[alias, "confidence"])


def test_two_articles_naming_one_person_differently_make_one_actor(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [person("Emmanuel Macron")], "quotes": [quote("q1", "Emmanuel Macron")]},
        "b": {"published": "2024-11-21", "actors": [person("Macron")], "quotes": [quote("q1", "Macron")],
              "events": [event("e1", ["Macron"], ["Paris"], "2024-11-21")]},
    })
    c = load(d)
    assert names(c) == {"Emmanuel Macron"}
    assert list(c.quotes["speaker"]) == ["Emmanuel Macron", "Emmanuel Macron"]
    assert c.events["actors"].iloc[0] == ["Emmanuel Macron"]
    assert "Macron" in c.actors.set_index("article").loc["b", "aliases"]
    assert alias_rule(c, "Macron") == ("Emmanuel Macron", "surname", 0.8)
    # the store holds the same names and the alias table
    s = Store.open(d)
    assert s.actor_options() == ["Emmanuel Macron"]
    assert list(s.actor_aliases()["alias"]) == ["Macron"]


@pytest.mark.parametrize("full", [("Emmanuel Macron", "Brigitte Macron"), ("Marine Le Pen", "Jean-Marie Le Pen")])
def test_two_people_sharing_a_surname_stay_apart(tmp_path, full):
    short = "Macron" if "Macron" in full[0] else "Le Pen"
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [person(full[0])], "quotes": [quote("q1", full[0])]},
        "b": {"published": "2024-11-20", "actors": [person(full[1])], "quotes": [quote("q1", full[1])]},
        "c": {"published": "2024-11-21", "actors": [person(short)], "quotes": [quote("q1", short)]},
    })
    c = load(d)
    assert names(c) == {full[0], full[1], short}
    assert c.actor_aliases.empty


def test_acronyms_and_spelling_variants(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [org("Banque centrale européenne"), org("BCE"), org("Maison-Blanche"),
                                                    org("Organisation du traité de l'Atlantique nord", ["OTAN"])]},
        "b": {"published": "2024-11-20", "actors": [org("BCE"), org("Maison Blanche"), org("OTAN"), org("Otan")],
              "quotes": [quote("q1", "BCE")]},
        "c": {"published": "2024-11-21", "actors": [org("Maison-Blanche")]},
    })
    c = load(d)
    assert names(c) == {"Banque centrale européenne", "Maison-Blanche", "Organisation du traité de l'Atlantique nord"}
    assert c.quotes["speaker"].iloc[0] == "Banque centrale européenne"
    assert alias_rule(c, "BCE") == ("Banque centrale européenne", "acronym-initials", 0.8)
    assert alias_rule(c, "Maison Blanche") == ("Maison-Blanche", "variant", 0.95)  # the form most articles use
    assert alias_rule(c, "OTAN")[:2] == ("Organisation du traité de l'Atlantique nord", "acronym-defined")
    assert alias_rule(c, "Otan")[0] == "Organisation du traité de l'Atlantique nord"
    assert len(c.actors[c.actors["article"] == "b"]) == 3  # one row per actor and article
    bce = c.actors[(c.actors["article"] == "a") & (c.actors["name"] == "Banque centrale européenne")]
    assert len(bce) == 1 and bce["aliases"].iloc[0] == ["BCE"]


def test_a_title_joins_the_one_person_an_article_gave_it(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [person("Volodymyr Zelensky", "président ukrainien"),
                                                    person("Joe Biden", "président américain")]},
        "b": {"published": "2024-11-21", "actors": [person("Chef de l'État ukrainien", "chef de l'État ukrainien"),
                                                    person("Donald Trump", "président américain"),
                                                    person("Président américain", "président américain")]},
    })
    c = load(d)
    assert alias_rule(c, "Chef de l'État ukrainien") == ("Volodymyr Zelensky", "title", 0.6)
    assert "Président américain" in names(c)  # two presidents: no merge


SPLIT = '''
[[correction]]
action = "split"
actors = ["Emmanuel Macron", "Macron"]
'''


def test_a_split_correction_keeps_names_a_rule_would_merge_apart(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [person("Emmanuel Macron")], "quotes": [quote("q1", "Emmanuel Macron")]},
        "b": {"published": "2024-11-21", "actors": [person("Macron")], "quotes": [quote("q1", "Macron")]},
    }, SPLIT + '\n[[correction]]\naction = "split"\nactors = ["Macron", "Nobody"]\n')
    c = load(d)
    assert names(c) == {"Emmanuel Macron", "Macron"}
    assert c.actor_aliases.empty
    assert c.warnings == ["correction #2: no actor named 'Nobody' to split"]


@pytest.mark.parametrize("bad,needle", [
    ('[[correction]]\naction = "split"\nactors = "Macron"\n', 'split needs actors = ["One", "Other", …], not "Macron"'),
    ('[[correction]]\naction = "split"\nactors = ["Macron"]\n', "split needs actors"),
    ('[[correction]]\naction = "split"\nactors = ["A", "B"]\ntable = "actors"\n', "unknown key table for action 'split'"),
])
def test_a_wrong_split_is_one_clear_error(tmp_path, bad, needle):
    d = write_corpus(tmp_path, {"a": {"published": "2024-11-20", "actors": [person("Macron")]}}, bad)
    with pytest.raises(NewsmapError) as exc:
        load(d)
    assert str(exc.value).startswith(str(d / "corrections.toml") + ": correction #1: ") and needle in str(exc.value)


def test_two_articles_reporting_one_event_make_one_group_with_two_sources(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [org("Russie")],
              "events": [event("e1", ["Russie"], ["Odessa"], "2024-11-19", sentence="La Russie a frappé Odessa lundi."),
                         event("e2", ["Russie"], ["Odessa"], "2024-11-19", kind="warning")]},
        "b": {"published": "2024-11-21", "actors": [org("Russie")],
              "events": [event("e1", ["Russie"], ["Odessa", "Kyiv"], "2024-11-20", sentence="Moscou a bombardé Odessa."),
                         event("e2", ["Russie"], ["Kharkiv"], "2024-11-20")]},
        "c": {"published": "2024-11-25", "actors": [org("Russie")],
              "events": [event("e1", ["Russie"], ["Odessa"], "2024-11-24")]},
    })
    c = load(d)
    ev = c.events.set_index("uid")
    assert ev.loc["a/e1", "group_uid"] == ev.loc["b/e1", "group_uid"] == "a/e1"
    assert ev.loc["a/e1", "n_sources"] == ev.loc["b/e1", "n_sources"] == 2
    for other in ("a/e2", "b/e2", "c/e1"):  # another kind, another place, five days later
        assert ev.loc[other, "group_uid"] == other and ev.loc[other, "n_sources"] == 1
    # the store: the group's sentences, each with its article
    s = Store.open(d)
    g = s.event_group("a/e1")
    assert list(g["article"]) == ["a", "b"] and list(g["sentence"]) == ["La Russie a frappé Odessa lundi.", "Moscou a bombardé Odessa."]
    from newsmap import views as V
    from newsmap.filters import Filters

    rows = V.timeline_rows(s.view(Filters()))
    assert rows.set_index("uid").loc["b/e1", "source"].endswith("reported by 2 articles")


def test_junk_names_in_stored_documents_are_no_actors(tmp_path):
    d = write_corpus(tmp_path, {
        "a": {"published": "2024-11-20", "actors": [org("Mardi"), person("Sa présidente"), org("Lloyd'"), person("Ma Chun-wei"),
                                                    org("Novembre 2024"), person("Avril Haines")],
              "quotes": [quote("q1", "Sa présidente"), quote("q2", "Ma Chun-wei")],
              "events": [event("e1", ["Mardi", "Ma Chun-wei"], ["Pékin"], "2024-11-19")]},
    })
    c = load(d)
    assert names(c) == {"Ma Chun-wei", "Avril Haines"}
    assert list(c.quotes["speaker"]) == [None, "Ma Chun-wei"] and c.events["actors"].iloc[0] == ["Ma Chun-wei"]


def test_junk_names_are_not_extracted(extract_text):
    doc = extract_text("Budget : le gouvernement engage sa responsabilité\n"
                       "Le commissaire européen au Climat, Wopke Hoekstra, a jugé l'accord insuffisant. "
                       "Mardi, les ministres des Finances ont parlé de l'Histoire. "
                       "Selon le site d'analyse maritime Lloyd's List, le trafic a baissé. "
                       "Le ministère russe de la Défense a assuré que ses forces avaient visé « des installations ». "
                       "Greenpeace a estimé que la conférence avait été « prise en otage ». "
                       "Pour l'analyste Ma Chun-wei, Pékin cherche à « normaliser » sa présence.")
    got = {a["name"] for a in doc["actors"]}
    assert not got & {"Budget", "Climat", "Mardi", "Finances", "Histoire", "Lloyd'", "Ses forces"}
    assert {"Wopke Hoekstra", "Greenpeace", "Ma Chun-wei"} <= got


def test_a_group_never_drifts_along_a_chain_of_days(tmp_path):
    d = write_corpus(tmp_path, {a: {"published": day, "events": [event("e1", ["Russie"], ["Odessa"], day)]}
                                for a, day in (("a", "2024-11-18"), ("b", "2024-11-20"), ("c", "2024-11-22"))})
    ev = load(d).events.set_index("uid")
    assert list(ev["group_uid"]) == ["a/e1", "a/e1", "c/e1"]  # c is two days after b but four after a
    assert list(ev["n_sources"]) == [2, 2, 1]
