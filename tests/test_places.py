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
    doc = extract_text("Une panne de courant a touché la région de Vinnytsia dans la matinée.")
    p = places(doc)["Région de Vinnytsia"]
    assert p["source"] == "derived-from-city" and p["country"] == "UA"


def near(p, lat, lon, km=30):
    from newsmap.gazetteer import haversine_km

    return haversine_km(p["lat"], p["lon"], lat, lon) <= km


def by_mention(doc, mention):
    return next((p for p in doc["places"] if mention in p["mentions"]), None)


def test_village_and_canton_in_the_articles_country(extract_text):
    doc = extract_text("Une fromagerie a ouvert ses portes à Chamoson, en Valais, samedi.")
    assert near(by_mention(doc, "Chamoson"), 46.20, 7.22, 10)
    valais = by_mention(doc, "Valais")
    assert valais["kind"] == "region" and valais["country"] == "CH"


def test_namesake_settled_by_the_places_around_it(extract_text):
    doc = extract_text("Un cycliste a chuté à Chamoson, en Valais. Il a été transporté à Sion en fin de journée.")
    assert near(by_mention(doc, "Sion"), 46.23, 7.36)  # not Jerusalem


def test_division_code_after_a_town(extract_text):
    doc = extract_text("Un concert de cuivres sera donné à Chamoson (VS) en juin.")
    vs = by_mention(doc, "VS")
    assert vs["kind"] == "region" and vs["country"] == "CH" and vs["rule"] == "division-code"


def test_landmark_is_placed_at_the_town_named_with_it(extract_text):
    doc = extract_text("La patineuse présentera son spectacle dans l'immense Halle Tony-Garnier de Lyon en octobre. "
                       "Un nouveau scanner a été livré à l'hôpital Brugmann (Bruxelles) jeudi.")
    halle = by_mention(doc, "Halle Tony-Garnier")
    assert halle["kind"] == "landmark" and near(halle, 45.76, 4.84, 10)  # not the German town of Halle
    assert near(by_mention(doc, "Lyon"), 45.76, 4.84)
    hosp = by_mention(doc, "hôpital Brugmann")
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
    doc = extract_text("Au Cameroun, la région du Centre et le Littoral recevront de nouvelles routes.")
    centre = by_mention(doc, "région du Centre")
    assert centre["kind"] == "region" and centre["country"] == "CM"
    assert by_mention(doc, "Littoral")["country"] == "CM"


def test_rd_congo_is_the_democratic_republic(extract_text):
    doc = extract_text("RD Congo. Les rebelles ont repris la ville de Goma.")
    assert by_mention(doc, "RD Congo")["country"] == "CD"


def test_large_region_is_not_reduced_to_its_continent(extract_text):
    doc = extract_text("Cette chanteuse est très connue en Afrique de l'Ouest.")
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
    doc = extract_text("La Police cantonale jurassienne a lancé un appel à témoins.")
    assert "Police" not in {m for p in doc["places"] for m in p["mentions"]}  # not Police, Poland


def test_division_of_an_unknown_country_is_not_guessed(extract_text):
    doc = extract_text("Les orages toucheront les départements de l'Est dimanche.")
    assert all(p["country"] != "BF" for p in doc["places"])


def test_saint_denis_in_an_article_on_la_reunion(extract_text):
    doc = extract_text("À La Réunion, la fête de la musique a réuni des milliers d'habitants de Saint-Denis.")
    assert by_mention(doc, "Saint-Denis")["country"] == "RE" and near(by_mention(doc, "La Réunion"), -20.9, 55.45, 100)


def test_pass_is_not_placed_at_a_town_of_another_sentence(extract_text):
    doc = extract_text("Le festival s'ouvre à Avignon. Les coureurs franchiront le col du Tourmalet samedi.")
    assert by_mention(doc, "col du Tourmalet") is None


def test_small_place_of_the_articles_country_beats_a_foreign_town(extract_text):
    doc = extract_text("Burkina Faso : une école rouvre ses classes dans le Soum.")
    soum = by_mention(doc, "Soum")
    assert soum["country"] == "BF"  # the province, not the Senegalese town of 5,000


