def places(doc):
    return {p["name"]: p for p in doc["places"]}


def test_seed_places_are_geocoded(seed_doc):
    ps = places(seed_doc)
    assert abs(ps["Kiev"]["lat"] - 50.45) < 0.1 and abs(ps["Kiev"]["lon"] - 30.52) < 0.1
    assert ps["Kiev"]["mentions"] == ["Kiev"] and ps["Kiev"]["kind"] == "city" and ps["Kiev"]["country"] == "UA"
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


def near(p, lat, lon, km=30):
    from newsmap.gazetteer import haversine_km

    return haversine_km(p["lat"], p["lon"], lat, lon) <= km


def by_mention(doc, mention):
    return next((p for p in doc["places"] if mention in p["mentions"]), None)


def test_village_and_canton_in_the_articles_country(extract_text):
    doc = extract_text("Deux randonneurs ont été emportés par une avalanche à Chamoson, en Valais, mercredi.")
    assert near(by_mention(doc, "Chamoson"), 46.20, 7.22, 10)
    valais = by_mention(doc, "Valais")
    assert valais["kind"] == "region" and valais["country"] == "CH"


def test_namesake_settled_by_the_places_around_it(extract_text):
    doc = extract_text("Une skieuse a été blessée à Chamoson, en Valais. Elle a été conduite à Sion dans la soirée.")
    assert near(by_mention(doc, "Sion"), 46.23, 7.36)  # not Jerusalem


def test_division_code_after_a_town(extract_text):
    doc = extract_text("Un randonneur a été retrouvé à Chamoson (VS) par les secours.")
    vs = by_mention(doc, "VS")
    assert vs["kind"] == "region" and vs["country"] == "CH" and vs["rule"] == "division-code"


def test_landmark_is_placed_at_the_town_named_with_it(extract_text):
    doc = extract_text("Le chanteur se produira à la Halle Tony-Garnier de Lyon en mai. "
                       "Les soignants de l'hôpital Saint-Pierre (Bruxelles) ont reçu la ministre.")
    halle = by_mention(doc, "Halle Tony-Garnier")
    assert halle["kind"] == "landmark" and near(halle, 45.76, 4.84, 10)  # not the German town of Halle
    assert near(by_mention(doc, "Lyon"), 45.76, 4.84)
    hosp = by_mention(doc, "hôpital Saint-Pierre")
    assert hosp["kind"] == "landmark" and near(hosp, 50.85, 4.35, 10)


def test_landmark_without_town_takes_the_town_of_its_sentence(extract_text):
    doc = extract_text("Le feu a pris au 4 chemin des Tilleuls, dans un quartier calme de Toulouse, vers midi.")
    assert near(by_mention(doc, "chemin des Tilleuls"), 43.60, 1.44, 10)


def test_town_inside_a_name(extract_text):
    doc = extract_text("Le réalisateur avait déjà reçu un prix au Festival de Cannes il y a deux ans.")
    assert near(by_mention(doc, "Cannes"), 43.55, 7.01)


def test_masculine_article_points_to_the_province(extract_text):
    doc = extract_text("Le gouvernement a promis que les tarifs au Québec resteraient bas.")
    p = by_mention(doc, "Québec")
    assert p["kind"] == "region" and p["rule"] == "ner-region-article"


def test_dateline_in_capitals(extract_text):
    doc = extract_text("BRUXELLES, Belgique | AFP\nLe gouvernement a présenté son budget mardi devant les députés.")
    assert near(by_mention(doc, "BRUXELLES"), 50.85, 4.35) and by_mention(doc, "BRUXELLES")["rule"] == "dateline"
    assert by_mention(doc, "Belgique")["kind"] == "country"


def test_descriptive_name(extract_text):
    doc = extract_text("Le maire de la cité phocéenne a inauguré le tramway lundi.")
    assert near(by_mention(doc, "la cité phocéenne"), 43.30, 5.37)


def test_region_of_a_country_named_in_the_article(extract_text):
    doc = extract_text("Au Cameroun, la région du Centre et le Littoral sont touchés par l'épidémie.")
    centre = by_mention(doc, "région du Centre")
    assert centre["kind"] == "region" and centre["country"] == "CM"
    assert by_mention(doc, "Littoral")["country"] == "CM"


