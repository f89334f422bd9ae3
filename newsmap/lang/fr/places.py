"""French words and patterns that the place rules (``newsmap/places.py``) read. Data, not logic."""

# heads of landmarks, streets and passes: "hôpital Saint-Pierre", "col du Tourmalet", "place Bellecour"
LANDMARK_HEADS = (
    "hôpital", "hôpitaux", "clinique", "centre hospitalier", "halle", "parc", "jardin", "place", "piazza", "stade", "gare",
    "gares", "col", "pont", "musée", "cathédrale", "basilique", "église", "collège", "lycée", "université", "aéroport",
    "palais", "château", "théâtre", "zénith", "chemin", "rue", "avenue", "boulevard", "quai", "pointe", "mont", "pic",
    "plage", "prison", "centre pénitentiaire", "port", "esplanade", "tour", "arène", "arènes", "salle", "forêt", "vallée",
    "route", "lieu-dit", "hameau", "quartier", "cité", "coin", "angle", "hôtel", "résidence", "rivière", "fleuve",
    "camping", "bar", "restaurant", "discothèque", "supermarché", "hypermarché", "centre commercial",
    "école", "manoir", "villa", "station", "métro",
)
# buildings named by their kind in common words, then their town: "palais de justice de Quimper", "salle des fêtes de
# Gignac", "lycée technique de Pikine" (the building at that town; a town the gazetteer lacks is part of the building's name)
DESCRIBED_HEADS = ("palais", "hôtel", "salle", "lycée", "collège", "école", "université", "hôpital", "clinique", "musée",
                   "stade", "gare", "aéroport", "prison", "maison", "centre", "église", "cathédrale", "mosquée", "théâtre",
                   "halle", "marché", "piscine", "usine")
# heads naming a street crossing by the other street's name ("coin McGill College"): the place is the name alone
CROSSING_HEADS = ("coin", "angle")
# streets, squares, parks and districts: named without their town, they are in the town the article is set in
# (a building may be a famous one elsewhere: "université Howard")
STREET_HEADS = ("rue ", "avenue ", "boulevard ", "place ", "piazza ", "quai ", "chemin ", "route ", "esplanade ", "parc ",
                "jardin ", "quartier ", "cité ", "lieu-dit ", "hameau ")
# local businesses: named with no town near them, they are in the town the article is set in ("le bar Le Winch")
LOCAL_HEADS = ("camping ", "bar ", "restaurant ", "discothèque ", "supermarché ", "hypermarché ", "centre commercial ")
# words that name where someone comes from, not where the story happens ("deux frères originaires de Changé")
ORIGIN_CUES = r"(?:originaires?|natifs?|natives?|venus?|venues?)\s+(?:de\s+|d'|d’|du\s+)$"
# rivers: named with no town near them, in the area of the town the story is set in ("la rivière Lonza")
RIVER_HEADS = ("rivière ", "fleuve ")
# nouns of facilities: a sentence about them may list each with its town in parentheses
FACILITY_NOUNS = (r"écoles?|lycées?|collèges?|hôpitaux|hôpital|cliniques?|CHSLD|résidences?|établissements?|usines?|sites?"
                  r"|complexes?|campus|prisons?|centres?|stades?|églises?|mosquées?|gisements?|mines?|champs?|centrales?|bases?")