def test_village_near_the_articles_places_beats_a_larger_namesake(extract_text):
    doc = extract_text("Seine-Maritime. Une kermesse est organisée samedi à Saint-Arnoult, près de Caudebec.")
    assert near(by_mention(doc, "Saint-Arnoult"), 49.53, 0.67, 15)  # not Saint-Arnoult-en-Yvelines


def test_namesake_in_an_article_naming_no_country_is_the_readers_own(extract_text):
    doc = extract_text("Trois vols de vélos ont été jugés mardi par le tribunal de Brest.")
    assert near(by_mention(doc, "Brest"), 48.39, -4.49)  # not Brest in Belarus, twice its size


def test_named_division_before_the_wider_region_of_that_name(extract_text):
    doc = extract_text("Au Burkina Faso, la province du Soum se trouve dans la région du Sahel.")
    sahel = by_mention(doc, "région du Sahel")
    assert sahel["country"] == "BF" and sahel["rule"] == "division"  # the region, not the Sahel belt


def test_plural_division_head_names_a_group(extract_text):
    doc = extract_text("Le Mali et le Burkina Faso ont formé l'Alliance des États du Sahel.")
    assert by_mention(doc, "Sahel")["country"] == ""  # the belt across the countries


def test_road_and_lieu_dit_are_placed_at_their_town(extract_text):
    doc = extract_text("Seine-Maritime. Un rond-point sera construit sur la route de Rouen à Saint-Arnoult, au lieu-dit Haute Rive.")
    assert near(by_mention(doc, "route de Rouen"), 49.53, 0.67, 10)  # at Saint-Arnoult, not at Rouen
    assert near(by_mention(doc, "lieu-dit Haute Rive"), 49.53, 0.67, 10)


def test_landmark_named_with_its_town_once_is_there_at_every_mention(extract_text):
    doc = extract_text("(Québec) Une nouvelle aile ouvrira bientôt à l'hôpital du Suroît. "
                       "Les patients de l'hôpital du Suroît, à Salaberry-de-Valleyfield, l'attendent depuis deux ans.")
    assert near(by_mention(doc, "hôpital du Suroît"), 45.25, -74.13, 10)  # not Québec city


def test_former_and_cultural_regions(extract_text):
    doc = extract_text("Le froid venu de Scandinavie gagnera la Suisse romande, mais le soleil reviendra en Languedoc Roussillon.")
    assert near(by_mention(doc, "Scandinavie"), 62.0, 15.0, 500)
    assert by_mention(doc, "Suisse romande")["country"] == "CH"
    assert near(by_mention(doc, "Languedoc Roussillon"), 43.6, 3.5, 150)  # not a hamlet called Languedoc


def test_descriptive_name_without_its_article(extract_text):
    doc = extract_text("Le salon ouvrira à Nanterre, en région parisienne, le mois prochain.")
    assert near(by_mention(doc, "région parisienne"), 48.7, 2.5, 100)


def test_the_capital_of_the_articles_country_or_of_its_adjective(extract_text):
    doc = extract_text("Après Nantes et Toulouse, pour la capitale, le cirque a prévu trois dates. "
                       "Une panne a privé de courant la capitale ukrainienne. Abidjan, la capitale économique, accueille un salon.")
    caps = [p for p in doc["places"] if p["rule"] == "capital"]
    assert {p["name"]: p["country"] for p in caps} == {"Paris": "FR", "Kyiv": "UA"}  # not Abidjan's "capitale économique"


def test_city_is_shown_as_the_article_writes_it(extract_text):
    doc = extract_text("GENÈVE, 3 mars (ATS) - Le ministre est parti pour Moscou, puis pour Pékin. Il rentrera au Lavandou.")
    names = {p["name"] for p in doc["places"]}
    assert {"Genève", "Moscou", "Pékin", "Le Lavandou"} <= names and not names & {"Geneva", "Moscow", "Beijing"}