def test_rd_congo_is_the_democratic_republic(extract_text):
    doc = extract_text("RD Congo. Les rebelles ont repris la ville de Goma.")
    assert by_mention(doc, "RD Congo")["country"] == "CD"


def test_large_region_is_not_reduced_to_its_continent(extract_text):
    doc = extract_text("Le pays passe pour une démocratie stable en Afrique de l'Ouest.")
    assert by_mention(doc, "Afrique de l'Ouest")["kind"] == "region"


def test_commune_with_an_article(extract_text):
    doc = extract_text("Les pompiers sont intervenus au Lavandou dimanche.")
    assert near(by_mention(doc, "Lavandou"), 43.14, 6.37)


def test_streets_of_a_town_are_the_town(extract_text):
    doc = extract_text("Les syndicats défileront dans les rues de Bruxelles vendredi.")
    assert near(by_mention(doc, "Bruxelles"), 50.85, 4.35)


def test_every_place_names_its_rule(seed_doc):
    assert all(p["rule"] for p in seed_doc["places"])


def test_first_names_and_common_words_are_not_places(extract_text):
    doc = extract_text("Marie a retrouvé Julien au marché. Le Centre a voté contre, a dit Paul.")
    assert not {m for p in doc["places"] for m in p["mentions"]} & {"Marie", "Julien", "Centre", "Paul"}


def test_capitalised_common_noun_inside_a_name_is_no_place(extract_text):
    doc = extract_text("La Police cantonale valaisanne a ouvert une enquête.")
    assert "Police" not in {m for p in doc["places"] for m in p["mentions"]}  # not Police, Poland


def test_division_of_an_unknown_country_is_not_guessed(extract_text):
    doc = extract_text("Les orages toucheront les départements de l'Est dimanche.")
    assert all(p["country"] != "BF" for p in doc["places"])


def test_saint_denis_in_an_article_on_la_reunion(extract_text):
    doc = extract_text("À La Réunion, le cyclone a privé d'électricité des milliers de foyers de Saint-Denis.")
    assert by_mention(doc, "Saint-Denis")["country"] == "RE" and near(by_mention(doc, "La Réunion"), -20.9, 55.45, 100)


def test_pass_is_not_placed_at_a_town_of_another_sentence(extract_text):
    doc = extract_text("Le festival s'ouvre à Avignon. Les coureurs franchiront le col du Tourmalet samedi.")
    assert by_mention(doc, "col du Tourmalet") is None


def test_small_place_of_the_articles_country_beats_a_foreign_town(extract_text):
    doc = extract_text("Burkina Faso : une attaque contre l'armée fait des morts dans le Soum.")
    soum = by_mention(doc, "Soum")
    assert soum["country"] == "BF"  # the province, not the Senegalese town of 5,000


def test_village_near_the_articles_places_beats_a_larger_namesake(extract_text):
    doc = extract_text("Seine-Maritime. Deux voitures se sont percutées dimanche à Saint-Arnoult, près de Caudebec.")
    assert near(by_mention(doc, "Saint-Arnoult"), 49.53, 0.67, 15)  # not Saint-Arnoult-en-Yvelines


def test_namesake_in_an_article_naming_no_country_is_the_readers_own(extract_text):
    doc = extract_text("Cinq jeunes ont été condamnés vendredi par le tribunal de Brest.")
    assert near(by_mention(doc, "Brest"), 48.39, -4.49)  # not Brest in Belarus, twice its size


def test_named_division_before_the_wider_region_of_that_name(extract_text):
    doc = extract_text("Au Burkina Faso, la province du Soum se trouve dans la région du Sahel.")
    sahel = by_mention(doc, "région du Sahel")
    assert sahel["country"] == "BF" and sahel["rule"] == "division"  # the region, not the Sahel belt


def test_plural_division_head_names_a_group(extract_text):
    doc = extract_text("Le Mali et le Burkina Faso ont formé l'Alliance des États du Sahel.")
    assert by_mention(doc, "Sahel")["country"] == ""  # the belt across the countries


def test_road_and_lieu_dit_are_placed_at_their_town(extract_text):
    doc = extract_text("Seine-Maritime. L'accident a eu lieu sur la route de Rouen à Saint-Arnoult, au lieu-dit Le Moulin Rouge.")
    assert near(by_mention(doc, "route de Rouen"), 49.53, 0.67, 10)  # at Saint-Arnoult, not at Rouen
    assert near(by_mention(doc, "lieu-dit Le Moulin Rouge"), 49.53, 0.67, 10)


