import datetime as dt

import pytest

from newsmap.dates import find_dates

WED = dt.date(2024, 11, 20)  # a Wednesday

CASES = [
    ("L'association a publié ce mercredi un communiqué.", "ce mercredi", "2024-11-20", "day"),
    ("Mardi, Dubois avait refusé cela.", "Mardi", "2024-11-19", "day"),
    ("La mairie avait donné dimanche son accord.", "dimanche", "2024-11-17", "day"),
    ("Il se rendra jeudi à Paris.", "jeudi", "2024-11-21", "day"),
    ("Lundi dernier, il a parlé.", "Lundi dernier", "2024-11-18", "day"),
    ("Vendredi prochain, il parlera.", "Vendredi prochain", "2024-11-22", "day"),
    ("Samedi soir, des frappes ont eu lieu.", "Samedi soir", "2024-11-16", "day"),
    ("Lundi matin, il est parti.", "Lundi matin", "2024-11-18", "day"),
    ("Hier, il a dit non.", "Hier", "2024-11-19", "day"),
    ("Le 24 février 2022, la Russie a envahi l'Ukraine.", "24 février 2022", "2022-02-24", "day"),
    ("Les chiffres du tourisme en 2022 restent records.", "en 2022", "2022", "year"),
    ("En juillet, il a signé.", "En juillet", "2024-07", "month"),
    ("Il viendra en septembre.", "en septembre", "2025-09", "month"),
    ("Il y a trois jours, le sommet s'est ouvert.", "Il y a trois jours", "2024-11-17", "day"),
    ("Le verdict doit être rendu le 20 décembre.", "le 20 décembre", "2024-12-20", "day"),
    ("Le ministre est attendu dimanche à Lorient.", "dimanche", "2024-11-24", "day"),
    ("La boutique a fermé le jour de Noël.", "le jour de Noël", "2023-12-25", "day"),
]


@pytest.mark.parametrize("text,mention,value,precision", CASES)
def test_normalised_against_publication(nlp, text, mention, value, precision):
    found = {d["mention"].lower(): d for d in find_dates(text, WED, nlp(text))}
    hit = next(d for m, d in found.items() if mention.lower() in m)
    assert (hit["value"], hit["precision"]) == (value, precision)


def test_night_range_has_start_and_end(nlp):
    text = "Dans la nuit du 18 au 19 novembre, la neige est tombée."
    d = find_dates(text, WED, nlp(text))[0]
    assert (d["value"], d["end_value"]) == ("2024-11-18", "2024-11-19")


def test_la_veille_counts_from_the_event_in_context(nlp):
    text = "Il est arrivé le 18 novembre. La veille, il avait parlé. Le lendemain, il est reparti."
    values = [d["value"] for d in find_dates(text, WED, nlp(text))]
    assert values == ["2024-11-18", "2024-11-17", "2024-11-19"]


def test_impossible_date_is_kept_without_a_made_up_value(nlp):
    text = "Le 31 février, rien ne s'est passé."
    (d,) = find_dates(text, WED, nlp(text))
    assert d["value"] is None and d["note"] == "invalid date"


def test_a_number_is_not_a_year(nlp):
    text = "Il a parlé de 2000 soldats déployés."
    assert find_dates(text, WED, nlp(text)) == []


def test_year_lists_give_one_record_per_year(nlp):
    text = "Les concours organisés en 2018, 2020 et 2021 ont attiré des centaines de candidats."
    assert [d["value"] for d in find_dates(text, WED, nlp(text))] == ["2018", "2020", "2021"]


@pytest.mark.parametrize("text,mention,value,part", [
    ("Lundi, la police est arrivée dans la soirée.", "dans la soirée", "2024-11-18", "soir"),
    ("Les secours sont intervenus en soirée.", "en soirée", "2024-11-20", "soir"),
    ("Le 12 novembre, l'incendie a repris dans l'après-midi.", "dans l'après-midi", "2024-11-12", "après-midi"),
    ("Hier, dès l'aube, les pompiers étaient sur place.", "dès l'aube", "2024-11-19", "aube"),
    ("Pour la fin de l'après-midi et la soirée, le vent soufflera.", "Pour la fin de l'après-midi", "2024-11-20",
     "après-midi"),
    ("Pour la fin de l'après-midi et la soirée, le vent soufflera.", "et la soirée", "2024-11-20", "soir"),
    ("Le 12 novembre, elle vendait des glaces en cette journée ensoleillée.", "en cette journée", "2024-11-12", None),
])
def test_part_of_day_is_the_day_in_context(text, mention, value, part):
    (d,) = [d for d in find_dates(text, WED) if d["mention"] == mention]
    assert (d["value"], d["precision"], d["part"], d["rule"]) == (value, "day", part, "day_part")