def test_raions_named_by_an_adjective_are_placed_at_their_seat(extract_text):
    doc = extract_text("Dans la région de Koursk, en Russie, de nouvelles routes relieront bientôt les villages des districts "
                       "de Khomoutovsky et Rylsky.")
    assert near(by_mention(doc, "districts de Khomoutovsky"), 51.92, 34.55, 50)  # Khomutovka
    assert near(by_mention(doc, "Rylsky"), 51.57, 34.68, 50)  # Rylsk


def test_a_rulers_name_inside_a_name_is_no_place(extract_text):
    doc = extract_text("Au Maroc, le festival revient. Une aide de cinq millions viendra du Fonds Hassan II.")
    assert not {"Hassan", "II"} & {m for p in doc["places"] for m in p["mentions"]}  # not Hassan (India) nor Ii (Finland)


def test_street_with_no_town_near_it_is_in_the_articles_town(extract_text):
    doc = extract_text("Un défilé de mode s'est tenu samedi à Montréal.\n"
                       "Les mannequins ont ensuite posé rue Sainte-Catherine, coin McGill College, pendant une heure.")
    assert near(by_mention(doc, "rue Sainte-Catherine"), 45.50, -73.57, 10)
    assert near(by_mention(doc, "McGill College"), 45.50, -73.57, 10)


def test_dateline_glued_to_the_first_sentence(extract_text):
    doc = extract_text("BAMAKO-Les commerçants du grand marché ont rouvert leurs boutiques lundi matin.")
    assert near(by_mention(doc, "BAMAKO"), 12.65, -8.0) and by_mention(doc, "BAMAKO")["rule"] == "dateline"


def test_facilities_listed_with_their_town_in_parentheses(extract_text):
    doc = extract_text("Un spectacle sera joué dans trois écoles de Val-des-Sources (Boisvert et la Clairière).")
    for name in ("la Clairière", "Boisvert"):
        p = by_mention(doc, name)
        assert p["kind"] == "landmark" and near(p, 45.77, -71.93, 10)
    doc = extract_text("En Algérie, la centrale de Tiguentourine (Illizi) emploie des centaines de techniciens.")
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
    doc = extract_text("Des travaux de voirie ralentiront le trafic sur le CR348 à hauteur d'Erpeldange, au Luxembourg. "
                       "La chaîne M6 a diffusé un reportage.")
    p = by_mention(doc, "CR348")
    assert p["kind"] == "landmark" and near(p, 49.86, 6.11, 10)
    assert by_mention(doc, "M6") is None


def test_village_missing_from_the_gazetteer_is_placed_at_its_division(extract_text):
    doc = extract_text("Une course à pied reliera dimanche Montarnaud et Aumelas, dans l'Hérault.")
    p = by_mention(doc, "Aumelas")
    assert p["rule"] == "village-in-division" and p["source"] == "division-of-village" and near(p, 43.61, 3.88, 30)


def test_unknown_locality_in_a_local_story_is_in_its_town(extract_text):
    doc = extract_text("Trois écoles ont été rénovées à Brest, un an après une grande fête de quartier organisée à Pontanézen.")
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
    doc = extract_text("Une chorale a chanté à Edson et Edmonton. Ses membres ont visité la communauté de Fox Lake mardi.")
    assert by_mention(doc, "Edmonton") and by_mention(doc, "Fox Lake") is None  # not Fox Lake, Illinois


def test_a_town_named_with_its_division_is_in_that_division(extract_text):
    doc = extract_text("Concert à Blatten\nLe chœur chantera à Blatten (VS) devant 300 personnes. La collection est prêtée par "
                       "le musée de Hasselt (Limbourg).")
    for s, e in by_mention(doc, "Blatten")["spans"]:  # the headline's Blatten too: not Blatten near Zurich
        assert doc["article"]["text"][s:e] == "Blatten"
    blatten = by_mention(doc, "Blatten")
    assert blatten["count"] == 2 and blatten["rule"] == "town-of-division" and near(blatten, 46.42, 7.82)  # at Valais
    assert near(by_mention(doc, "Hasselt"), 50.93, 5.34, 10)  # the Limburg town, not the town of Limbourg (Liège)


