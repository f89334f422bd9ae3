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
        "Le président ukrainien Volodymyr Zelensky est arrivé à Bruxelles mardi. "
        "Selon le chef de l'État ukrainien, les livraisons d'armes doivent reprendre sans délai.")
    (q,) = doc["quotes"]
    assert (q["kind"], q["speaker"]) == ("indirect", "Volodymyr Zelensky")


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
    doc = extract_text("Tarifs douaniers\nLe premier ministre Justin Trudeau a répondu mardi. Le Canada ne pliera pas, "
                       "a-t-il déclaré, affirmant que des tarifs de 25 % sont imposés par le Canada sur des produits américains.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Justin Trudeau")] * 2


def test_selon_followed_by_an_apposition_or_a_relative_takes_the_claim_before(extract_text):
    doc = extract_text("Vingt patients sont encore hospitalisés à Dakar, selon Awa Ndiaye, la directrice de l'hôpital. "
                       "Le projet est valorisé à deux milliards de dollars, selon des sources financières, ce qui en fait un géant.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Vingt patients sont encore hospitalisés à Dakar", "Awa Ndiaye"),
        ("Le projet est valorisé à deux milliards de dollars", "Sources financières")]


def test_short_capitalised_titles_inside_a_sentence_are_names_not_quotes(extract_text):
    doc = extract_text("La chanteuse Léa Morel a présenté l'excellent album « Les saisons » à Lyon. Cinq ans après « Rivages », "
                       "elle a annoncé une tournée. À midi, « Mawar » se trouvait au large de Tokyo, a indiqué l'agence.")
    assert [q["text"] for q in doc["quotes"] if q["kind"] != "indirect"] == []
    # capitalised words a speech verb introduces are still speech
    doc = extract_text("Interrogé sur sa candidature, le maire Paul Martin a répondu « Jamais » devant la presse.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [("Jamais", "Paul Martin")]


def test_a_subject_pronoun_is_the_speaker_of_the_quote_just_before(extract_text):
    doc = extract_text("Le procès en appel des trois accusés de la mort de Paul Martin en 2019 touche à sa fin.\n"
                       "« Je n'accepte pas ces mensonges », a attaqué le parquet général. Il a évoqué des « salades immondes » "
                       "et une « culture du mensonge ».")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Je n'accepte pas ces mensonges", "Parquet général"), ("salades immondes", "Parquet général"),
        ("culture du mensonge", "Parquet général")]


def test_manner_of_saying_verbs_attribute_a_quote(extract_text):
    doc = extract_text("Le coroner Luc Roy a enquêté sur ce décès.\n« C'est un non-sens », peste Pierre Magloire, dont le frère "
                       "est mort en 2014.\n« Nous partons en contre-attaque », soupire l'entraîneur René Weiler.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Pierre Magloire", "René Weiler"]


def test_a_chain_of_subject_pronouns_goes_back_to_the_speaker(extract_text):
    doc = extract_text("Le procès en appel des trois accusés de la mort de Paul Martin en 2019 touche à sa fin.\n"
                       "« Je n'accepte pas ces mensonges », a attaqué le parquet général. Il a évoqué des « salades immondes ». "
                       "Il a taclé aussi une « culture du mensonge ».\n"
                       "Le ministre Jean Roy a reconnu qu'« aucun pays n'a obtenu ce qu'il voulait ». Il a ajouté que l'accord "
                       "était « une police d'assurance ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Parquet général"] * 3 + ["Jean Roy"] * 2


def test_a_quote_after_an_inverted_attribution_in_the_sentence_before(extract_text):
    doc = extract_text("Les restaurants pourront rouvrir dès le 11 mai. Le Conseil fédéral a accéléré mercredi la levée des mesures.\n"
                       "Les infections ralentissent, a expliqué la présidente de la Confédération Simonetta Sommaruga devant la "
                       "presse.\nMais la vie ne peut pas reprendre son cours comme avant, a-t-elle ajouté. « Nous devons apprendre "
                       "à vivre avec le virus ». Les assouplissements s'accompagneront de plans de protection.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Simonetta Sommaruga")] * 2 + [
        ("direct", "Simonetta Sommaruga")]


