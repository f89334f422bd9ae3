"""Quotation marks and apostrophes of published French news: normalised for the rules, offsets kept."""
import pytest

from newsmap.typography import normalise


@pytest.mark.parametrize("raw", [
    'Il a dit "Nous partirons demain" hier.',
    "Il a dit “Nous partirons demain” hier.",
    "Il a dit ”Nous partirons demain“ hier.",
    "Il a dit „Nous partirons demain“ hier.",
    "Il a dit ‹Nous partirons demain› hier.",
    "Il a dit »Nous partirons demain» hier.",
    "Il a dit \u201c\u202fNous partirons demain\u202f\u201d hier.",
])
def test_quotation_marks_become_guillemets_same_length(raw):
    out = normalise(raw)
    assert len(out) == len(raw)
    assert out.replace(" ", "") == "Il a dit «Nous partirons demain» hier.".replace(" ", "")


def test_marks_that_do_not_pair_are_left_alone():
    raw = 'Un écran de 15" et « il a répété "non" trois fois » puis "la suite\nau paragraphe suivant'
    assert normalise(raw) == raw.replace("«", "«")  # nested, inch sign and unclosed mark unchanged


def test_apostrophes():
    assert normalise("l’an dernier, aujourd’hui, lʼÉtat") == "l'an dernier, aujourd'hui, l'État"


def _one_quote(doc):
    (q,) = doc["quotes"]
    assert doc["article"]["text"][q["start"]:q["end"]] == q["text"]
    return q


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("”", "“"), ("„", "“"), ("\u00ab\u00a0", "\u00a0\u00bb")])
def test_direct_quote_in_other_quotation_marks(extract_text, open_, close):
    doc = extract_text(f"La maire, Claire Morel, a parlé mardi. {open_}Nous rouvrirons l’école avant l’été{close}, "
                       "a déclaré Claire Morel.")
    q = _one_quote(doc)
    assert (q["kind"], q["speaker"]) == ("direct", "Claire Morel")
    assert q["text"] == "Nous rouvrirons l’école avant l’été"
    assert "’" in q["sentence"] and open_.strip() in q["sentence"]


def test_dates_with_typographic_apostrophes(extract_text):
    doc = extract_text("Le chômage a baissé l’an dernier, et il remonte aujourd’hui selon l’institut.", "2024-11-20")
    values = {d["mention"]: d["value"] for d in doc["dates"]}
    assert values == {"l’an dernier": "2023", "aujourd’hui": "2024-11-20"}
