"""Place and date phenomena of published news (issue 8, round 9), each as a minimal sentence written for the test."""
import datetime as dt

from newsmap.dates import find_dates
from newsmap.gazetteer import haversine_km

MON = dt.date(2023, 5, 15)  # a Monday


def near(p, lat, lon, km=30):
    return haversine_km(p["lat"], p["lon"], lat, lon) <= km


def covering(doc, mention):
    """The place whose spans cover the first occurrence of ``mention`` (as the scorer looks it up)."""
    i = doc["text"].find(mention) if "text" in doc else None
    return [p for p in doc["places"] if any(s <= i < e for s, e in p["spans"])] if i is not None else \
        [p for p in doc["places"] if mention in p["mentions"]]


def test_ce_weekday_told_in_the_past_is_the_day_before_a_monday_publication(nlp):
    text = "Trois contrôles routiers ont eu lieu ce samedi sur la côte, et deux autres ce dimanche en ville."
    (d,) = [d for d in find_dates(text, MON, nlp(text)) if d["mention"] == "ce dimanche"]
    assert d["value"] == "2023-05-14"  # the Sunday just past, not the one coming


def test_ce_weekday_in_the_present_still_points_to_the_coming_day(nlp):
    text = "Le conseil municipal se réunit ce jeudi pour voter le budget."
    (d,) = [d for d in find_dates(text, MON, nlp(text)) if d["mention"] == "ce jeudi"]
    assert d["value"] == "2023-05-18"


def test_province_after_du_inside_an_organisation_name(extract_text):
    doc = extract_text("La Sûreté du Québec, appelée sur les lieux, confirme la version des témoins.", "2023-05-15")
    (p,) = [p for p in doc["places"] if "Québec" in p["mentions"]]
    assert p["kind"] == "region" and p["rule"] == "ner-subspan-region-article"  # the province's police, not the city


def test_building_named_in_common_words_is_at_the_town_after_it(extract_text):
    doc = extract_text("L'audience s'est tenue jeudi au palais de justice de Rennes, devant une salle comble.")
    (p,) = [p for p in doc["places"] if "palais de justice" in p["mentions"]]
    assert p["kind"] == "landmark" and p["rule"] == "landmark-described" and near(p, 48.11, -1.68, 10)
    assert any("Rennes" in q["mentions"] for q in doc["places"])  # the town is a place of its own too


def test_building_of_a_locality_the_gazetteer_lacks_is_at_the_town_of_its_sentence(extract_text):
    doc = extract_text("À Mbour, la ministre a inauguré mardi le lycée agricole de Kelle Ngor, construit en deux ans.",
                       "2023-05-16")
    (p,) = [p for p in doc["places"] if any("Kelle Ngor" in m for m in p["mentions"])]
    assert p["kind"] == "landmark" and near(p, 14.42, -16.96, 30)  # at Mbour, the locality's town


def test_building_far_from_the_only_town_named_is_in_that_town(extract_text):
    doc = extract_text("NANTES : UNE EXPOSITION EN PLEIN AIR\n\nFaute de pouvoir ouvrir ses salles, le musée des Tanneurs "
                       "présente ses œuvres dehors pendant un mois.")
    (p,) = [p for p in doc["places"] if "musée des Tanneurs" in p["mentions"]]
    assert p["rule"] == "landmark-article-town" and near(p, 47.22, -1.55, 10)


def test_landmark_town_known_only_once_the_story_country_is_found(extract_text):
    doc = extract_text("Une alarme a retenti à Rimouski lundi. Elle rappelait le feu de la Villa des Pins de Trois-Pistoles, "
                       "il y a quatre ans.")
    (p,) = [p for p in doc["places"] if "Villa des Pins" in p["mentions"]]
    assert near(p, 48.12, -69.17, 10)  # at Trois-Pistoles, a small town of Québec, not dropped


def test_typographic_hyphen_inside_a_street_name(extract_text):
    doc = extract_text("Le cortège a descendu la rue Alsace\u2010Lorraine à Toulouse samedi.")
    assert [p["name"] for p in doc["places"] if "Lorraine" in p["name"]] == ["Rue Alsace-Lorraine"]  # not the region


def test_metro_station_is_a_landmark_of_the_town(extract_text):
    doc = extract_text("Une tente a été dressée à Toulouse, face à la bouche de métro Jaurès, pour la campagne.")
    (p,) = [p for p in doc["places"] if "métro Jaurès" in p["mentions"]]
    assert near(p, 43.60, 1.44, 10)


def test_island_row_taken_only_in_an_article_on_its_country(extract_text):
    on_island = extract_text("À Maurice, la saison des pluies commence ; Rodrigues a reçu 80 millimètres en une nuit.")
    (p,) = [p for p in on_island["places"] if "Rodrigues" in p["mentions"]]
    assert p["kind"] == "island" and near(p, -19.71, 63.43, 50)
    elsewhere = extract_text("Le milieu de terrain Rodrigues a marqué deux buts pour Lorient samedi.")
    assert not [p for p in elsewhere["places"] if "Rodrigues" in p["mentions"]]  # a player, not the island


def test_valley_row_of_a_country_named_through_its_canton(extract_text):
    doc = extract_text("Berger en Valais, il a perdu neuf brebis dans la vallée de Conches la semaine passée.")
    (p,) = [p for p in doc["places"] if "vallée de Conches" in p["mentions"]]
    assert p["country"] == "CH" and near(p, 46.45, 8.2, 50)  # not dropped as a valley with no town in its sentence


def test_plural_divisions_of_a_country_name_the_country(extract_text):
    # « les provinces de X » (plural) names X itself, the country: never a made-up division called X
    doc = extract_text("Le vent de sable a coupé les routes de plusieurs provinces du Koweït depuis mardi.")
    assert not [p for p in doc["places"] if p["kind"] == "region"]
    (p,) = [p for p in doc["places"] if "Koweït" in p["mentions"]]
    assert p["kind"] == "country"