def test_speaker_after_a_participle_an_infinitive_or_a_prepositional_phrase(extract_text):
    doc = extract_text("Un incendie a parcouru 800 hectares mardi près de Nîmes.\n« Aucune victime n’est à déplorer » et « aucun dégât » "
                       "constaté sur les bâtiments, a précisé lors d’un point presse le commandant des secours, le colonel Marc "
                       "Besson.\n« Il y a un projet de fermeture de l’usine », est venu dire devant le portail le directeur du site, "
                       "Paul Depierre, entouré de ses salariés.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Aucune victime n’est à déplorer", "Marc Besson"), ("aucun dégât", "Marc Besson"),
        ("Il y a un projet de fermeture de l’usine", "Paul Depierre")]


def test_trailing_attribution_after_a_misparsed_subject_that_names_no_one(extract_text):
    doc = extract_text("Le feu a brûlé 800 hectares. A 22H00, heure à laquelle les avions bombardiers d’eau ne peuvent plus survoler "
                       "la zone en raison de la nuit, le feu n’était toujours pas fixé, a annoncé le sous-préfet de Lodève Eric "
                       "Suzanne. Son successeur, Paul Roy, qui prendra ses fonctions lundi, a revendiqué une part du mérite.")
    assert [(q["rule"], q["speaker"]) for q in doc["quotes"]] == [("trailing-attribution", "Eric Suzanne")]


def test_a_communique_speaks_for_whoever_issued_it(extract_text):
    doc = extract_text("« Le détachement de Koutougou a été la cible d'une attaque », a rapporté lundi la police cantonale. "
                       "« Un bilan provisoire fait état de dix militaires tombés », précise le communiqué.\n"
                       "Selon le communiqué, « les secours sont arrivés dans la nuit ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Police cantonale"] * 3


def test_a_description_then_a_name_in_apposition_is_the_named_person(extract_text):
    doc = extract_text("L'avocat Henry Laquay a parlé lundi. « La cour d’assises est le futur du paysage juridique belge », poursuit "
                       "un autre membre de la défense, le pénaliste Michel Degrève.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Michel Degrève"]


def test_sources_cited_by_an_agency_are_the_speaker_not_the_agency(extract_text):
    doc = extract_text("Le camp a été attaqué lundi. Selon plusieurs sources sécuritaires citées par l’AFP, le bilan pourrait dépasser "
                       "la vingtaine de morts. Selon des sources locales citées par l’AFP, d'autres soldats sont « portés disparus ».")
    assert [q["speaker"] for q in doc["quotes"]] == ["Sources sécuritaires", "Sources locales"]


def test_the_one_spoken_to_is_not_the_speaker_of_an_unattributed_quote(extract_text):
    doc = extract_text("Les urgences du Québec débordent.\nÉcoutez Marc Cyr, président de la Fédération de la santé, en discuter "
                       "jeudi, au micro de Philippe Cantin.\n« Elle est disparue dans sa tour d'ivoire. Pour moi, c'est inacceptable. »")
    assert [q["speaker"] for q in doc["quotes"]] == ["Marc Cyr"]


def test_a_player_or_coach_of_a_club_is_the_person_in_the_story_not_the_club(extract_text):
    doc = extract_text("Beau joueur, Ludovic Magnin reconnaissait la supériorité du Servette FC.\n« Nous avons été les meilleurs "
                       "pendant trente minutes », poursuit l’entraîneur du Lausanne-Sport.")
    assert [q["speaker"] for q in doc["quotes"]] == ["Ludovic Magnin"]