def test_dates_name_their_rule():
    assert [d["rule"] for d in find_dates("Lundi dernier, entre 2004 et 2016, à l'automne 2019.", WED)] == \
        ["weekday", "year_range", "year"]


MARCH = dt.date(2023, 3, 10)


@pytest.mark.parametrize("text,mention,value,end_value", [
    ("Il viendra le 12 mai prochain.", "le 12 mai prochain", "2023-05-12", None),
    ("Il est parti il y a un an.", "il y a un an", "2022", None),
    ("Le vote aura lieu dans 21 jours.", "dans 21 jours", "2023-03-31", None),
    ("Les chiffres du mois dernier sont bons.", "du mois dernier", "2023-02", None),
    ("Il a beaucoup voyagé cet été.", "cet été", "2023", None),
    ("Il a beaucoup voyagé l'été dernier.", "l'été dernier", "2022", None),
    ("Le projet a été annoncé le printemps dernier.", "le printemps dernier", "2022", None),
    ("Le chantier a duré entre janvier et août 2020.", "entre janvier et août 2020", "2020-01", "2020-08"),
    ("Les concerts des 24, 25 et 26 mai sont annulés.", "des 24, 25 et 26 mai", "2023-05-24", "2023-05-26"),
])
def test_more_date_forms(text, mention, value, end_value):
    (d,) = [d for d in find_dates(text, MARCH) if d["mention"] == mention]
    assert (d["value"], d["end_value"]) == (value, end_value)


def test_every_date_names_its_rule_also_in_a_list_of_years():
    out = find_dates("Des fêtes ont eu lieu en 2018, 2020 et 2021.", WED)
    assert [(d["mention"], d["rule"]) for d in out] == [("en 2018", "year"), ("2020", "year"), ("2021", "year")]


def test_conditional_governing_a_participle_points_forward(nlp):
    text = "Un concert pourrait être organisé le 18 novembre pour fêter le club."
    (d,) = [d for d in find_dates(text, WED, nlp(text)) if d["mention"] == "le 18 novembre"]
    assert d["value"] == "2025-11-18"  # a meeting that may come, not one held two days ago


def test_forecast_weekday_follows_the_sentences_main_verb(nlp):
    text = ("La fête devrait animer la ville, les fanfares jouant dans les rues où vivent des milliers d'habitants, "
            "avant de se terminer samedi matin.")
    (d,) = [d for d in find_dates(text, WED, nlp(text)) if d["mention"].startswith("samedi")]
    assert d["value"] == "2024-11-23"


def test_au_lendemain_des_is_the_day_after_the_event_in_context(nlp):
    text = "Le concert a eu lieu dimanche soir. Au lendemain des festivités, la fatigue a fait place au rangement."
    values = {d["mention"].lower(): d["value"] for d in find_dates(text, WED, nlp(text))}
    assert values["au lendemain des"] == "2024-11-18"
    text = "Elle a signé ce mercredi. Cette vente intervient au lendemain de l'accord."  # never after publication
    assert [d["value"] for d in find_dates(text, WED, nlp(text))] == ["2024-11-20", "2024-11-20"]

SUN = dt.date(2024, 11, 17)  # a Sunday


def test_weekend_forecast_days_and_weekdays_of_that_weekend(nlp):
    text = ("Pour leur prochain week-end (samedi 23 et dimanche 24 novembre), le marché reste ouvert. "
            "Nous gardons les mêmes horaires samedi. Le programme changera peu dimanche.")
    got = [(d["mention"], d["value"]) for d in find_dates(text, SUN, nlp(text))]
    assert got == [("prochain week-end", "2024-11-23"), ("samedi 23 et dimanche 24 novembre", "2024-11-23"),
                   ("samedi", "2024-11-23"), ("dimanche", "2024-11-24")]


def test_weekday_of_a_coming_programme(nlp):
    text = "Le budget sera examiné par le conseil à partir de lundi. Début de l'examen lundi au conseil."
    assert [d["value"] for d in find_dates(text, SUN, nlp(text))] == ["2024-11-18", "2024-11-18"]


def test_offsets_from_the_date_in_context_or_the_clauses_day(nlp):
    text = "Le 20 novembre 2012, le club a ouvert ses portes. 10 ans plus tard, il déménage."
    assert find_dates(text, WED, nlp(text))[-1]["value"] == "2022"
    text = "Le jury, convoqué quinze jours après le concours, a désigné les gagnants."
    (d,) = find_dates(text, WED, nlp(text))
    assert (d["mention"], d["value"], d["rule"]) == ("quinze jours après", "2024-11-20", "offset")
    text = "Elle a déménagé moins de trois semaines avant le concours."  # a vague span, no date
    assert find_dates(text, WED, nlp(text)) == []