def test_hyphenated_route_names_are_their_towns(extract_text):
    doc = extract_text("Des travaux ralentiront les trains des lignes Auxerre-Laroche et Nevers-Laroche-Paris dimanche, "
                       "a précisé la SNCF. Jean-Marc Lefèvre était à Auxerre.")
    assert near(by_mention(doc, "Laroche"), 47.97, 3.49) and by_mention(doc, "Laroche")["rule"] == "place-compound"
    assert near(by_mention(doc, "Paris"), 48.85, 2.35) and by_mention(doc, "Nevers")
    assert by_mention(doc, "Jean") is None and by_mention(doc, "Marc") is None


def test_a_division_of_several_words_that_ner_cuts_short(extract_text):
    doc = extract_text("La Belgique prépare ses élections. Les sondages bougent, notamment en Wallonie et en Brabant flamand. "
                       "Consultez les horaires des cars de Bourgogne Franche Comté.")
    assert by_mention(doc, "Brabant flamand")["kind"] == "region" and near(by_mention(doc, "Brabant flamand"), 50.88, 4.56, 50)
    assert near(by_mention(doc, "Bourgogne Franche Comté"), 47.2, 4.8, 100)


def test_dateline_with_its_date(extract_text):
    doc = extract_text("Kaya, le 9 mars 2024 (AIB) – Le maire a inauguré samedi un nouveau forage.")
    assert by_mention(doc, "Kaya")["rule"] == "dateline" and near(by_mention(doc, "Kaya"), 13.09, -1.08)


def test_a_place_inside_an_organisations_name(extract_text):
    doc = extract_text("Le directeur de l'Office du tourisme de Tunis a visité Sfax. "
                       "Le rédacteur en chef de la Radiodiffusion Télévision du Burkina (RTB) a présenté sa grille.")
    assert near(by_mention(doc, "Tunis"), 36.81, 10.18) and by_mention(doc, "Tunis")["rule"] == "place-in-org"
    assert by_mention(doc, "Burkina")["country"] == "BF"


def test_an_hotel_is_placed_at_the_town_of_its_paragraph(extract_text):
    doc = extract_text("Un festival de musique s'ouvre à Port-au-Prince. Des concerts près de l'hôtel Oloffson ont attiré des familles.")
    assert near(by_mention(doc, "hôtel Oloffson"), 18.54, -72.34, 10)


def test_an_arrondissement_is_in_its_town(extract_text):
    doc = extract_text("Les libraires se sont retrouvés à Lyon, au premier étage d'un immeuble du 7e arrondissement de Lyon.")
    p = by_mention(doc, "7e arrondissement")
    assert p["kind"] == "district" and p["rule"] == "arrondissement" and near(p, 45.733, 4.84, 5)


def test_au_tour_de_is_no_tower(extract_text):
    doc = extract_text("Après le Togo, au tour de la Côte d'Ivoire, qui accueille le tournoi de basket à Abidjan.")
    assert by_mention(doc, "Côte d'Ivoire")["kind"] == "country" and by_mention(doc, "tour de la Côte d'Ivoire") is None


def test_a_listed_name_is_not_taken_as_a_division_of_several_words(extract_text):
    doc = extract_text("Le paquebot se dirige vers La Réunion. Le préfet de La Réunion accueillera les passagers.")
    assert by_mention(doc, "La Réunion")["kind"] == "region"  # the list's département, never a country (an actor)


def test_la_region_de_a_large_city_is_drawn_at_the_city(extract_text):
    doc = extract_text("Un salon de l'huile d'olive se tiendra dans la région de Sfax cet automne.")
    p = by_mention(doc, "région de Sfax")
    assert p["kind"] == "region" and near(p, 34.74, 10.76, 5)  # the governorate's middle lies 40 km inland