# landmarks of nature: placed only at a town of their own sentence ("col du Tourmalet" is no part of Lyon)
NATURAL_HEADS = ("col ", "mont ", "pic ", "pointe ", "plage ", "forêt ", "vallée ")
# heads of names that carry the town they are in or named after: "Festival de Cannes", "hôpital de Sion"
NAME_WITH_TOWN_HEADS = (
    "festival", "carnaval", "salon", "foire", "marathon", "tournoi", "open", "biennale", "rencontres", "sommet",
    "hôpital", "centre hospitalier", "chu", "clinique", "aéroport", "gare", "tribunal", "cour d'appel", "prison",
    "université", "port", "stade", "zénith", "opéra", "conservatoire", "musée", "cathédrale", "lycée", "collège",
    "mairie", "préfecture", "chemins", "chemin", "accords", "accord", "traité", "conférence", "procès",
    "coupe", "championnat", "grand prix", "grand-prix", "rallye", "tour", "trophée", "jeux",
    "ville", "commune", "village", "municipalité", "localité",
)
# of those, the nouns of a town: the name after them is the town, never the division of that name ("la ville de Québec")
TOWN_NOUNS = frozenset({"ville", "commune", "village", "municipalité", "localité"})
# words before a name that make it a place ("à Chamoson", "sur Saké", "vers Kibumba")
LOCATIVE_CUES = r"(?:à|au|aux|en|dans|sur|vers|depuis|jusqu'à|jusqu’à|près\s+de|près\s+d'|près\s+d’|localités?\s+de|villages?\s+de|commune\s+de|ville\s+de)"
# "au Québec", "du Valais", "le Québec et l'Ontario": a masculine article before a name points to a region, not to a town
# of that name
MASCULINE_ARTICLE = r"(?:\bau|\bdu|\ble)\s+$"
# communes whose name carries an article: "au Lavandou" → "Le Lavandou", "aux Mureaux" → "Les Mureaux"
ARTICLE_CONTRACTIONS = {"au": "Le", "du": "Le", "aux": "Les", "des": "Les"}
ELISIONS = ("d'", "d’", "l'", "l’")
# descriptive names (periphrases) → the gazetteer name they stand for (matched in any case, but a key written with capitals
# only with those capitals: "la Grande Île" is Madagascar, "une grande île" is not)
DESCRIPTIVE = {
    "la cité phocéenne": "Marseille",
    "la région parisienne": "Île-de-France",
    "la ville lumière": "Paris",
    "la capitale des gaules": "Lyon",
    "la ville rose": "Toulouse",
    "la cité ardente": "Liège",
    "la cité prévôtoise": "Moutier",
    "la belle province": "Québec",
    "la ville éternelle": "Rome",
    "l'hexagone": "France",
    "en métropole": "France",
    "la perle du pacifique": "Polynésie française",
    "la Grande Île": "Madagascar",  # a capitalised key is matched with its capitals only
    "la Grande Ile": "Madagascar",
}
# the compass regions of France as French news names them ("sauf dans le Sud-Ouest"): (lat, lon) of their middle.
# Taken only after an article and when the article is on France or names no country with a division of that name
# (Burkina Faso and Cameroon have a Sud-Ouest region)
MACRO_REGIONS = {
    "Sud-Ouest": (44.0, 0.5), "Sud-Est": (43.9, 5.6), "Nord-Est": (48.7, 5.8), "Nord-Ouest": (48.6, -1.0),
    "Grand Ouest": (47.8, -1.8), "Grand-Ouest": (47.8, -1.8), "Centre-Est": (46.0, 4.8), "Centre-Ouest": (46.3, 0.3),
    "Grand Nord": (50.3, 3.0),
}
# a road by its number after a locative ("sur l'A7", "sur le CR325", "sur la RN 20", "l'autoroute A13")
ROAD_CODE = (r"(?:(?:sur|de|par|vers|depuis|via|à hauteur de)\s+(?:l'|l’|le\s+|la\s+)|l'autoroute\s+|l’autoroute\s+|la nationale\s+"
             r"|la départementale\s+|la route\s+)(?P<code>(?:RN|RD|CR|RR|RC|A|N|D|E|R|M|B|S)\s?\d{1,4})(?![\w-])")
# division heads: "région du Centre", "canton de Vaud", "province d'Al-Haouz"
DIVISION_HEADS = r"régions?|oblasts?|provinces?|cantons?|comtés?|départements?|raions?|districts?|états?|préfectures?"
# the countries of French-language news readers: the prior for a namesake when an article names no country
# (``Brest`` alone is the Breton port, not the Belarusian city twice its size); never a licence for a village
HOME_COUNTRIES = frozenset({"FR", "BE", "CH", "LU", "MC", "CA"})
# adjectives that keep "la capitale" the capital of the article's country ("la capitale fédérale": Ottawa in a story on Canada)
CAPITAL_SAME = frozenset({"fédérale"})
# words that may follow "la capitale" without qualifying it ("la capitale a voté", "pour la capitale, il …")
CLAUSE_WORDS = frozenset({"a", "est", "était", "sera", "avait", "et", "où", "qui", "que", "ont", "se", "s'", "ne", "n'", "y"})
# small words that stay in lower case inside a place name ("Saint-Germain-des-Prés", "Villeneuve-sur-Lot")
NAME_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "sur", "sous", "en", "et", "lès", "lez", "aux", "au", "d", "l"})
# generic first words of a name: alone, a piece of a longer name ("Grand Étang", "Petit-Lancy"), never a town of their own
# (the village of Grand, Vosges)
GENERIC_NAME_WORDS = frozenset({"grand", "grande", "petit", "petite", "haut", "haute", "bas", "basse", "saint", "sainte",
                                "mont", "port", "pointe", "cap", "lac", "val", "vieux", "vieille", "nouveau", "nouvelle",
                                "nord", "sud", "est", "ouest", "centre", "plaine", "bois", "champ", "champs", "étang"})