def test_bare_day_takes_the_month_named_earlier_in_its_sentence(nlp):
    text = ("En octobre, elle a dû reporter ses ateliers à Rennes (le 22) et Brest (les 23 et 24), puis à Angers (du 29 au 31). "
            "Le 14, rien.")
    got = [(d["mention"], d["value"], d["end_value"]) for d in find_dates(text, WED, nlp(text))]
    assert got == [("En octobre", "2024-10", None), ("le 22", "2024-10-22", None), ("les 23 et 24", "2024-10-23", "2024-10-24"),
                   ("du 29 au 31", "2024-10-29", "2024-10-31")]


def test_year_closing_a_noun_phrase(nlp):
    text = "Festival 2025 : la mairie a trouvé un accord. Ils étaient 2000."
    assert [(d["mention"], d["value"]) for d in find_dates(text, WED, nlp(text))] == [("2025", "2025")]


THU = dt.date(2025, 8, 13)  # a Wednesday


def test_weekday_spans_and_forecast_cues(nlp):
    text = ("La piscine restera fermée pour la journée de jeudi. Des animations sont prévues de vendredi à dimanche "
            "dans le parc. Le marché était ouvert du lundi au mercredi.")
    got = [(d["mention"], d["value"], d["end_value"], d["rule"]) for d in find_dates(text, THU, nlp(text))]
    assert got == [("pour la journée de jeudi", "2025-08-14", None, "weekday"),
                   ("de vendredi à dimanche", "2025-08-15", "2025-08-17", "weekday_span"),
                   ("du lundi au mercredi", "2025-08-11", "2025-08-13", "weekday_span")]
    text = "Le musée était fermé de lundi à mercredi dernier."
    assert [(d["value"], d["end_value"]) for d in find_dates(text, THU, nlp(text))] == [("2025-08-04", "2025-08-06")]


def test_since_the_start_of_the_week_month_or_year(nlp):
    text = "Depuis le début de la semaine, trois concerts ont eu lieu. Depuis le début du mois, il pleut. Depuis le début de l'année, rien."
    assert [(d["value"], d["rule"]) for d in find_dates(text, THU, nlp(text))] == [
        ("2025-08-11", "since_start"), ("2025-08", "since_start"), ("2025", "since_start")]


def test_months_or_years_after_an_event_is_the_clauses_time(nlp):
    text = "Un nouveau directeur a été nommé, neuf mois après le départ du fondateur."
    assert [(d["value"], d["rule"]) for d in find_dates(text, THU, nlp(text))] == [("2025-08", "offset")]
    text = "En mars 2020, la boutique a ouvert. Deux ans après l'ouverture, tout a changé."
    assert [d["value"] for d in find_dates(text, THU, nlp(text))] == ["2020-03", "2022"]


def test_day_and_month_in_figures_without_a_year(nlp):
    text = "Bilan au 24/02 : 300 cas. Le score était de 3/1, la note 8/10, le taux 12/10%."
    assert [(d["mention"], d["value"]) for d in find_dates(text, THU, nlp(text))] == [("24/02", "2025-02-24")]


def test_the_new_year_is_the_one_just_begun_or_the_next(nlp):
    text = "Le gouvernement a lancé la nouvelle année."
    assert find_dates(text, dt.date(2018, 1, 8), nlp(text))[0]["value"] == "2018"
    assert find_dates(text, dt.date(2018, 12, 20), nlp(text))[0]["value"] == "2019"


def test_a_month_named_again_is_the_same_month(nlp):
    text = "Le club, fondé en mai, a déjà recruté dix joueurs. « Nous travaillons dur depuis sa fondation en mai », dit son président."
    assert [d["value"] for d in find_dates(text, dt.date(2023, 12, 10), nlp(text))] == ["2023-05", "2023-05"]


def test_abbreviated_month_after_a_day(nlp):
    text = "Lyon, 23 déc 2023 (AFP) – Le bilan. Le 5 janv. il partira. Ils étaient 23 sept à venir."
    assert [(d["mention"], d["value"]) for d in find_dates(text, dt.date(2023, 12, 23), nlp(text))] == [
        ("23 déc 2023", "2023-12-23"), ("Le 5 janv.", "2024-01-05")]


