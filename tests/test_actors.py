def actors(doc):
    return {a["name"]: a for a in doc["actors"]}


def test_full_name_and_surname_merge_with_role(seed_doc):
    a = actors(seed_doc)["Sergueï Lavrov"]
    assert "Lavrov" in a["aliases"] and a["role"] == "chef de la diplomatie russe" and a["kind"] == "person"


def test_capitals_and_seats_stay_distinct_but_linked(seed_doc):
    a = actors(seed_doc)
    assert a["Moscou"]["linked_to"] == "Russie" and a["Kremlin"]["linked_to"] == "Russie"
    assert a["Washington"]["kind"] == "government" and a["Washington"]["linked_to"] == "États-Unis"


def test_acronym_alias(seed_doc):
    assert "ICBL" in actors(seed_doc)["Campagne internationale pour interdire les mines"]["aliases"]


def test_embassy_is_located_in_the_capital(seed_doc):
    assert actors(seed_doc)["Ambassade des États-Unis en Ukraine"]["location"] == "Kiev"


def test_honorific_and_surname_is_the_full_name(extract_text):
    doc = extract_text("Le premier ministre François Legault a réuni ses ministres mardi.\n"
                       "« Nous allons écouter les citoyens », a expliqué M. Legault devant la presse.")
    (q,) = doc["quotes"]
    assert q["speaker"] == "François Legault"


def test_an_acronym_defined_across_a_line_break_is_one_organisation(extract_text):
    # the name of an organisation wrapped onto the next line, or with a double space, before its acronym
    doc = extract_text("Mardi, l'Office national\nde la statistique (ONSX) a publié son rapport à Lyon.\n"
                       "Selon l'Observatoire  régional de la santé (ORSX), la situation s'améliore.")
    names = {a["name"]: a for a in doc["actors"]}
    assert "ONSX" in names["Office national de la statistique"]["aliases"]
    assert "ORSX" in names["Observatoire régional de la santé"]["aliases"]
