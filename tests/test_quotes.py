def quotes(doc):
    return {q["text"]: q for q in doc["quotes"]}


def test_direct_quote_with_inverted_speech_verb_and_place(seed_doc):
    q = quotes(seed_doc)["Nous considérerons cela comme une nouvelle phase et réagirons en conséquence"]
    assert (q["kind"], q["speaker"], q["place"], q["date"]) == ("direct", "Sergueï Lavrov", "Rio de Janeiro", "2024-11-19")


def test_every_quote_is_verbatim_with_offsets(seed_doc):
    text = seed_doc["article"]["text"]
    assert seed_doc["quotes"]
    for q in seed_doc["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert q["sentence"] and q["text"] in q["sentence"]


def test_partial_quote_through_relative_pronoun_and_acronym(seed_doc):
    q = quotes(seed_doc)["désastreuse"]
    assert q["kind"] == "partial" and q["speaker"] == "Campagne internationale pour interdire les mines"


def test_organisation_speaker(seed_doc):
    assert quotes(seed_doc)["absurdes"]["speaker"] == "Kremlin"
    assert quotes(seed_doc)["faire preuve de retenue et à apaiser les tensions par le dialogue"]["speaker"] == \
        "Ministère chinois des Affaires étrangères"


def test_indirect_quote(seed_doc):
    q = next(q for q in seed_doc["quotes"] if q["text"].startswith("la survie de son pays"))
    assert (q["kind"], q["speaker"]) == ("indirect", "Volodymyr Zelensky")


def test_pronoun_inversion_points_to_the_right_earlier_person(extract_text):
    doc = extract_text("Le ministre Jean Dupont a rencontré Marie Durand à Lyon. « Nous avons avancé », a-t-il ajouté.")
    (q,) = doc["quotes"]
    assert q["speaker"] == "Jean Dupont"


def test_selon_and_title_standing_for_a_person(extract_text):
    doc = extract_text(
        "Le président chilien Tomás Ibarra est arrivé à Madrid jeudi. "
        "Selon le chef de l'État chilien, les échanges commerciaux doivent s'intensifier sans attendre.")
    (q,) = doc["quotes"]
    assert (q["kind"], q["speaker"]) == ("indirect", "Tomás Ibarra")


def test_quoted_name_is_not_a_quote(extract_text):
    doc = extract_text("L'armée a lancé l'opération baptisée « Bouclier » dans le nord. Le collectif « Nous Toutes » a manifesté.")
    assert doc["quotes"] == []


def test_apposition_speaker_after_the_quote(extract_text):
    doc = extract_text("« La situation est grave », a déclaré jeudi le porte-parole du gouvernement, Paul Martin, à Paris.")
    (q,) = doc["quotes"]
    assert (q["speaker"], q["place"]) == ("Paul Martin", "Paris")


def test_undated_quote_and_event_fall_back_on_the_publication_day(extract_text):
    doc = extract_text("« Nous tiendrons bon », a déclaré le maire, Paul Martin. Lundi, Paul Martin a annoncé sa démission.",
                       "2024-11-20")
    (q,) = doc["quotes"]
    assert (q["date"], q["date_relation"], q["date_source"]) == ("2024-11-20", "on_or_before", "published")
    dated = [e for e in doc["events"] if e["date_source"] == "text"]
    assert [(e["date"], e["date_relation"]) for e in dated] == [("2024-11-18", "on")]
    assert all(e["date"] for e in doc["events"])


def test_every_quote_names_the_rule_that_chose_its_speaker(extract_text):
    doc = extract_text("« Nous tiendrons bon », a déclaré le maire, Paul Martin. « Rien ne change », a-t-il ajouté. "
                       "Selon la préfecture, la route restera fermée jusqu'à lundi.")
    assert [(q["speaker"], q["rule"]) for q in doc["quotes"]] == \
        [("Paul Martin", "verb-after"), ("Paul Martin", "pronoun-inversion"), ("Préfecture", "selon")]


def test_pronoun_after_another_person_is_named_is_the_previous_speaker(extract_text):
    doc = extract_text("« Nous débloquerons un fonds d'urgence », a déclaré la préfète, Anne Leroy, à Quimper. "
                       "Elle a rencontré le maire, Yves Le Gall. « Les dossiers seront traités en priorité », a-t-elle ajouté. "
                       "Les dégâts sont considérables, a-t-elle encore dit.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("direct", "Anne Leroy")] * 2 + [("indirect", "Anne Leroy")]


def test_same_source_and_own_information(extract_text):
    doc = extract_text("« Le bilan est lourd », a déclaré le préfet, Marc Aubry. Selon la même source, trois maisons ont brûlé. "
                       "Selon nos informations, la route sera rouverte lundi.")
    assert [(q["speaker"], q["rule"]) for q in doc["quotes"]] == [("Marc Aubry", "verb-after"), ("Marc Aubry", "selon")]


def test_quote_after_a_colon_belongs_to_the_person_the_lead_names(extract_text):
    doc = extract_text("Même son de cloche chez l'agriculteur Paul Rivière, rencontré sur place : « On a tout perdu ».")
    (q,) = doc["quotes"]
    assert (q["kind"], q["speaker"], q["rule"]) == ("direct", "Paul Rivière", "colon-lead")


def test_scare_quotes_no_one_speaks_are_not_quotes(extract_text):
    doc = extract_text("La commune reste en alerte « rouge » et la réunion « Objectif 2030 » est reportée.")
    assert doc["quotes"] == []


def test_headline_quote_attributed_after_it(extract_text):
    doc = extract_text("Budget : « Nous ne lâcherons rien », affirme Claire Morel\n"
                       "La maire de Lille a présenté mardi son budget devant le conseil municipal.")
    assert [(q["speaker"], q["text"]) for q in doc["quotes"]] == [("Claire Morel", "Nous ne lâcherons rien")]


def test_a_long_first_line_is_not_a_headline():
    import datetime as dt

    from newsmap.pipeline import extract
    from newsmap.reader import Article

    text = ("Le port restera fermé jusqu'à nouvel ordre, a annoncé la capitainerie. " * 3
            + "« Nous attendons la fin de la tempête », a déclaré le capitaine Luc Garnier.")
    doc = extract(Article(text=text, published=dt.date(2024, 11, 20), title=text, id="t"))
    assert ("Luc Garnier", "Nous attendons la fin de la tempête") in [(q["speaker"], q["text"]) for q in doc["quotes"]]


def test_more_reporting_verbs(extract_text):
    doc = extract_text("Crue de la Loire\nLe maire, Paul Martin, a rapporté, plus tôt, que l'eau était montée d'un mètre. "
                       "Son adjointe, Léa Roy, a rétorqué que la digue avait tenu.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Paul Martin"), ("indirect", "Léa Roy")]


def test_participle_after_an_attribution_belongs_to_its_speaker(extract_text):
    doc = extract_text("Quotas de pêche\nLe premier ministre Henri Castel a répondu jeudi. La Norvège ne cédera pas, "
                       "a-t-il déclaré, affirmant que des quotas de 30 % sont fixés par la Norvège sur des espèces menacées.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Henri Castel")] * 2