def test_landmark_named_with_its_town_once_is_there_at_every_mention(extract_text):
    doc = extract_text("(Québec) Deux décès font l'objet d'une enquête à l'hôpital du Suroît. "
                       "Les urgences de l'hôpital du Suroît, à Salaberry-de-Valleyfield, débordent depuis lundi.")
    assert near(by_mention(doc, "hôpital du Suroît"), 45.25, -74.13, 10)  # not Québec city


def test_former_and_cultural_regions(extract_text):
    doc = extract_text("Le froid venu de Scandinavie gagnera la Suisse romande, mais le soleil reviendra en Languedoc Roussillon.")
    assert near(by_mention(doc, "Scandinavie"), 62.0, 15.0, 500)
    assert by_mention(doc, "Suisse romande")["country"] == "CH"
    assert near(by_mention(doc, "Languedoc Roussillon"), 43.6, 3.5, 150)  # not a hamlet called Languedoc


def test_descriptive_name_without_its_article(extract_text):
    doc = extract_text("La tournée débutera à Courbevoie, en région parisienne, puis passera par Lille.")
    assert near(by_mention(doc, "région parisienne"), 48.7, 2.5, 100)


def test_the_capital_of_the_articles_country_or_of_its_adjective(extract_text):
    doc = extract_text("Après Lille et Marseille, pour la capitale, la chanteuse a prévu quatre soirs. "
                       "Des drones ont visé la capitale ukrainienne. Douala, la capitale économique, est inondée.")
    caps = [p for p in doc["places"] if p["rule"] == "capital"]
    assert {p["name"]: p["country"] for p in caps} == {"Paris": "FR", "Kyiv": "UA"}  # not Douala's "capitale économique"


def test_city_is_shown_as_the_article_writes_it(extract_text):
    doc = extract_text("GENÈVE, 3 mars (ATS) - Le ministre est parti pour Moscou, puis pour Pékin. Il rentrera au Lavandou.")
    names = {p["name"] for p in doc["places"]}
    assert {"Genève", "Moscou", "Pékin", "Le Lavandou"} <= names and not names & {"Geneva", "Moscow", "Beijing"}


def test_raions_named_by_an_adjective_are_placed_at_their_seat(extract_text):
    doc = extract_text("Dans la région de Koursk, en Russie, les autorités évacuent les localités des districts de Rylsky "
                       "et Khomoutovsky.")
    assert near(by_mention(doc, "districts de Rylsky"), 51.57, 34.68, 50)  # Rylsk
    assert near(by_mention(doc, "Khomoutovsky"), 51.92, 34.55, 50)  # Khomutovka


def test_a_rulers_name_inside_a_name_is_no_place(extract_text):
    doc = extract_text("Au Maroc, la sécheresse frappe. Une aide de trois milliards viendra du Fonds Hassan II.")
    assert not {"Hassan", "II"} & {m for p in doc["places"] for m in p["mentions"]}  # not Hassan (India) nor Ii (Finland)


def test_street_with_no_town_near_it_is_in_the_articles_town(extract_text):
    doc = extract_text("Une marche est partie vendredi de Montréal.\n"
                       "Le cortège a ensuite occupé la rue Sherbrooke, coin McGill College, pendant une heure.")
    assert near(by_mention(doc, "rue Sherbrooke"), 45.50, -73.57, 10)
    assert near(by_mention(doc, "McGill College"), 45.50, -73.57, 10)


def test_dateline_glued_to_the_first_sentence(extract_text):
    doc = extract_text("BAMAKO-Les militaires ont arrêté le président de la transition lundi soir.")
    assert near(by_mention(doc, "BAMAKO"), 12.65, -8.0) and by_mention(doc, "BAMAKO")["rule"] == "dateline"


def test_facilities_listed_with_their_town_in_parentheses(extract_text):
    doc = extract_text("Trois classes ont fermé dans deux écoles de Val-des-Sources (la Passerelle et Masson).")
    for name in ("la Passerelle", "Masson"):
        p = by_mention(doc, name)
        assert p["kind"] == "landmark" and near(p, 45.77, -71.93, 10)
    doc = extract_text("En Algérie, le champ gazier de Tiguentourine (Illizi) a été visé par une attaque.")
    site, town = by_mention(doc, "Tiguentourine"), by_mention(doc, "Illizi")
    assert site["rule"] == "facility-in-parentheses" and (site["lat"], site["lon"]) == (town["lat"], town["lon"])
    doc = extract_text("Lyon (Lacazette) a battu Marseille (Payet) dimanche.")  # no facility: a team and its scorer
    assert by_mention(doc, "Lacazette") is None