def test_celui_qui_after_a_speech_verb_is_the_person_in_the_story(extract_text):
    doc = extract_text("René Weiler a apprécié les compliments de son homologue. « Je ne regarde pas le classement, affirme celui pour "
                       "qui cette place de leader n’est qu’un détail. Je me concentre sur nos performances. »")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Je ne regarde pas le classement", "René Weiler"), ("Je me concentre sur nos performances.", "René Weiler")]


def test_a_participle_describing_a_noun_gives_its_quoted_words_no_speaker(extract_text):
    doc = extract_text("Au lendemain de la levée d'une alerte, le Japon est cette fois touché par un typhon qualifié de « très fort » "
                       "par les météorologues, un cran en dessous de la catégorie la plus élevée de « typhon violent ».")
    assert doc["quotes"] == []


def test_an_unnamed_one_of_a_group_is_the_speaker_not_the_last_person_named(extract_text):
    doc = extract_text("Une décision logique pour Me Pierre Tracol, l'un des avocats de la défense.\nA la barre, les prévenus ont "
                       "minimisé les faits. « C'est une amie à nous », assure l'un d'eux. « Elle était d'accord », confirme un "
                       "autre. « C'est répugnant ! », a ajouté un de ses collègues alors que le directeur rentrait. "
                       "« Nous ne renoncerons pas », a déclaré l'un de ses responsables, Daniel Goa, sur la radio locale.")
    assert [q["speaker"] for q in doc["quotes"]] == ["L'un d'eux", "Un autre", "Un de ses collègues", "Daniel Goa"]


