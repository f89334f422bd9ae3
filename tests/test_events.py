def find(doc, kind, needle):
    return next(e for e in doc["events"] if e["kind"] == kind and needle in e["sentence"])


def test_seed_events_come_out_right(seed_doc):
    e = find(seed_doc, "warning", "ambassade des États-Unis")
    assert e["date"] == "2024-11-20" and "Kiev" in e["places"]
    e = find(seed_doc, "strike", "Briansk")
    assert e["date"] == "2024-11-19" and e["date_relation"] == "on_or_before" and "Région de Briansk" in e["places"]
    assert e["asserted_by"] == "Sergueï Lavrov" and e["statement_date"] == "2024-11-19"
    e = find(seed_doc, "decision", "feu vert")
    assert e["date"] == "2024-11-17" and e["actors"][0] == "Washington"
    e = find(seed_doc, "strike", "Nord Stream")
    assert (e["date"], e["date_precision"]) == ("2022", "year")
    e = next(e for e in seed_doc["events"] if "a déclaré Lavrov" in e["summary"])
    assert e["date"] == "2024-11-19" and e["places"] == ["Rio de Janeiro"] and e["kind"] == "statement"


def test_more_seed_facts(seed_doc):
    e = find(seed_doc, "announcement", "mines antipersonnel")
    assert e["actors"][0] == "États-Unis" and e["quote_ids"]
    e = find(seed_doc, "call", "ministère chinois")
    assert e["actors"][0] == "Ministère chinois des Affaires étrangères"
    e = find(seed_doc, "criticism", "Kremlin")
    assert e["actors"][0] == "Kremlin" and "Mer Baltique" in e["places"]
    e = find(seed_doc, "warning", "Zelensky")
    assert e["actors"] == ["Volodymyr Zelensky"] and e["quote_ids"]
    e = find(seed_doc, "statement", "a déclaré Lavrov")
    assert "G20" in e["actors"]


def test_event_dates_publication_and_statement_are_kept_apart(seed_doc):
    for e in seed_doc["events"]:
        assert e["published"] == "2024-11-20"
        assert set(e) >= {"date", "date_precision", "statement_date", "places", "actors", "summary", "sentence", "start", "end"}


def test_words_inside_quotes_make_no_event(seed_doc):
    assert not any("considérerons" in e["summary"] for e in seed_doc["events"])
