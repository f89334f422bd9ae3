def places(doc):
    return {p["name"]: p for p in doc["places"]}


def test_seed_places_are_geocoded(seed_doc):
    ps = places(seed_doc)
    assert abs(ps["Kyiv"]["lat"] - 50.45) < 0.1 and abs(ps["Kyiv"]["lon"] - 30.52) < 0.1
    assert ps["Kyiv"]["mentions"] == ["Kiev"] and ps["Kyiv"]["kind"] == "city" and ps["Kyiv"]["country"] == "UA"
    assert abs(ps["Rio de Janeiro"]["lat"] + 22.9) < 0.1
    assert ps["Région de Briansk"]["kind"] == "region" and ps["Région de Briansk"]["country"] == "RU"
    assert ps["Mer Baltique"]["kind"] == "sea"


def test_every_place_has_spans_matching_its_mentions(seed_doc):
    text = seed_doc["article"]["text"]
    for p in seed_doc["places"]:
        for s, e in p["spans"]:
            assert text[s:e] in p["mentions"]
        assert p["count"] == len(p["spans"])


def test_seat_of_power_is_an_actor_not_a_place_unless_locative(extract_text):
    doc = extract_text("Le Kremlin a démenti. Le président a parlé à la Maison-Blanche mercredi.")
    names = places(doc)
    assert "Kremlin" not in names and "Maison-Blanche" in names


def test_unknown_region_is_placed_at_its_city(extract_text):
    doc = extract_text("Des drones ont frappé la région de Vinnytsia dans la nuit.")
    p = places(doc)["Région de Vinnytsia"]
    assert p["source"] == "derived-from-city" and p["country"] == "UA"