def test_selon_or_de_l_aveu_of_a_described_person_inside_the_sentence_frames_a_partial_quote(extract_text):
    doc = extract_text("Le ministre de l’Intérieur Paul Darmont a défendu son texte dimanche. Ce texte constitue un « enjeu politique » "
                       "de l’aveu du ministre du Travail Olivier Dussart, notamment face à l’extrême droite qui a fait de "
                       "l’immigration son sujet.\nOnze mille personnes ont dû quitter la zone face à « l’activité ennemie à la "
                       "frontière », selon le gouverneur régional Viatcheslav Gladkov.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("enjeu politique", "Olivier Dussart"), ("l’activité ennemie à la frontière", "Viatcheslav Gladkov")]


def test_que_after_a_recipient_is_the_reported_clause(extract_text):
    doc = extract_text("Selon un enregistrement obtenu par Radio-Canada, le PDG d’Hydro-Québec, Michael Sabia, aurait dit à ses "
                       "employés qu'il fallait augmenter les tarifs d'électricité.")
    assert [(q["text"], q["speaker"], q["rule"]) for q in doc["quotes"]] == [
        ("il fallait augmenter les tarifs d'électricité", "Michael Sabia", "verb-recipient-que")]


def test_a_lead_quote_used_as_headline_takes_the_speaker_named_right_after():
    import datetime as dt

    from newsmap.pipeline import extract
    from newsmap.reader import Article

    lead = ("« Je dois me résigner au fait que ma santé ne me permet pas de continuer. » C’est par un communiqué que Stromae "
            "a annoncé mardi l’annulation de ses concerts.")
    text = lead + "\nEn tout, quinze dates de sa tournée sont annulées, la plupart à l’étranger."
    doc = extract(Article(text=text, published=dt.date(2022, 4, 5), title=lead, id="t"))
    assert [(q["speaker"], q["rule"]) for q in doc["quotes"]] == [("Stromae", "next-sentence-verb")]


def test_a_quote_after_a_full_stop_the_parser_did_not_split_is_direct(extract_text):
    doc = extract_text("Le directeur du site, Sébastien Depierre, a parlé mercredi.\nUne première réunion pourrait être programmée "
                       "le 20 juin, a-t-il indiqué. “Est également prévue la recherche de repreneurs”, a-t-il souligné. “La "
                       "procédure durerait jusqu’à la fin de l’année”.")
    assert [(q["kind"], q["speaker"]) for q in doc["quotes"]] == [("indirect", "Sébastien Depierre")] + [
        ("direct", "Sébastien Depierre")] * 2


def test_speech_verbs_the_lemmatizer_leaves_unlemmatised(extract_text):
    doc = extract_text("Outre des éclairs, il faut s’attendre à de fortes pluies. Elles pourraient atteindre les 140 km/h, voire plus "
                       "localement, indique MétéoSuisse sur son site.")
    assert [(q["text"], q["speaker"]) for q in doc["quotes"]] == [
        ("Elles pourraient atteindre les 140 km/h, voire plus localement", "MétéoSuisse")]


def test_selon_lui_inside_a_sentence_its_own_speech_verb_attributes_is_no_second_quote(extract_text):
    doc = extract_text("Le procureur Marc Dupont a parlé longtemps. Il a taclé aussi une « culture du mensonge », qui ne "
                       "permettra pas, selon lui, de complètement savoir ce qu'il s'est exactement passé.")
    assert [q["text"] for q in doc["quotes"]] == ["culture du mensonge"]


def test_marked_words_in_an_adjunct_of_a_participle_are_not_its_agents(extract_text):
    # "lancés par Moscou" describes the drones; the marked count is the military's, who speak in the clause
    doc = extract_text("Les autorités militaires ukrainiennes disent avoir détruit 52 des 54 drones explosifs lancés par "
                       "Moscou dans le pays dont « plus de 40 » au-dessus de la capitale.")
    q = next(q for q in doc["quotes"] if q["text"] == "plus de 40")
    assert q["speaker"].lower().startswith("autorités militaires")


def test_selon_lui_after_a_quote_is_the_one_just_quoted_not_the_last_name(extract_text):
    doc = extract_text("Le chef de parti Benoît Lutgen a rompu lundi avec les socialistes.\n"
                       "« Nous continuons à travailler », a déclaré le ministre Rudi Vervoort. Quant au contexte, on "
                       "est encore dans une phase de « sidération », selon lui. « Ce qui compte, c'est le projet », a-t-il conclu.")
    qs = {q["text"]: q["speaker"] for q in doc["quotes"]}
    assert qs["sidération"] == "Rudi Vervoort"
    assert qs["Ce qui compte, c'est le projet"] == "Rudi Vervoort"


def test_vouloir_dire_que_means_and_reports_no_one(extract_text):
    doc = extract_text("«C’est exactement ma pensée, a dit Julien qui a pris plus de temps que normalement pour se présenter "
                       "derrière le lutrin. Je sais que c’est arrivé cette semaine à une autre équipe quand la Floride a remonté. "
                       "Ils perdaient eux aussi 4 à 0 (contre les Ducks d’Anaheim). Ça ne veut pas dire que c’est acceptable.\n"
                       "«Offensivement, on est quand même une bonne équipe», a-t-il ajouté.")
    assert "c’est acceptable" not in [q["text"] for q in doc["quotes"]]


def test_pour_and_a_persons_name_frame_a_statement(extract_text):
    doc = extract_text("Le pays traverse une crise. Pour Cheikh Bamba Dieye, le déficit budgétaire qui frappe le pays est "
                       "préoccupant. Pour la première fois, la dette a doublé.")
    qs = {q["text"]: q for q in doc["quotes"]}
    assert qs["le déficit budgétaire qui frappe le pays est préoccupant"]["speaker"] == "Cheikh Bamba Dieye"
    assert len(qs) == 1


def test_a_l_en_croire_opens_a_statement_of_the_one_just_quoted(extract_text):
    doc = extract_text("Le pays traverse une crise. Pour Cheikh Bamba Dieye, le déficit budgétaire qui frappe le pays est "
                       "préoccupant. A l’en croire, les différents engagements pris par les autorités ont mis l’Etat au bord "
                       "de la banqueroute.")
    q = next(q for q in doc["quotes"] if q["text"].startswith("les différents engagements"))
    assert q["speaker"] == "Cheikh Bamba Dieye" and q["kind"] == "indirect"