def test_compass_regions_of_france_and_of_other_countries(extract_text):
    doc = extract_text("La canicule touche le Rhône et l'Isère. Il fera encore plus chaud demain dans le Sud-Ouest.")
    p = by_mention(doc, "Sud-Ouest")
    assert p["rule"] == "macro-region" and near(p, 44.0, 0.5, 200)
    doc = extract_text("Au Burkina Faso, des pluies sont attendues dans le Sud-Ouest, autour de Gaoua.")
    assert by_mention(doc, "Sud-Ouest")["country"] == "BF"
    doc = extract_text("Des orages sont attendus dans le Grand Ouest jeudi.")
    assert by_mention(doc, "Grand") is None and near(by_mention(doc, "Grand Ouest"), 47.8, -1.8, 200)


def test_country_inside_a_competitions_name(extract_text):
    doc = extract_text("Le club a remporté la Coupe de Belgique en battant Genk.")
    assert by_mention(doc, "Belgique")["kind"] == "country"


def test_road_by_its_number_is_at_the_town_of_its_sentence(extract_text):
    doc = extract_text("Un camion a quitté la chaussée sur le CR325 à hauteur d'Erpeldange, au Luxembourg. "
                       "La chaîne M6 a diffusé un reportage.")
    p = by_mention(doc, "CR325")
    assert p["kind"] == "landmark" and near(p, 49.86, 6.11, 10)
    assert by_mention(doc, "M6") is None


def test_village_missing_from_the_gazetteer_is_placed_at_its_division(extract_text):
    doc = extract_text("Les pompiers luttent contre un feu entre Gignac et Aumelas, dans l'Hérault.")
    p = by_mention(doc, "Aumelas")
    assert p["rule"] == "village-in-division" and p["source"] == "division-of-village" and near(p, 43.61, 3.88, 30)


def test_unknown_locality_in_a_local_story_is_in_its_town(extract_text):
    doc = extract_text("Huit jeunes ont été jugés à Brest, un mois après une vaste opération de police menée à Pontanézen.")
    p = by_mention(doc, "Pontanézen")
    assert p["rule"] == "unknown-locality" and p["source"] == "town-of-context" and near(p, 48.39, -4.49, 10)
    doc = extract_text("Genk a battu Anderlecht et Bruges avant de ramener le trophée à Pontanézen.")  # no town ahead
    assert by_mention(doc, "Pontanézen") is None


def test_a_name_after_an_article_is_no_foreign_town(extract_text):
    doc = extract_text("Le groupe jouera deux soirs à l'Olympia cet hiver, a annoncé son label.")
    assert by_mention(doc, "Olympia") is None  # the Paris hall, not Olympia (Washington)
    doc = extract_text("Le navire a quitté Le Havre mardi.")
    assert near(by_mention(doc, "Le Havre"), 49.49, 0.11)


def test_small_foreign_namesake_far_from_a_local_story_is_dropped(extract_text):
    doc = extract_text("Des incendies menacent Edson et Edmonton. Les flammes ont atteint la communauté de Fox Lake.")
    assert by_mention(doc, "Edmonton") and by_mention(doc, "Fox Lake") is None  # not Fox Lake, Illinois


def test_a_town_named_with_its_division_is_in_that_division(extract_text):
    doc = extract_text("Éboulement à Blatten\nLa masse des débris à Blatten (VS) atteint 100 mètres. Le campus appartient à "
                       "l'Université de Hasselt (Limbourg).")
    for s, e in by_mention(doc, "Blatten")["spans"]:  # the headline's Blatten too: not Blatten near Zurich
        assert doc["article"]["text"][s:e] == "Blatten"
    blatten = by_mention(doc, "Blatten")
    assert blatten["count"] == 2 and blatten["rule"] == "town-of-division" and near(blatten, 46.42, 7.82)  # at Valais
    assert near(by_mention(doc, "Hasselt"), 50.93, 5.34, 10)  # the Limburg town, not the town of Limbourg (Liège)