# ---------------------------------------------------------------- patterns built from the words above
import re  # noqa: E402

from .lexicon import MONTHS  # noqa: E402

NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[- ][A-ZÀ-ÖØ-Þ][\w'’-]*)?"
DIVISION_RE = re.compile(
    rf"\b(?P<head>(?i:{DIVISION_HEADS}))\s+(?:(?P<adj>[a-zéèêëïîôûç-]+)\s+)?(?:de\s+la\s+|de\s+l'|de\s+l’|du\s+|des\s+|de\s+|d'|d’)(?P<name>{NAME})"
)
HEADS = "|".join(sorted(map(re.escape, LANDMARK_HEADS), key=len, reverse=True))
# a street named after a date: "boulevard du 20 mai", "place du 8-Mai-1945"
DATE_NAME = r"\d{1,2}(?:er)?[ -](?i:" + "|".join(MONTHS) + r")(?:[ -]\d{4})?(?![\w-])"
LANDMARK_RE = re.compile(
    rf"\b(?i:{HEADS})\s+(?P<of>de\s+la\s+|de\s+l'|de\s+l’|du\s+|des\s+|de\s+|d'|d’)?(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*|{DATE_NAME})"
    rf"(?:\s+et\s+(?:du|de\s+la|des|de)\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)?"
    rf"(?:(?:\s+(?:de|à|d'|d’)|,\s+à)\s*(?P<town>{NAME})|\s*\((?P<town2>{NAME})\))?"
)
DESCRIBED_LANDMARK_RE = re.compile(rf"\b(?i:{'|'.join(DESCRIBED_HEADS)})(?P<words>(?:\s+[a-zà-ÿ'’-]+){{1,2}}?)\s+(?:de\s+|d'|d’)"
                                   rf"(?P<town>{NAME})")
TOWN_HEADS = "|".join(sorted(map(re.escape, NAME_WITH_TOWN_HEADS), key=len, reverse=True))
# "le secteur du Roannais", "dans le Mâconnais": the country around a town, named by its adjective (not "le Lyonnais Karim X")
TOWN_COUNTRY_RE = re.compile(r"(?<![\w-])(?:du|le|au|dans\s+le)\s+(?P<name>(?P<stem>[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,})(?:ais|ois))"
                             r"(?![\w-])(?!\s+[A-ZÀ-ÖØ-Þ])")
# "deuxième ville d'Ukraine", "la plus grande ville du pays": a rank before the town noun, whose complement is the country
RANK_BEFORE = re.compile(r"(?:\b\w+ième|\bpremière|\bseconde|\bplus\s+grande|\bprincipale)\s+$", re.I)
TOWN_IN_NAME_RE = re.compile(rf"\b(?P<head>(?i:{TOWN_HEADS}))\s+(?:de\s+|d'|d’|du\s+)(?P<town>{NAME})")
CUE_NAME_RE = re.compile(rf"(?<![\w-]){LOCATIVE_CUES}\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+)")
# "la région parisienne" and "en région parisienne": the article "la" may be left out
DESCRIPTIVE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.sub(r"^la\\ ", "(?:la )?", re.escape(k)) for k in DESCRIPTIVE)
                             + r")(?![\w-])", re.I)
DESCRIPTIVE_BY_KEY = {k.lower(): (k, v) for k, v in DESCRIPTIVE.items()}
ROAD_RE = re.compile(ROAD_CODE)
FACILITY_RE = re.compile(rf"\b(?:{FACILITY_NOUNS})\b", re.I)
MACRO_RE = re.compile(r"(?<![\w-])(?:le|du|au|dans le|sur le|tout le)\s+(?P<name>" + "|".join(map(re.escape, MACRO_REGIONS))
                       + r")(?![\w-])")
TOWN_NOUN_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(TOWN_NOUNS))})\s+(?:de\s+|d'|d’)$")
PERSON_PLACE_CUE = re.compile(rf"(?<![\w-])(?:{LOCATIVE_CUES}|de|d'|d’)\s*$")