def test_selon_followed_by_an_apposition_or_a_relative_takes_the_claim_before(extract_text):
    doc = extract_text("Vingt patients sont encore hospitalisés à Dakar, selon Awa Ndiaye, la directrice de l'hôpital. "
                       "La société est estimée à trois milliards d'euros, selon des sources bancaires, ce qui en fait un leader.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Vingt patients sont encore hospitalisés à Dakar", "Awa Ndiaye"),
        ("La société est estimée à trois milliards d'euros", "Sources bancaires")]


def test_short_capitalised_titles_inside_a_sentence_are_names_not_quotes(extract_text):
    doc = extract_text("La chanteuse Nina Valet a présenté le superbe album « Les marées » à Nantes. Trois ans après « Horizons », "
                       "elle a annoncé une tournée. À minuit, « Soline » se trouvait au large d'Okinawa, a indiqué l'agence.")
    assert [q["text"] for q in doc["quotes"] if q["kind"] != "indirect"] == []
    # capitalised words a speech verb introduces are still speech
    doc = extract_text("Interrogé sur sa candidature, le maire Paul Martin a répondu « Jamais » devant la presse.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [("Jamais", "Paul Martin")]


def test_a_subject_pronoun_is_the_speaker_of_the_quote_just_before(extract_text):
    doc = extract_text("Le procès des deux frères soupçonnés du meurtre de Julien Morel en 2021 touche à sa fin.\n"
                       "« Je n'admets pas ces prétextes », a attaqué le parquet général. Il a évoqué des « histoires absurdes » "
                       "et une « stratégie du silence ».")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Je n'admets pas ces prétextes", "Parquet général"), ("histoires absurdes", "Parquet général"),
        ("stratégie du silence", "Parquet général")]