def test_hyphenated_route_names_are_their_towns(extract_text):
    doc = extract_text("Des perturbations sont à prévoir sur les lignes Dijon-Laroche et Nevers-Laroche-Paris samedi, "
                       "a indiqué la SNCF. Jean-Marc Dupont était à Dijon.")
    assert near(by_mention(doc, "Laroche"), 47.97, 3.49) and by_mention(doc, "Laroche")["rule"] == "place-compound"
    assert near(by_mention(doc, "Paris"), 48.85, 2.35) and by_mention(doc, "Nevers")
    assert by_mention(doc, "Jean") is None and by_mention(doc, "Marc") is None


def test_a_division_of_several_words_that_ner_cuts_short(extract_text):
    doc = extract_text("La Belgique panse ses plaies. L'eau reste haute, notamment en Brabant flamand et en Wallonie. "
                       "Consultez le site des TER - Bourgogne Franche Comté.")
    assert by_mention(doc, "Brabant flamand")["kind"] == "region" and near(by_mention(doc, "Brabant flamand"), 50.88, 4.56, 50)
    assert near(by_mention(doc, "Bourgogne Franche Comté"), 47.2, 4.8, 100)


def test_dateline_with_its_date(extract_text):
    doc = extract_text("Kaya, le 21 novembre 2025 (AIB) – La directrice a présenté jeudi une communication sur l'agence.")
    assert by_mention(doc, "Kaya")["rule"] == "dateline" and near(by_mention(doc, "Kaya"), 13.09, -1.08)


def test_a_place_inside_an_organisations_name(extract_text):
    doc = extract_text("Le porte-parole de la Garde nationale de Tunis a parlé de Sfax. "
                       "La directrice de l'Agence d'information du Burkina (AIB) a présenté son bilan.")
    assert near(by_mention(doc, "Tunis"), 36.81, 10.18) and by_mention(doc, "Tunis")["rule"] == "place-in-org"
    assert by_mention(doc, "Burkina")["country"] == "BF"


def test_an_hotel_is_placed_at_the_town_of_its_paragraph(extract_text):
    doc = extract_text("Des gangs ont attaqué Port-au-Prince. Des tirs près de l'hôtel Oloffson ont fait fuir des élèves.")
    assert near(by_mention(doc, "hôtel Oloffson"), 18.54, -72.34, 10)


def test_an_arrondissement_is_in_its_town(extract_text):
    doc = extract_text("Les startups se sont réunies à Lyon, au rez-de-chaussée d'une tour du 7e arrondissement de Lyon.")
    p = by_mention(doc, "7e arrondissement")
    assert p["kind"] == "district" and p["rule"] == "arrondissement" and near(p, 45.733, 4.84, 5)


def test_au_tour_de_is_no_tower(extract_text):
    doc = extract_text("Après le Ghana, c'est au tour de la Côte d'Ivoire d'ouvrir sa campagne de vaccination à Abidjan.")
    assert by_mention(doc, "Côte d'Ivoire")["kind"] == "country" and by_mention(doc, "tour de la Côte d'Ivoire") is None


def test_a_listed_name_is_not_taken_as_a_division_of_several_words(extract_text):
    doc = extract_text("Le cyclone se dirige vers La Réunion. Le préfet de La Réunion a déclenché l'alerte.")
    assert by_mention(doc, "La Réunion")["kind"] == "region"  # the list's département, never a country (an actor)


def test_la_region_de_a_large_city_is_drawn_at_the_city(extract_text):
    doc = extract_text("La Garde nationale a mené des opérations contre l'immigration irrégulière dans la région de Sfax, en Tunisie.")
    p = by_mention(doc, "région de Sfax")
    assert p["kind"] == "region" and near(p, 34.74, 10.76, 5)  # the governorate's middle lies 40 km inland


def test_a_village_listed_with_a_small_town_is_next_to_it(extract_text):
    doc = extract_text("Le géologue du canton du Valais a prévenu : « Nous devrions évacuer les villages de Gampel et de Steg ».")
    p = by_mention(doc, "Steg")
    assert p["rule"] == "village-in-list" and near(p, 46.315, 7.75, 10)
    doc = extract_text("À Gampel, en Valais, Jean Dupont a témoigné.")
    assert by_mention(doc, "Jean Dupont") is None
    doc = extract_text("Les troupes ont pris les localités de Serednye et de Klebanka, dans l'est de l'Ukraine, près de Donetsk.")
    assert by_mention(doc, "Klebanka") is None  # beside a namesake 1,000 km from the story: not placed


