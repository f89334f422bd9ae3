"""French date patterns (newsmap/dates.py): one named pattern per rule of ``dates.RULES``, built from the
lexicon's month, weekday and number words, and the words the resolution reads. A second language gives the
same names in its own folder."""

from .lexicon import DAY_PARTS, MONTH_ABBREVIATIONS, MONTHS, NUMBERS, QUARTER_WORDS, SEASONS, WEEKDAYS

WD = "(?:" + "|".join(WEEKDAYS) + ")"
MO = "(?:" + "|".join(MONTHS + ["fevrier", "aout", "decembre"]) + ")"
MO_ABBR = "(?:" + MO + "|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")(?:\.|(?=\s+(?:1[89]|20)\d\d\b)))"  # after a day, before "." or a year
DAYN = r"(?:1er|[12]\d|3[01]|0?[1-9])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
PART = r"(?:\s+(?P<part>matin|soir|après-midi|midi|dans la soirée|dans la matinée))?"
NUM = r"(?:\d+|" + "|".join(NUMBERS) + ")"
QUARTERS = "(?:" + "|".join(QUARTER_WORDS) + ")"
B = r"(?<![\w-])"
E_ = r"(?![\w-])"

PATTERNS: list[tuple[str, str]] = [
    ("range_days", B + r"(?:(?:dans )?la nuit |(?:dans )?la soirée )?du\s+(?:" + WD + r"\s+)?(?P<d1>" + DAYN + r")(?:\s+(?P<m1>" + MO + r"))?\s+au\s+(?:" + WD + r"\s+)?(?P<d2>" + DAYN + r")\s+(?P<m2>" + MO + r")(?:\s+(?P<y>" + YEAR + r"))?" + E_),
    ("range_between", B + r"entre le\s+(?P<d1>" + DAYN + r")(?:\s+(?P<m1>" + MO + r"))?\s+et le\s+(?P<d2>" + DAYN + r")\s+(?P<m2>" + MO + r")(?:\s+(?P<y>" + YEAR + r"))?" + E_),
    ("range_weekdays", B + r"(?P<until>jusqu'à |d'ici |à partir de )?(?:dans )?la nuit de\s+(?P<w1>" + WD + r")\s+à\s+(?P<w2>" + WD + r")" + E_),
    ("weekday_span", B + r"(?:de|du|entre)\s+(?P<w1>" + WD + r")\s+(?:à|au|et)\s+(?P<w2>" + WD + r")(?:\s+(?P<dir>prochain|dernier|passé))?" + E_),
    ("quarter", B + r"(?P<q>" + QUARTERS + r")\s+trimestre(?:\s+(?:de\s+)?(?P<y>" + YEAR + r"))?" + E_),
    ("semester", B + r"(?P<q>premier|1er|second|deuxième|2e)\s+semestre(?:\s+(?:de\s+)?(?P<y>" + YEAR + r"))?" + E_),
    ("day_list", B + r"(?:(?:les|des)\s+|" + WD + r"\s+)(?P<d1>" + DAYN + r")(?:\s*,\s*(?:" + WD + r"\s+)?" + DAYN + r")*\s+et\s+(?:" + WD + r"\s+)?(?P<d2>" + DAYN + r")\s+(?P<m>" + MO + r")(?:\s+(?P<y>" + YEAR + r"))?" + E_),
    ("month_range", B + r"(?:entre|de)\s+(?P<m1>" + MO + r")\s+(?:et|à)\s+(?P<m2>" + MO + r")(?:\s+(?P<y>" + YEAR + r"))?" + E_),
    ("numeric", B + r"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>" + YEAR + r")" + E_),
    ("numeric_day_month", r"(?<![\d/.,])(?P<d>0[1-9]|[12]\d|3[01])/(?P<m>0[1-9]|1[0-2])(?![/\d%])"),
    ("full", B + r"(?:(?:le|ce|dès le|depuis le|jusqu'au|avant le|après le)\s+)?(?:(?P<w>" + WD + r")\s+)?(?P<d>" + DAYN + r")\s+(?P<m>" + MO_ABBR + r")(?:\s+(?P<y>" + YEAR + r"))?(?:\s+(?P<dir>prochain|dernier|passé))?" + PART + E_),
    ("month_year", B + r"(?:(?:en|depuis|dès|jusqu'en|début|fin|mi-|courant|à la fin|au début)\s*)?(?:de |d')?(?P<m>" + MO + r")\s+(?P<y>" + YEAR + r")" + E_),
    ("month", B + r"(?:(?P<prep>en|depuis|dès|jusqu'en|début|fin|mi-|courant|au mois de|le mois de|à partir de|d'ici)\s*)?(?P<m>" + MO + r")(?:\s+(?P<dir>dernier|prochain|passé))?" + E_),
    ("year_range", B + r"(?:entre|de)\s+(?P<y1>" + YEAR + r")\s+(?:et|à)\s+(?P<y2>" + YEAR + r")" + E_),
    ("year", B + r"(?P<prep>en|depuis|dès|jusqu'en|avant|après|d'ici|fin|début|courant|l'an|l'année|année|de|à|et|l'été|l'hiver|l'automne|le printemps|au printemps|à l'été|à l'automne|à l'hiver)\s+(?P<y>" + YEAR + r")(?P<more>(?:\s*,\s*" + YEAR + r"|\s+et\s+" + YEAR + r")*)" + E_),
    ("season", B + r"(?:cet |tout l'|l'|au |ce |le (?=\w+\s+(?:dernier|prochain)\b))(?P<s>" + "|".join(SEASONS) + r")(?:\s+(?P<dir>dernier|prochain))?(?!\s*\d)" + E_),
    ("holiday", B + r"(?:le jour de |à |pour |depuis |avant |après )?(?P<h>Noël|la Toussaint|la Saint-Sylvestre|le jour de l'An|le Nouvel An|la Saint-Valentin)" + E_),
    ("relative_day", B + r"(?P<word>aujourd'hui|avant-hier|après-demain|hier|demain)" + PART + E_),
    ("context_day", B + r"(?P<word>(?:au lendemain|à la veille) (?:d(?:e|u|es)(?![\w-])|d')|(?:le lendemain|la veille|l'avant-veille|le surlendemain)(?![\w-]))"),
    ("ago", B + r"il y a\s+(?P<n>" + NUM + r")\s+(?P<unit>jours?|semaines?|mois|ans?|années?)" + E_),
    ("ahead", B + r"dans\s+(?P<n>" + NUM + r")\s+(?P<unit>jours?|semaines?|mois|ans?|années?)" + E_),
    ("week", B + r"(?P<which>la semaine dernière|la semaine passée|la semaine prochaine|cette semaine|le week-end dernier|ce week-end|le week-end prochain|(?:(?:le|ce|du|au)\s+)?prochain week-end)" + E_),
    ("since_start", B + r"depuis le début (?P<of>de la semaine|du mois|de l'année)" + E_),
    ("week_part", B + r"(?P<which>en début de semaine|en milieu de semaine|en fin de semaine|en début de semaine (?:dernière|prochaine))" + E_),
    ("month_rel", B + r"(?P<which>(?:le|du|au) mois (?:dernier|passé|prochain)|ce mois-ci)" + E_),
    ("year_rel", B + r"(?P<which>l'an dernier|l'an passé|l'an prochain|l'année dernière|l'année passée|l'année prochaine|cette année|la nouvelle année)" + E_),
    ("today_part", B + r"(?P<which>ce matin|ce soir|cet après-midi|cette nuit|cette semaine)" + E_),
    ("this_day", B + r"(?<!à )(?<!jusqu'à )ce jour(?:-là)?" + E_),
    ("day_part", B + r"(?P<which>" + DAY_PARTS + ")" + E_),
    ("offset", B + r"(?<!de )(?<!environ )(?P<n>" + NUM + r")\s+(?P<unit>jours?|semaines?|mois|ans|années)\s+(?P<rel>plus tard|plus tôt|(?:après|avant)(?=\s+(?:le|la|l'|les|son|sa|ses|leur|leurs|cette|ce|cet)\b))"),
    ("bare_day", B + r"(?:le|les|du)\s+(?P<d1>" + DAYN + r")(?:(?:\s*,\s*" + DAYN + r")*\s+et\s+" + DAYN + r"|\s+au\s+" + DAYN
                 + r")?(?=[ \t]*[),;.])"),
    ("year_after_noun", B + r"(?<=[^\W\d_] )(?P<y>" + YEAR + r")(?=[ \t]*(?:[:;,.)!?\n]|\Z))"),
    ("weekday", B + r"(?:(?P<ce>ce|dès ce|depuis ce|dès|depuis|d'ici|jusqu'à|jusqu'au|à partir de|pour(?: la journée de| la nuit de)?)\s+)?(?P<w>" + WD + r")(?:\s+(?P<dir>dernier|prochain|passé))?" + PART + E_),
]

# a date that names a street or a square ("boulevard du 20 mai", "place du 8-Mai-1945"): a name, not a date
NAME_HEAD_BEFORE = r"(?i:\b(?:rue|avenue|boulevard|place|quai|pont|esplanade|square|allée|carrefour|rond-point)\s+(?:du\s+)?)$"
FUTURE_AUX = {"aller", "devoir"}
EXPECT = {"attendre", "prévoir", "programmer", "annoncer", "planifier"}
SCHEDULED = {"prévoir", "programmer", "planifier"}
HOLIDAYS = {"noël": (12, 25), "la toussaint": (11, 1), "la saint-sylvestre": (12, 31), "le jour de l'an": (1, 1),
             "le nouvel an": (1, 1), "la saint-valentin": (2, 14)}
AHEAD_CUES = ("d'ici", "jusqu'à", "jusqu'au", "à partir de", "pour", "pour la journée de", "pour la nuit de")
