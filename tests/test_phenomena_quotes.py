"""Quote phenomena met in real published French news (eval/real, not in git), each as a minimal sentence written
for the test (invented people, places and wording). Every test failed before the fix it guards."""


def _by_text(doc):
    return {q["text"]: q for q in doc["quotes"]}


def test_an_organisation_named_with_a_list_of_de_complements_keeps_its_whole_name(extract_text):
    # the speaker span takes the whole name of the organisation, not the part before its first comma
    doc = extract_text("Le barrage sera vidé cet automne. «Les travaux de vidange du bassin peuvent donc commencer» selon le "
                       "règlement cantonal sur les eaux, écrit jeudi soir le Département de l'environnement, des transports "
                       "et de l'énergie dans un communiqué.")
    q = _by_text(doc)["Les travaux de vidange du bassin peuvent donc commencer"]
    assert q["speaker"] == "Département de l'environnement, des transports et de l'énergie"


def test_a_comma_after_an_organisation_that_opens_no_list_still_ends_its_name(extract_text):
    # a guard for the rule above (passes before it too): the comma of an incise (« de son côté ») ends the name
    doc = extract_text("La route restera fermée. Le Service des routes, de son côté, a annoncé que les travaux dureraient "
                       "deux semaines.")
    q = _by_text(doc)["les travaux dureraient deux semaines"]
    assert q["speaker"] == "Service des routes"


def test_selon_a_law_text_is_no_quote(extract_text):
    # a law or regulation prescribes; « selon le règlement … » reports no one's words
    doc = extract_text("La pêche au brochet est suspendue. Les prises doivent être relâchées, selon le règlement cantonal "
                       "sur la pêche. Le garde Hugo Martin a dit que les contrôles seraient renforcés.")
    qs = _by_text(doc)
    assert not any(t.startswith("Les prises doivent") for t in qs)
    assert qs["les contrôles seraient renforcés"]["speaker"] == "Hugo Martin"


def test_a_finding_verb_with_que_reports_no_statement(extract_text):
    # « constater / observer / remarquer que … » says what someone saw, not what they said
    doc = extract_text("Mardi, les gendarmes ont observé que la barrière du passage à niveau restait levée. Le maire Paul "
                       "Dorin a dit que la compagnie ferroviaire était prévenue.")
    qs = _by_text(doc)
    assert not any(t.startswith("la barrière") for t in qs)
    assert qs["la compagnie ferroviaire était prévenue"]["speaker"] == "Paul Dorin"


def test_a_bare_participle_of_a_speech_verb_describes_an_alert_and_attributes_nothing(extract_text):
    # « …, relevés en vigilance orange pour « pluie » »: a participle with no auxiliary and no agent says no one's
    # words: no trailing attribution to « orange … », no partial quote for the alert's kind
    doc = extract_text("Des orages sont attendus. Le Gard, l'Hérault, le Var et les Bouches-du-Rhône ont vu leur situation "
                       "changer ce soir, relevés en vigilance orange pour \"pluie/inondation\". La Lozère, le Tarn, le "
                       "Lot et la Drôme ont vu leur niveau changer, relevée en vigilance rouge pour \"pluie/inondation\". "
                       "Le préfet Jean Ravel a affirmé que les écoles resteraient fermées.")
    qs = _by_text(doc)
    assert set(qs) == {"les écoles resteraient fermées"}


def test_a_pronoun_attribution_opening_a_paragraph_goes_to_the_last_paragraphs_speaker(extract_text):
    # a guard (passes on the old code too: its "another paragraph" check never fired): « a-t-il ajouté » at the
    # start of a new paragraph goes on with the one who spoke in the paragraph before, not the last person named
    doc = extract_text("Le maire Paul Dorin a annoncé mardi que la piscine, dessinée par l'architecte Henri Valo, "
                       "rouvrirait en mai.\nLes travaux ont coûté trois millions d'euros, a-t-il ajouté.")
    q = _by_text(doc)["Les travaux ont coûté trois millions d'euros"]
    assert q["speaker"] == "Paul Dorin"


def test_selon_an_unnamed_generic_source_is_no_speaker(extract_text):
    # « selon les spécialistes / des vétérinaires / les premiers récits / une première source … »: a plural or
    # indefinite common noun with no name or organisation tied to it names no one (eval/REAL.md leaves it out);
    # a collective actor (« selon les syndicats ») and a named source still speak
    doc = extract_text("Le troupeau de Louvière a été décimé en mars. Selon les spécialistes, la maladie venait de l'eau "
                       "du puits communal. Les bêtes avaient bu pendant deux jours, selon des vétérinaires. Selon les "
                       "premiers récits, le berger avait donné l'alerte trop tard. Selon une première source "
                       "judiciaire, une plainte a été déposée lundi. Selon les syndicats agricoles, les indemnités "
                       "arriveront en juin. Selon le vétérinaire Paul Dorin, le puits sera fermé tout l'été.")
    qs = _by_text(doc)
    assert not any("maladie" in t or "deux jours" in t or "alerte" in t or "plainte" in t for t in qs)
    assert "les indemnités arriveront en juin" in qs
    assert qs["le puits sera fermé tout l'été"]["speaker"] == "Paul Dorin"