def test_a_village_listed_with_a_small_town_is_next_to_it(extract_text):
    doc = extract_text("Le responsable des routes du canton du Valais a indiqué : « Nous allons refaire les ponts des villages de Gampel et de Steg cet été ».")
    p = by_mention(doc, "Steg")
    assert p["rule"] == "village-in-list" and near(p, 46.315, 7.75, 10)
    doc = extract_text("À Gampel, en Valais, Claire Dubois a ouvert une boulangerie.")
    assert by_mention(doc, "Claire Dubois") is None
    doc = extract_text("Des bénévoles ont livré des vivres aux localités de Serednye et de Klebanka, dans l'est de l'Ukraine, près de Donetsk.")
    assert by_mention(doc, "Klebanka") is None  # beside a namesake 1,000 km from the story: not placed


def test_a_river_named_alone_is_in_the_area_of_the_storys_town(extract_text):
    doc = extract_text("Un marché de Noël s'ouvre à Brigue, en Valais. Les exposants logent à Brigue.\n"
                       "Une promenade est proposée avec la rivière Lonza, qui traverse la vallée.")
    p = by_mention(doc, "rivière Lonza")
    assert p["kind"] == "landmark" and near(p, 46.32, 7.99, 10)  # at Brig, the town the story is set in


def test_a_hyphenated_name_is_split_only_into_towns_of_one_country(extract_text):
    doc = extract_text("Une crèche a ouvert dans un immeuble du Petit-Lancy, près de Genève, ce lundi.")
    assert by_mention(doc, "Petit") is None  # not the Algerian town
    doc = extract_text("Des feux d'artifice ont suivi la finale France-Croatie dimanche à Lyon.")
    assert by_mention(doc, "Croatie") is None  # a match, not a place


def test_a_namesake_is_the_one_near_the_storys_places_named_later(extract_text):
    # the two Vienne: the département (placed at Poitiers) and the town of Isère; the Isère towns come after the name
    doc = extract_text("Paul Mercier, ancien sous-préfet de Vienne, a inauguré le chantier. La gare de Roussillon "
                       "accueillera 300 voyageurs par jour, près de Salaise-sur-Sanne.")
    p = by_mention(doc, "Vienne")
    assert p["rule"] == "closest-namesake" and near(p, 45.53, 4.87, 5)
    # two Malagasy towns are called Brickaville: the one by Moramanga
    doc = extract_text("Le convoi a fait halte au niveau de Brickaville. Trois camions ont été réparés à Moramanga.")
    assert near(by_mention(doc, "Brickaville"), -18.82, 49.07, 10)
    # a known city is never traded for a small namesake near the story's towns
    doc = extract_text("Il exposera à Lille, Marseille ou Rennes.")
    assert near(by_mention(doc, "Marseille"), 43.30, 5.37, 10)


def test_le_before_a_name_is_the_region(extract_text):
    doc = extract_text("La campagne électorale gagne le Québec et l'Ontario. La ville de Québec vote lundi.")
    assert by_mention(doc, "Québec")["kind"] == "region"


def test_la_capitale_federale_is_the_countrys_capital(extract_text):
    doc = extract_text("Un festival de jazz fait étape en Ontario, à Casselman et dans la capitale fédérale, au Canada.")
    assert near(by_mention(doc, "la capitale fédérale"), 45.42, -75.70, 10)


def test_la_grande_ile_is_madagascar_only_with_its_capitals(extract_text):
    doc = extract_text("Le cyclone a frappé la Grande Ile, puis il a touché une grande île voisine.")
    assert by_mention(doc, "la Grande Ile")["country"] == "MG"
    assert by_mention(doc, "une grande île") is None and by_mention(doc, "grande île") is None


def test_a_camping_and_a_bar_are_landmarks_at_their_town(extract_text):
    doc = extract_text("Le feu d'artifice sera tiré face au camping Kerlann Saint-Jacques à Sarzeau, dans le Morbihan. "
                       "Le public attendra dans la rue entre le bar Le Cabestan et le camping.")
    p = by_mention(doc, "camping Kerlann Saint-Jacques")
    assert p["kind"] == "landmark" and near(p, 47.53, -2.76, 5)
    assert by_mention(doc, "Saint-Jacques") is None or by_mention(doc, "Saint-Jacques")["kind"] == "landmark"
    assert by_mention(doc, "bar Le Cabestan")["kind"] == "landmark"


