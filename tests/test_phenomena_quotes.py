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