def test_today_in_words_said_on_a_day_named_before_is_that_day(nlp):
    pub = dt.date(2024, 4, 17)  # a Wednesday; the committee met on Thursday 11 April
    text = ("Le comité des fêtes s'est réuni le jeudi 11 avril. « Je ne trancherai pas ce soir sur tout », a dit la présidente. "
            "Le trésorier a confirmé lundi, précisant que le budget est aujourd'hui bouclé. Il neige ce soir sur la ville.")
    assert [(d["mention"], d["value"]) for d in find_dates(text, pub, nlp(text))] == [
        ("le jeudi 11 avril", "2024-04-11"), ("ce soir", "2024-04-11"), ("lundi", "2024-04-15"),
        ("aujourd'hui", "2024-04-15"), ("ce soir", "2024-04-17")]
    text = ("Le comité s'est réuni le jeudi 11 avril. « C'est trop tôt, je ne trancherai pas ce soir, a assuré la présidente. "
            "Les membres ont applaudi.")
    assert find_dates(text, pub, nlp(text))[1]["value"] == "2024-04-11"  # a quote the attribution interrupts, never closed


def test_half_year_with_its_year_is_its_first_month(nlp):
    text = "La hausse des loyers a commencé au second semestre 2021 et cessera au premier semestre 2024."
    assert [(d["mention"], d["value"]) for d in find_dates(text, dt.date(2023, 3, 17), nlp(text))] == [
        ("second semestre 2021", "2021-07"), ("premier semestre 2024", "2024-01")]


def test_in_a_month_is_the_day_a_month_ahead(nlp):
    text = "Le second versement sera effectué dans un mois."
    assert find_dates(text, dt.date(2021, 6, 2), nlp(text))[0]["value"] == "2021-07-02"


def test_ce_jour_is_the_day_in_context_a_ce_jour_is_no_date(nlp):
    text = ("L'observatoire a publié ses relevés le 19 février 2025. Le rapport, mis en ligne sur son site ce jour, est repris. "
            "À ce jour, rien.")
    assert [(d["mention"], d["value"]) for d in find_dates(text, dt.date(2025, 3, 22), nlp(text))] == [
        ("le 19 février 2025", "2025-02-19"), ("ce jour", "2025-02-19")]


def test_in_the_night_told_in_the_past_on_publication_day_starts_the_day_before(nlp):
    text = "Le club a affirmé dimanche avoir repoussé dans la nuit l'offre de rachat la plus élevée du championnat."
    got = find_dates(text, dt.date(2023, 5, 28), nlp(text))  # a Sunday
    assert [(d["mention"], d["value"]) for d in got] == [("dimanche", "2023-05-28"), ("dans la nuit", "2023-05-27")]
    text = "Des orages sont attendus dans la nuit sur la région."
    assert find_dates(text, dt.date(2023, 5, 28), nlp(text))[0]["value"] == "2023-05-28"


def test_the_combined_date_pattern_finds_what_the_plain_alternation_finds():
    """dates._compile shares the word-start check between patterns (speed); matches, order and rules must not change."""
    import re

    from newsmap import dates

    plain = re.compile("|".join(f"(?P<{n}>{p.replace('(?P<', f'(?P<{n}_')})" for n, p in dates.D.PATTERNS), re.I)
    text = ("Le 12/03, puis du lundi 3 au mercredi 5 mars 2024, l'an dernier, il y a trois semaines, x12/03 et 14/07. "
            "Mardi soir, au premier trimestre 2023, entre 2004 et 2016, en mai dernier, ce jour-là, deux jours plus tard, "
            "à Noël, dans la soirée du 4 au 5 juin, le 1er janvier 2025 à l'aube, les 3, 4 et 5 juillet.")
    got = [(m.span(), m.lastgroup) for m in dates._regex().finditer(text)]
    assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text)] and len(got) >= 15


def test_a_part_of_the_day_counts_from_the_storys_day_not_from_a_date_inside_a_clause(nlp):
    text = ("La commission s'est montrée stricte mardi, alors que passaient devant elle des chauffeurs contrôlés sur le fait "
            "dimanche, à la sortie du péage. Les premières sanctions ont été prononcées en milieu d'après-midi.")
    got = {d["mention"]: d["value"] for d in find_dates(text, dt.date(2018, 7, 17), nlp(text))}  # a Tuesday
    assert got["dimanche"] == "2018-07-15" and got["en milieu d'après-midi"] == "2018-07-17"


def test_la_veille_counts_from_the_storys_day_not_from_a_nouns_date(nlp):
    text = ("Jour 2 ce samedi 7 mai au salon du livre de la ville. Après l'affluence du vendredi soir, les auteurs "
            "ont dédicacé. La libraire est revenue sur la réussite de la veille.")
    got = {d["mention"]: d["value"] for d in find_dates(text, dt.date(2022, 5, 7), nlp(text))}
    assert got["la veille"] == "2022-05-06"