def test_a_town_ner_took_for_a_person_after_a_cue(extract_text):
    doc = extract_text("Awa Diallo a remis, dimanche, au palais des rois de Krindjabo, des cahiers aux élèves "
                       "du Sud-Comoé.")  # NER: "Krindjabo" PER
    assert near(by_mention(doc, "Krindjabo"), 5.40, -3.21, 10)
    doc = extract_text("Une coopérative livre des paniers dans la capitale fédérale et aussi à Casselman, en Ontario, au Canada.")
    assert near(by_mention(doc, "Casselman"), 45.32, -75.08, 10)
    doc = extract_text("Jean Casselman a parlé à Ottawa, au Canada. Selon Casselman, tout va bien.")
    assert by_mention(doc, "Casselman") is None  # a surname


def test_la_ville_de_x_is_the_town_not_the_division(extract_text):
    doc = extract_text("Le festival parcourt le Québec. Les étapes prévues sont l'Outaouais et la ville de Québec.")
    towns = [p for p in doc["places"] if p["name"] == "Québec" and p["kind"] == "city"]
    assert towns and near(towns[0], 46.81, -71.21, 10)


def test_a_local_business_is_in_the_storys_town_not_where_someone_comes_from(extract_text):
    doc = extract_text("La fête a lieu à Sarzeau. L'organisatrice habite près de Sarzeau.\n"
                       "Elle s'installe entre le bar Le Cabestan et le camping, et accueille deux sœurs originaires de Changé.")
    assert near(by_mention(doc, "bar Le Cabestan"), 47.53, -2.76, 5)


def test_a_ministry_of_a_common_noun_is_no_town(extract_text):
    doc = extract_text("Le ministre de la Santé, Issa Sawadogo, a inauguré la clinique à Ouagadougou.")
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
    names = places(extract_text("Un concert a été donné à Salazie, selon la mairie. "
                                "Il a eu lieu au nord de Grand Étang, sur l'île."))
    assert "Grand" not in names
    doc = extract_text("Alise-Sainte-Reine : le marché reprend\n"
                       "Les habitants étaient nombreux dimanche sur la place située à Alise-Sainte-Reine.")
    names = places(doc)
    assert not any(n.startswith("Sainte") for n in names)
    assert names["Alise-Sainte-Reine"]["country"] == "FR" and names["Alise-Sainte-Reine"]["count"] == 2


def test_natural_regions_volcanoes_and_historic_sites_of_the_extra_list(extract_text):
    doc = extract_text("Le beau temps gagnera la Bourgogne, la Lorraine et la Champagne. Des randonneurs ont gravi le piton "
                       "de la Fournaise, au nord de Grand Étang. Le MuséoParc Alésia propose une exposition.")
    names = places(doc)
    assert "Champagné" not in names and near(names["Champagne"], 49.0, 4.1, 100)
    assert names["Piton de la Fournaise"]["country"] == "RE" and names["Grand Étang"]["country"] == "RE"
    assert near(names["Alésia"], 47.54, 4.49, 5)


def test_a_landmark_with_no_town_near_it_keeps_the_place_in_its_name(extract_text):
    doc = extract_text("Les inscriptions sont ouvertes.\nLe Collège du Vercors accueillera un nouveau gymnase, a indiqué le Département.")
    assert places(doc)["Vercors"]["kind"] == "region"


def test_a_massif_in_a_route_name_is_one_of_its_parts(extract_text):
    doc = extract_text("Les cars desserviront samedi les lignes Morvan-Avallon et Laroche-Paris.")
    assert places(doc)["Morvan"]["kind"] == "region"


def test_a_division_named_without_its_article(extract_text):
    doc = extract_text("Le Tour passera par les Pays de Loire, la Bretagne et l'Alsace.")
    p = places(doc)["Pays de la Loire"]
    assert p["kind"] == "region" and p["mentions"] == ["Pays de Loire"]