def test_a_river_named_alone_is_in_the_area_of_the_storys_town(extract_text):
    doc = extract_text("Un éboulement a frappé Brigue, en Valais. Les secours restent à Brigue.\n"
                       "Un autre risque subsiste avec la rivière Lonza, qui pourrait déborder.")
    p = by_mention(doc, "rivière Lonza")
    assert p["kind"] == "landmark" and near(p, 46.32, 7.99, 10)  # at Brig, the town the story is set in


def test_a_hyphenated_name_is_split_only_into_towns_of_one_country(extract_text):
    doc = extract_text("Un incendie a touché un immeuble du Petit-Lancy, près de Genève, ce vendredi.")
    assert by_mention(doc, "Petit") is None  # not the Algerian town
    doc = extract_text("Des pillages ont suivi la finale France-Croatie dimanche à Lyon.")
    assert by_mention(doc, "Croatie") is None  # a match, not a place


def test_a_namesake_is_the_one_near_the_storys_places_named_later(extract_text):
    # the two Vienne: the département (placed at Poitiers) and the town of Isère; the Isère towns come after the name
    doc = extract_text("Marie Dupont, ancienne sous-préfète de Vienne, a piloté le projet. L'usine de Roussillon "
                       "emploie 120 salariés, près de Salaise-sur-Sanne.")
    p = by_mention(doc, "Vienne")
    assert p["rule"] == "closest-namesake" and near(p, 45.53, 4.87, 5)
    # two Malagasy towns are called Brickaville: the one by Moramanga
    doc = extract_text("Le cyclone a touché terre au niveau de Brickaville. Sept morts ont été recensés à Moramanga.")
    assert near(by_mention(doc, "Brickaville"), -18.82, 49.07, 10)
    # a known city is never traded for a small namesake near the story's towns
    doc = extract_text("Elle jouera à Lille, Marseille ou Bordeaux.")
    assert near(by_mention(doc, "Marseille"), 43.30, 5.37, 10)


def test_le_before_a_name_is_the_region(extract_text):
    doc = extract_text("Une tempête hivernale s'abat sur le Québec et l'Ontario. La ville de Québec est paralysée.")
    assert by_mention(doc, "Québec")["kind"] == "region"


def test_la_capitale_federale_is_the_countrys_capital(extract_text):
    doc = extract_text("Hydro Ottawa fait état de pannes en Ontario, dans la capitale fédérale et à Casselman, au Canada.")
    assert near(by_mention(doc, "la capitale fédérale"), 45.42, -75.70, 10)


def test_la_grande_ile_is_madagascar_only_with_its_capitals(extract_text):
    doc = extract_text("Le cyclone a frappé la Grande Ile, puis il a touché une grande île voisine.")
    assert by_mention(doc, "la Grande Ile")["country"] == "MG"
    assert by_mention(doc, "une grande île") is None and by_mention(doc, "grande île") is None


def test_a_camping_and_a_bar_are_landmarks_at_their_town(extract_text):
    doc = extract_text("L'accident a eu lieu face au camping Tohapi Saint-Jacques à Sarzeau, dans le Morbihan. "
                       "La voiture a quitté la rue entre le bar Le Winch et le camping.")
    p = by_mention(doc, "camping Tohapi Saint-Jacques")
    assert p["kind"] == "landmark" and near(p, 47.53, -2.76, 5)
    assert by_mention(doc, "Saint-Jacques") is None or by_mention(doc, "Saint-Jacques")["kind"] == "landmark"
    assert by_mention(doc, "bar Le Winch")["kind"] == "landmark"


def test_a_town_ner_took_for_a_person_after_a_cue(extract_text):
    doc = extract_text("Tiémoko Meyliet Koné a exprimé, samedi, au parc des rois de Krindjabo, sa reconnaissance aux populations "
                       "du Sud-Comoé.")  # NER: "Krindjabo" PER
    assert near(by_mention(doc, "Krindjabo"), 5.40, -3.21, 10)
    doc = extract_text("Hydro Ottawa alimente des habitations dans la capitale fédérale et à Casselman, en Ontario.")
    assert near(by_mention(doc, "Casselman"), 45.32, -75.08, 10)
    doc = extract_text("Jean Casselman a parlé à Ottawa, au Canada. Selon Casselman, tout va bien.")
    assert by_mention(doc, "Casselman") is None  # a surname