@pytest.mark.parametrize("text,published,mention,value", [
    ("Jusqu'au 30 novembre, un spectacle de marionnettes est joué au théâtre.", dt.date(2022, 5, 23), "Jusqu'au 30 novembre", "2022-11-30"),
    ("Elle a annoncé le report de ses conférences prévues jusqu'à la fin mai. Celles de Dijon, les 24, 25 et 26 mai, ont été "
     "reportées.",
     dt.date(2023, 4, 4), "les 24, 25 et 26 mai", "2023-05-24"),
    ("En Belgique, les conférences de Namur, les 20 et 21 avril, ont été reportées.", dt.date(2023, 4, 4), "les 20 et 21 avril",
     "2023-04-20"),
    ("Le match du 20 avril a été reporté.", dt.date(2023, 6, 4), "20 avril", "2023-04-20"),
    ("Un pompier qui est parti à la retraite à la fin mai témoignait.", dt.date(2023, 12, 22), "fin mai", "2023-05"),
])
def test_the_year_of_a_day_and_month_without_one(nlp, text, published, mention, value):
    got = {d["mention"]: d["value"] for d in find_dates(text, published, nlp(text))}
    assert got[mention] == value


def test_a_weekday_that_contradicts_its_date_corrects_a_misprinted_month(nlp):
    text = "Au mercredi 1er mars 2020, 75 dossiers ont été déclarés complets."
    (d,) = [d for d in find_dates(text, dt.date(2020, 4, 1), nlp(text)) if d["rule"] == "full"]
    assert (d["value"], d["corrected"]) == ("2020-04-01", "weekday")
    text = "Le mercredi 1er mars 2020, la séance a été levée."  # no such Wednesday near publication: the date as written
    assert find_dates(text, dt.date(2020, 9, 1), nlp(text))[0]["value"] == "2020-03-01"


def test_a_bare_day_with_no_month_in_its_sentence_is_in_the_storys_month(nlp):
    text = "L'artiste expose ce 11 octobre. Il a été sélectionné le 9, car un autre peintre n'avait pas été retenu."
    got = {d["mention"]: d["value"] for d in find_dates(text, dt.date(2021, 10, 12), nlp(text))}
    assert got["le 9"] == "2021-10-09"
    text = "L'artiste expose ce 3 octobre. Il a été sélectionné le 28, car un autre peintre n'avait pas été retenu."
    assert {d["mention"]: d["value"] for d in find_dates(text, dt.date(2021, 10, 4), nlp(text))}["le 28"] == "2021-09-28"


def test_a_weekday_picks_the_year_of_a_day_and_month_written_after_an_older_date(nlp):
    text = "Le chantier date de décembre 2018. Ce dimanche 16 février, les riverains ont pique-niqué."
    got = {d["mention"].lower(): d for d in find_dates(text, dt.date(2020, 2, 17), nlp(text))}
    hit = next(d for m, d in got.items() if "16 février" in m)
    assert (hit["value"], hit["corrected"]) == ("2020-02-16", "weekday")


def test_a_weekday_one_day_off_its_date_corrects_a_misprinted_day(nlp):
    text = "La foire a été inaugurée ce vendredi 20 janvier 2022 par le maire."
    (d,) = [d for d in find_dates(text, dt.date(2022, 1, 21), nlp(text)) if d["rule"] == "full"]
    assert (d["value"], d["corrected"]) == ("2022-01-21", "weekday")
    text = "Le vendredi 20 janvier 2022, la séance a été levée."  # far from publication: the date as written
    assert find_dates(text, dt.date(2022, 9, 1), nlp(text))[0]["value"] == "2022-01-20"


def test_le_printemps_without_dernier_or_prochain_is_no_date():
    assert find_dates("Le printemps arabe a changé la région.", MARCH) == []


def test_a_bare_weekday_already_named_with_prochain_is_that_day(nlp):
    text = ("Les écoles défileront au boulevard vendredi prochain. Le dernier essai a eu lieu mardi. "
            "En prélude à la fête de vendredi, l'essai a eu lieu.")
    got = [d for d in find_dates(text, WED, nlp(text)) if d["mention"].lower() == "vendredi"]
    assert [d["value"] for d in got] == ["2024-11-22"]


def test_a_street_named_after_a_date_is_no_date(nlp):
    text = "Six écoles défileront vendredi au Boulevard du 20 mai. Une gerbe sera déposée place du 8-Mai-1945."
    assert [d["mention"] for d in find_dates(text, dt.date(2022, 5, 18), nlp(text))] == ["vendredi"]
