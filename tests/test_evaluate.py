"""The accuracy targets of the pipeline issue, measured on the committed evaluation set."""
import pytest

from newsmap.evaluate import evaluate, same_speaker, score_document


@pytest.fixture(scope="module")
def scores():
    return evaluate()["summary"]


def test_targets(scores):
    assert scores["articles"] >= 16
    assert scores["quote_f1"] >= 0.90, scores
    assert scores["date_accuracy"] >= 0.95, scores
    assert scores["place_accuracy"] >= 0.95, scores


def test_speaker_matching_rules():
    assert same_speaker({"speaker": "Sergueï Lavrov"}, "Lavrov", [])
    assert same_speaker({"speaker": "ICBL"}, "Campagne internationale pour interdire les mines", ["ICBL"])
    assert not same_speaker({"speaker": "Joe Biden"}, "Donald Trump", [])
    # typographic and straight apostrophes are one character for the comparison
    assert same_speaker({"speaker": "ministère de l’intérieur ukrainien"}, "Ministère de l'intérieur ukrainien", [])


def test_scoring_counts_a_quote_right_only_with_its_speaker():
    text = "« Bonjour à tous », a dit Marie."
    doc = {"article": {"text": text}, "actors": [], "dates": [], "places": [],
           "quotes": [{"text": "Bonjour à tous", "start": 2, "end": 16, "speaker": "Paul", "kind": "direct"}]}
    gold = {"quotes": [{"text": "Bonjour à tous", "speaker": "Marie"}], "dates": [], "places": []}
    r = score_document(gold, doc)["quotes"]
    assert (r["tp"], r["span_only"]) == (0, 1)
    doc["quotes"][0]["speaker"] = "Marie"
    assert score_document(gold, doc)["quotes"]["tp"] == 1