def test_manner_of_saying_verbs_attribute_a_quote(extract_text):
    doc = extract_text("Le juge Luc Roy a instruit ce dossier.\n« C'est une honte », peste Gaston Lemaire, dont la sœur "
                       "est décédée en 2017.\n« Nous jouons trop en défense », soupire l'entraîneur Bruno Keller.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Gaston Lemaire", "Bruno Keller"]


def test_a_chain_of_subject_pronouns_goes_back_to_the_speaker(extract_text):
    doc = extract_text("Le procès des deux frères soupçonnés du meurtre de Julien Morel en 2021 touche à sa fin.\n"
                       "« Je n'admets pas ces prétextes », a attaqué le parquet général. Il a évoqué des « histoires absurdes ». "
                       "Il a taclé aussi une « stratégie du silence ».\n"
                       "Le ministre Hugo Marchal a reconnu qu'« aucune région n'a reçu ce qu'elle espérait ». Il a ajouté que le "
                       "plan était « un filet de sécurité ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Parquet général"] * 3 + ["Hugo Marchal"] * 2


def test_a_quote_after_an_inverted_attribution_in_the_sentence_before(extract_text):
    doc = extract_text("Les piscines pourront rouvrir dès le 3 juin. Le gouvernement a annoncé lundi la fin des restrictions.\n"
                       "La sécheresse recule, a souligné la présidente de la Confédération Ursula Wendelin devant les "
                       "élus.\nMais la consommation ne peut pas repartir comme avant, a-t-elle ajouté. « Nous devons apprendre "
                       "à économiser l'eau ». Les dérogations seront soumises à des contrôles réguliers.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Ursula Wendelin")] * 2 + [
        ("direct", "Ursula Wendelin")]


def test_speaker_after_a_participle_an_infinitive_or_a_prepositional_phrase(extract_text):
    doc = extract_text("Une tempête a arraché 300 arbres jeudi près de Rodez.\n« Aucun habitant n’est à évacuer » et « aucun dommage » "
                       "constaté sur les toitures, a précisé lors d’une conférence le chef des pompiers, le capitaine Hervé "
                       "Lagarde.\n« Il y a un plan de vente de l’entrepôt », est venu dire devant la grille le gérant de la société, "
                       "Joël Ferrand, entouré de ses employés.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Aucun habitant n’est à évacuer", "Hervé Lagarde"), ("aucun dommage", "Hervé Lagarde"),
        ("Il y a un plan de vente de l’entrepôt", "Joël Ferrand")]


def test_trailing_attribution_after_a_misparsed_subject_that_names_no_one(extract_text):
    doc = extract_text("La crue a inondé 40 maisons. A 21H00, heure à laquelle les hélicoptères de secours ne peuvent plus survoler "
                       "la vallée en raison de la nuit, le barrage n’était toujours pas consolidé, a annoncé le sous-préfet de Millau "
                       "Gérard Tessier. Son successeur, Paul Roy, qui prendra ses fonctions lundi, a revendiqué une part du mérite.")
    assert [(q["rule"], q["speaker"]) for q in doc["quotes"]] == [("trailing-attribution", "Gérard Tessier")]


def test_a_communique_speaks_for_whoever_issued_it(extract_text):
    doc = extract_text("« Le poste de Valbonne a été la cible d'un cambriolage », a rapporté lundi la police cantonale. "
                       "« Un premier inventaire fait état de six ordinateurs volés », précise le communiqué.\n"
                       "Selon le communiqué, « les enquêteurs sont arrivés dans la matinée ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Police cantonale"] * 3


def test_a_description_then_a_name_in_apposition_is_the_named_person(extract_text):
    doc = extract_text("L'avocat Simon Berthier a parlé lundi. « Le jury populaire est l’avenir de la justice pénale », poursuit "
                       "un autre membre du barreau, le pénaliste Antoine Vidal.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Antoine Vidal"]


def test_sources_cited_by_an_agency_are_the_speaker_not_the_agency(extract_text):
    doc = extract_text("Le convoi a été visé mardi. Selon plusieurs sources militaires citées par l’AFP, le bilan pourrait atteindre la "
                       "trentaine de blessés. Selon des sources hospitalières citées par l’AFP, d'autres passagers sont « grièvement "
                       "atteints ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Sources militaires", "Sources hospitalières"]