def test_la_ville_de_x_is_the_town_not_the_division(extract_text):
    doc = extract_text("La tempête s'abat sur le Québec. Les régions touchées sont l'Outaouais et la ville de Québec.")
    towns = [p for p in doc["places"] if p["name"] == "Québec" and p["kind"] == "city"]
    assert towns and near(towns[0], 46.81, -71.21, 10)


def test_a_local_business_is_in_the_storys_town_not_where_someone_comes_from(extract_text):
    doc = extract_text("L'accident a eu lieu à Sarzeau. Le conducteur habite près de Sarzeau.\n"
                       "Il s'engage entre le bar Le Winch et le camping, et percute deux frères originaires de Changé.")
    assert near(by_mention(doc, "bar Le Winch"), 47.53, -2.76, 5)


def test_a_ministry_of_a_common_noun_is_no_town(extract_text):
    doc = extract_text("Le ministre de la Santé, Charlemagne Ouedraogo, a lancé la campagne à Ouagadougou.")
    assert by_mention(doc, "Santé") is None


def test_documented_rows_are_found_by_whole_names_longest_first_and_capitalised():
    from types import SimpleNamespace

    from newsmap.places import _ExtraMatcher

    rows = [{"name": "Nord", "aliases": []}, {"name": "Mer du Nord", "aliases": ["mer du Nord"]},
            {"name": "Ain", "aliases": []}, {"name": "Côte-d'Or", "aliases": []}]
    m = _ExtraMatcher(SimpleNamespace(extra=rows))
    text = "Ainsi, la mer du Nord, l'AIN et la Côte-d'Or; ain; Nord-Est, Nord."
    found = [(text[s:e], row["name"]) for s, e, row in m.find(text)]
    assert found == [("mer du Nord", "Mer du Nord"), ("AIN", "Ain"), ("Côte-d'Or", "Côte-d'Or"), ("Nord", "Nord")]


def test_a_generic_word_or_a_hyphenated_piece_of_a_name_is_no_town(extract_text):
    names = places(extract_text("Un séisme a été ressenti à Salazie, selon le Bureau central sismologique français. "
                                "Il a été localisé au nord de Grand Étang, sur l'île."))
    assert "Grand" not in names
    doc = extract_text("Alise-Sainte-Reine : le musée rouvre\n"
                       "Les visiteurs étaient nombreux samedi dans le musée installé à Alise-Sainte-Reine.")
    names = places(doc)
    assert not any(n.startswith("Sainte") for n in names)
    assert names["Alise-Sainte-Reine"]["country"] == "FR" and names["Alise-Sainte-Reine"]["count"] == 2


def test_natural_regions_volcanoes_and_historic_sites_of_the_extra_list(extract_text):
    doc = extract_text("Les orages gagneront la Bourgogne, la Lorraine et la Champagne. L'Observatoire volcanologique du piton "
                       "de la Fournaise a enregistré un séisme au nord de Grand Étang. Le MuséoParc Alésia rouvre.")
    names = places(doc)
    assert "Champagné" not in names and near(names["Champagne"], 49.0, 4.1, 100)
    assert names["Piton de la Fournaise"]["country"] == "RE" and names["Grand Étang"]["country"] == "RE"
    assert near(names["Alésia"], 47.54, 4.49, 5)


def test_a_landmark_with_no_town_near_it_keeps_the_place_in_its_name(extract_text):
    doc = extract_text("La rentrée a eu lieu lundi.\nLe Collège du Vercors a ouvert ses portes, a indiqué le Département.")
    assert places(doc)["Vercors"]["kind"] == "region"


def test_a_massif_in_a_route_name_is_one_of_its_parts(extract_text):
    doc = extract_text("Les trains seront rares samedi sur les lignes Dijon-Laroche et Morvan-Laroche-Paris.")
    assert places(doc)["Morvan"]["kind"] == "region"


def test_a_division_named_without_its_article(extract_text):
    doc = extract_text("Il pleuvra sur les Pays de Loire, la Normandie et l'Île-de-France.")
    p = places(doc)["Pays de la Loire"]
    assert p["kind"] == "region" and p["mentions"] == ["Pays de Loire"]