def test_a_place_after_du_in_an_organisations_name_is_the_division(extract_text):
    doc = extract_text("Un incendie a été maîtrisé au centre-ville de Rivière-du-Loup lundi. Selon l'enquêteur de la "
                       "Sûreté du Québec, le feu a pris dans une cuisine.\n"
                       "Le camion a tourné sur la rue Lafontaine. Selon le porte-parole de la Sûreté du Québec, tout est calme.")
    quebec = by_mention(doc, "Québec")
    assert (quebec["kind"], quebec["rule"]) == ("region", "place-in-org")
    assert near(by_mention(doc, "rue Lafontaine"), 47.83, -69.54)  # the story's town, not Québec City


def test_a_division_several_countries_have_follows_the_storys_towns(extract_text):
    doc = extract_text("Une exposition s'est ouverte mardi à Delémont. Sa commissaire a évoqué le jour où "
                       "Moutier entrera dans le canton du Jura.")
    jura = by_mention(doc, "canton du Jura")
    assert (jura["country"], jura["rule"]) == ("CH", "division-late") and near(jura, 47.36, 7.16, km=40)


def test_la_cite_prevotoise_is_moutier(extract_text):
    doc = extract_text("La commissaire a fêté l'entrée de la cité prévôtoise dans le canton, à Delémont.")
    assert near(by_mention(doc, "la cité prévôtoise"), 47.28, 7.37)


def test_a_swiss_story_by_its_region_places_bienne_in_switzerland(extract_text):
    doc = extract_text("L'horlogerie recrute dans l'Arc jurassien.\n"
                       "Deux fabricants ont embauché, l'un à Bienne, l'autre à Fontainemelon.")
    assert by_mention(doc, "Arc jurassien")["country"] == "CH"
    assert near(by_mention(doc, "Bienne"), 47.14, 7.25) and near(by_mention(doc, "Fontainemelon"), 47.05, 6.89)


def test_quebecs_administrative_regions(extract_text):
    doc = extract_text("Une piste cyclable reliera la Chaudière-Appalaches et la Capitale-Nationale, selon le maire de Lévis.")
    assert near(by_mention(doc, "Chaudière-Appalaches"), 46.35, -70.75, km=100)
    assert by_mention(doc, "Capitale-Nationale")["kind"] == "region"


def test_the_second_city_of_a_country_names_the_country(extract_text):
    doc = extract_text("Kharkiv, la deuxième ville d'Ukraine, accueille un festival de théâtre.")
    assert by_mention(doc, "Ukraine")["kind"] == "country" and by_mention(doc, "Ukraine")["country"] == "UA"


def test_the_town_after_a_persons_full_name(extract_text):
    doc = extract_text("Un café a ouvert au centre-ville de Rivière-du-Loup en mai. La propriétaire, "
                       "Claire Dubois de Saint-Pascal, a reçu ses premiers clients.")
    p = by_mention(doc, "Saint-Pascal")
    assert p and near(p, 47.52, -69.80) and p["rule"] == "person-tagged-place"


def test_the_country_around_a_town_named_by_its_adjective(extract_text):
    doc = extract_text("Mardi, le secteur du Roannais, dans la Loire, a accueilli le plus de touristes.")
    p = by_mention(doc, "Roannais")
    assert p and near(p, 46.04, 4.07) and p["rule"] == "town-country"
    doc = extract_text("Le Lyonnais Karim Benzema a marqué à Madrid.")  # a person from Lyon, not the area
    assert by_mention(doc, "Lyonnais") is None


def test_a_street_named_after_a_date(extract_text):
    doc = extract_text("Six écoles défileront vendredi au Boulevard du 20 mai.\nLa dernière répétition s'est tenue mercredi à Yaoundé.")
    p = by_mention(doc, "Boulevard du 20 mai")
    assert p and p["kind"] == "landmark" and near(p, 3.87, 11.52)


def test_an_unknown_district_after_a_la_in_a_local_story(extract_text):
    doc = extract_text("Le salon du livre a été ouvert à Ouagadougou. La ministre est arrivée dans les locaux de l'association "
                       "sise à la Zone du bois.")
    p = by_mention(doc, "Zone du bois")
    assert p and p["rule"] == "unknown-locality" and near(p, 12.37, -1.53, km=10)