def test_the_one_spoken_to_is_not_the_speaker_of_an_unattributed_quote(extract_text):
    doc = extract_text("Les écoles du Manitoba manquent de personnel.\nÉcoutez Marc Lavoie, président de la Fédération des enseignants, "
                       "en discuter lundi, au micro de Julie Gagnon.\n« Il s'est enfermé dans son bureau. Pour moi, c'est indéfendable. »")
    assert [q["speaker"] for q in doc["quotes"]] == ["Marc Lavoie"]


def test_a_player_or_coach_of_a_club_is_the_person_in_the_story_not_the_club(extract_text):
    doc = extract_text("Bon perdant, Olivier Jaccard admettait la domination du FC Sion.\n« Nous avons tenu le match "
                       "pendant une mi-temps », poursuit l’entraîneur du Yverdon-Sport.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Olivier Jaccard"]


def test_celui_qui_after_a_speech_verb_is_the_person_in_the_story(extract_text):
    doc = extract_text("Bruno Keller a savouré les éloges de son adversaire. « Je ne pense pas au titre, affirme celui pour "
                       "qui cette première place n’est qu’une étape. Je travaille sur notre jeu. »")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Je ne pense pas au titre", "Bruno Keller"), ("Je travaille sur notre jeu.", "Bruno Keller")]


def test_a_participle_describing_a_noun_gives_its_quoted_words_no_speaker(extract_text):
    doc = extract_text("Deux jours après la fin d'une vigilance, Madagascar est cette fois frappé par un cyclone qualifié de « très "
                       "intense » par les prévisionnistes, juste sous le niveau le plus haut de « cyclone extrême ».")
    assert doc["quotes"] == []


def test_an_unnamed_one_of_a_group_is_the_speaker_not_the_last_person_named(extract_text):
    doc = extract_text("Un verdict attendu pour Me Julien Fabre, l'un des conseils des victimes.\nA l'audience, les accusés ont "
                       "nié les accusations. « C'est un voisin à nous », assure l'un d'eux. « Il nous avait prêté la clé », confirme un "
                       "autre. « C'est honteux ! », a ajouté un de ses collègues alors que le juge sortait. "
                       "« Nous ne céderons pas », a déclaré l'un de ses dirigeants, Henri Malo, sur la chaîne régionale.")
    assert [q["speaker"] for q in doc["quotes"]] == ["L'un d'eux", "Un autre", "Un de ses collègues", "Henri Malo"]


def test_selon_or_de_l_aveu_of_a_described_person_inside_the_sentence_frames_a_partial_quote(extract_text):
    doc = extract_text("Le ministre de la Santé Paul Girard a présenté sa réforme lundi. Cette réforme représente un « pari budgétaire » "
                       "de l’aveu du ministre des Comptes publics Hugo Marchal, notamment face à l’opposition qui a fait de "
                       "la dette son combat.\nTrois mille habitants ont dû quitter le village face à « la montée rapide des eaux du "
                       "fleuve », selon le préfet régional Bernard Collin.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("pari budgétaire", "Hugo Marchal"), ("la montée rapide des eaux du fleuve", "Bernard Collin")]


def test_que_after_a_recipient_is_the_reported_clause(extract_text):
    doc = extract_text("Selon une note obtenue par Le Devoir, le directeur de la Société des transports, Denis Roy, aurait dit à ses "
                       "employés qu'il faudrait réduire le nombre de lignes.")
    assert [(q["text"], q["speaker"], q["rule"]) for q in doc["quotes"]] == [
        ("il faudrait réduire le nombre de lignes", "Denis Roy", "verb-recipient-que")]


def test_a_lead_quote_used_as_headline_takes_the_speaker_named_right_after():
    import datetime as dt

    from newsmap.pipeline import extract
    from newsmap.reader import Article

    lead = ("« Je dois accepter que mon genou ne me laisse plus courir. » C’est par un message que Karim Delorme "
            "a annoncé jeudi la fin de sa carrière.")
    text = lead + "\nAu total, six courses de sa saison sont annulées, la plupart en Italie."
    doc = extract(Article(text=text, published=dt.date(2022, 4, 5), title=lead, id="t"))
    assert [(q["speaker"], q["rule"]) for q in doc["quotes"]] == [("Karim Delorme", "next-sentence-verb")]


def test_a_quote_after_a_full_stop_the_parser_did_not_split_is_direct(extract_text):
    doc = extract_text("Le gérant de l'entrepôt, Olivier Brun, a parlé vendredi.\nUne nouvelle rencontre pourrait être organisée "
                       "le 14 mars, a-t-il indiqué. “Est aussi envisagée la vente des machines”, a-t-il souligné. “Le "
                       "chantier durerait jusqu’au début de l’été”.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Olivier Brun")] + [
        ("direct", "Olivier Brun")] * 2