def test_a_place_after_du_in_an_organisations_name_is_the_division(extract_text):
    doc = extract_text("Un accident est survenu dans le centre-ville de Rivière-du-Loup. Selon le reconstitutionniste de la "
                       "Sûreté du Québec, la minifourgonnette roulait à 93 km/h.\n"
                       "Le véhicule a tourné sur la rue Desjardins. Selon le technicien de la Sûreté du Québec, il roulait vite.")
    quebec = by_mention(doc, "Québec")
    assert (quebec["kind"], quebec["rule"]) == ("region", "place-in-org")
    assert near(by_mention(doc, "rue Desjardins"), 47.83, -69.54)  # the story's town, not Québec City


def test_a_division_several_countries_have_follows_the_storys_towns(extract_text):
    doc = extract_text("Le nouveau gouvernement s'est installé mercredi à Delémont. Son doyen a salué le jour où "
                       "Moutier entrera dans le canton du Jura.")
    jura = by_mention(doc, "canton du Jura")
    assert (jura["country"], jura["rule"]) == ("CH", "division-late") and near(jura, 47.36, 7.16, km=40)


def test_la_cite_prevotoise_is_moutier(extract_text):
    doc = extract_text("Le doyen a salué l'arrivée de la cité prévôtoise dans le canton, à Delémont.")
    assert near(by_mention(doc, "la cité prévôtoise"), 47.28, 7.37)


def test_a_swiss_story_by_its_region_places_bienne_in_switzerland(extract_text):
    doc = extract_text("L'horlogerie recrute dans l'Arc jurassien.\n"
                       "Deux fabricants ont embauché, l'un à Bienne, l'autre à Fontainemelon.")
    assert by_mention(doc, "Arc jurassien")["country"] == "CH"
    assert near(by_mention(doc, "Bienne"), 47.14, 7.25) and near(by_mention(doc, "Fontainemelon"), 47.05, 6.89)


def test_quebecs_administrative_regions(extract_text):
    doc = extract_text("Le maire de Lévis veut un lien entre la Chaudière-Appalaches et la Capitale-Nationale.")
    assert near(by_mention(doc, "Chaudière-Appalaches"), 46.35, -70.75, km=100)
    assert by_mention(doc, "Capitale-Nationale")["kind"] == "region"


def test_the_second_city_of_a_country_names_the_country(extract_text):
    doc = extract_text("Kharkiv, deuxième ville d'Ukraine, a de nouveau été visée par des frappes.")
    assert by_mention(doc, "Ukraine")["kind"] == "country" and by_mention(doc, "Ukraine")["country"] == "UA"


def test_the_town_after_a_persons_full_name(extract_text):
    doc = extract_text("Une collision a eu lieu au centre-ville de Rivière-du-Loup. La conductrice en cause, "
                       "Julie Gagnon de Saint-Pascal, a reconnu sa faute.")
    p = by_mention(doc, "Saint-Pascal")
    assert p and near(p, 47.52, -69.80) and p["rule"] == "person-tagged-place"


def test_the_country_around_a_town_named_by_its_adjective(extract_text):
    doc = extract_text("Lundi, c'est le secteur du Roannais, dans la Loire, qui a enregistré les plus fortes précipitations.")
    p = by_mention(doc, "Roannais")
    assert p and near(p, 46.04, 4.07) and p["rule"] == "town-country"
    doc = extract_text("Le Lyonnais Karim Benzema a marqué à Madrid.")  # a person from Lyon, not the area
    assert by_mention(doc, "Lyonnais") is None


def test_a_street_named_after_a_date(extract_text):
    doc = extract_text("Huit partis défileront au Boulevard du 20 mai vendredi.\nLa répétition a eu lieu mercredi à Yaoundé.")
    p = by_mention(doc, "Boulevard du 20 mai")
    assert p and p["kind"] == "landmark" and near(p, 3.87, 11.52)


def test_an_unknown_district_after_a_la_in_a_local_story(extract_text):
    doc = extract_text("La campagne de vaccination a été lancée à Ouagadougou. Le ministre est arrivé dans les locaux du CFOP "
                       "sise à la Zone du bois.")
    p = by_mention(doc, "Zone du bois")
    assert p and p["rule"] == "unknown-locality" and near(p, 12.37, -1.53, km=10)