def test_speech_verbs_the_lemmatizer_leaves_unlemmatised(extract_text):
    doc = extract_text("En plus de la grêle, il faut s’attendre à des rafales. Elles pourraient dépasser les 110 km/h, voire davantage "
                       "en montagne, indique MétéoSuisse sur son site.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Elles pourraient dépasser les 110 km/h, voire davantage en montagne", "MétéoSuisse")]


def test_selon_lui_inside_a_sentence_its_own_speech_verb_attributes_is_no_second_quote(extract_text):
    doc = extract_text("Le procureur Marc Dupont a parlé longtemps. Il a taclé aussi une « stratégie du silence », qui ne "
                       "permettra jamais, selon lui, de vraiment savoir ce qui s'est réellement passé.")
    assert [q["text"] for q in doc["quotes"]] == ["stratégie du silence"]


def test_marked_words_in_an_adjunct_of_a_participle_are_not_its_agents(extract_text):
    # "lancés par Minsk" describes the drones; the marked count is the military's, who speak in the clause
    doc = extract_text("Les autorités militaires polonaises affirment avoir neutralisé 38 des 41 drones piégés lancés par "
                       "Minsk dans la nuit dont « plus de 30 » au-dessus de Varsovie.")
    q = next(q for q in doc["quotes"] if q["text"] == "plus de 30")
    assert q["speaker"].lower().startswith("autorités militaires")


def test_selon_lui_after_a_quote_is_the_one_just_quoted_not_the_last_name(extract_text):
    doc = extract_text("Le chef de parti Yann Morvan a quitté mardi la coalition.\n"
                       "« Nous restons mobilisés », a déclaré le ministre Karel Peeters. Quant à la suite, on "
                       "est encore dans un moment de « flottement », selon lui. « Ce qui importe, c'est le budget », a-t-il conclu.")
    qs = {q["text"]: q["speaker"] for q in doc["quotes"]}
    assert qs["flottement"] == "Karel Peeters"
    assert qs["Ce qui importe, c'est le budget"] == "Karel Peeters"


def test_vouloir_dire_que_means_and_reports_no_one(extract_text):
    doc = extract_text("«C’est bien mon opinion, a dit Bernard qui a pris plus de temps que d’ordinaire pour arriver "
                       "derrière le pupitre. Je sais que c’est arrivé ce mois-ci à un autre club quand Boston est revenu. "
                       "Ils menaient eux aussi 3 à 0 (contre les Flyers de Philadelphie). Ça ne veut pas dire que c’est normal.\n"
                       "«Défensivement, on reste quand même solides», a-t-il ajouté.")
    assert "c’est normal" not in [q["text"] for q in doc["quotes"]]


def test_pour_and_a_persons_name_frame_a_statement(extract_text):
    doc = extract_text("La région traverse une sécheresse. Pour Moussa Kane Diop, le manque d'eau qui touche les villages est "
                       "alarmant. Pour la première fois, la récolte a chuté.")
    qs = {q["text"]: q for q in doc["quotes"]}
    assert qs["le manque d'eau qui touche les villages est alarmant"]["speaker"] == "Moussa Kane Diop"
    assert len(qs) == 1


def test_a_l_en_croire_opens_a_statement_of_the_one_just_quoted(extract_text):
    doc = extract_text("La région traverse une sécheresse. Pour Moussa Kane Diop, le manque d'eau qui touche les villages est "
                       "alarmant. A l’en croire, les nombreux forages promis par le gouvernement ont laissé les paysans sans "
                       "solution.")
    q = next(q for q in doc["quotes"] if q["text"].startswith("les nombreux forages"))
    assert q["speaker"] == "Moussa Kane Diop" and q["kind"] == "indirect"
