"""French word lists and patterns the extraction rules read. Data, not logic: extend freely."""

SPEECH_VERBS = {
    "déclarer", "dire", "affirmer", "ajouter", "expliquer", "estimer", "souligner", "préciser", "indiquer",
    "annoncer", "avertir", "prévenir", "assurer", "rappeler", "insister", "reconnaître", "admettre", "dénoncer",
    "promettre", "juger", "considérer", "confier", "lancer", "répondre", "poursuivre", "conclure", "marteler",
    "déplorer", "regretter", "critiquer", "accuser", "qualifier", "exhorter", "appeler", "demander", "réclamer",
    "plaider", "menacer", "démentir", "nier", "confirmer", "espérer", "craindre", "saluer", "écrire", "tweeter",
    "commenter", "observer", "noter", "relever", "ironiser", "interroger", "trancher", "reprocher", "avancer",
    "soutenir", "protester", "résumer", "détailler", "glisser", "lâcher", "raconter", "témoigner", "rapporter",
    "signaler", "informer", "communiquer", "proclamer", "clamer", "exclamer", "constater", "réagir", "rejeter",
    "condamner", "fustiger", "répéter", "réaffirmer", "prétendre", "mettre", "alerter", "inviter", "exiger",
    "recommander", "conseiller", "réitérer", "martèler", "féliciter", "inquiéter", "interpeller", "implorer",
    "supplier", "jurer", "garantir", "penser", "croire", "redouter", "préférer", "concéder",
    "publier", "poster", "s'inquiéter", "se féliciter", "souhaiter", "vouloir", "redire", "décrire",
    "analyser", "évoquer", "revendiquer", "reconnaitre", "sommer", "avouer", "répliquer", "rétorquer", "arguer",
    "objecter", "relater", "exprimer",
    # manner of saying, common after a quote (« … », peste X / soupire-t-il)
    "pester", "soupirer", "hurler", "crier", "écrier", "tonner", "fulminer", "tempêter", "renchérir", "nuancer",
    "tacler", "railler", "murmurer", "confesser", "plaisanter", "indigner", "étonner", "agacer", "alarmer", "désoler",
    "souffler", "jubiler", "sourire", "réjouir", "enthousiasmer", "exulter", "amuser",
}
# "a fait savoir X", "a laissé entendre X": a causative verb and an infinitive that together say
CAUSATIVE_SPEECH = {("faire", "savoir"), ("laisser", "entendre"), ("faire", "valoir")}
# verbs that introduce reported speech with « que » (indirect quotes)
REPORT_VERBS = {
    "déclarer", "dire", "affirmer", "ajouter", "expliquer", "estimer", "souligner", "préciser", "indiquer",
    "annoncer", "avertir", "prévenir", "assurer", "rappeler", "insister", "reconnaître", "admettre", "juger",
    "considérer", "confier", "répondre", "conclure", "marteler", "déplorer", "regretter", "démentir", "nier",
    "confirmer", "espérer", "craindre", "écrire", "noter", "relever", "constater", "répéter", "réaffirmer",
    "prétendre", "alerter", "redouter", "penser", "croire", "soutenir", "garantir", "jurer", "signaler",
    "observer", "reprocher", "dénoncer", "accuser", "menacer", "concéder", "mettre", "faire", "laisser",
    "redire", "raconter", "révéler", "certifier", "reconnaitre", "rapporter", "avouer", "répliquer", "rétorquer",
    "plaider", "arguer", "objecter", "relater", "témoigner",
}
# verbs of finding: « des gardes ont constaté que … » says what they saw, no statement (no indirect quote);
# after a quote (« … », constate X) they still attribute it
FINDING_VERBS = {"constater", "observer", "remarquer"}
# nouns that carry a statement (« une mise en garde contre une « attaque » »)
SPEECH_NOUNS = {"mise", "garde", "avertissement", "alerte", "déclaration", "communiqué", "appel", "message",
                "discours", "réponse", "réaction", "accusation", "allégation", "menace", "promesse", "annonce",
                "entretien", "interview", "tribune", "lettre", "post", "tweet", "critique", "condamnation"}
# words before « … » that make the quoted words a name or a term, not a statement.
# NAME_NOUNS may be followed by "de"/"d'" (« le terme de « réseau » »); NAMING_CUES must stand right
# before the guillemet; NAMED_GROUPS may carry up to two adjectives (« le collectif féministe « Nous Toutes » »).
NAME_NOUNS = r"nom|nom de code|terme|mot|mot-clé|expression|formule|slogan|hashtag|label|appellation|qualificatif|sobriquet"
NAMING_CUES = (
    r"baptisée?s?|rebaptisée?s?|surnommée?s?|dite?s?|intitulée?s?|nommée?s?|dénommée?s?|appelée?s?|"
    r"l'opération|l'opération militaire|le plan|le programme|le projet|le film|le livre|l'ouvrage|le journal|"
    r"le quotidien|l'hebdomadaire|le magazine|l'émission|le dispositif|la campagne|le festival|la série|le podcast|"
    r"le navire|l'exercice|la doctrine|le format|la chanson|l'album|le roman|le documentaire|la rubrique|"
    r"la plateforme|l'application|l'initiative|l'exercice militaire|sous le nom|l'exposition|le spectacle|la pièce|"
    r"l'œuvre|le tableau|le recueil|l'essai|le disque|le single|le court-métrage|le long-métrage"
)
NAMED_GROUPS = r"(?:le|du|au|un|ce|l'|de l'|la|de la)\s*(?:groupe|mouvement|collectif|parti|association|organisation|syndicat|coalition)"
# head nouns of organisation names
ORG_HEADS = {
    "ministère", "ambassade", "gouvernement", "armée", "état-major", "présidence", "parlement", "sénat",
    "assemblée", "commission", "conseil", "agence", "parquet", "police", "gendarmerie", "tribunal", "cour",
    "organisation", "ong", "comité", "parti", "banque", "entreprise", "groupe", "campagne", "fédération",
    "union", "alliance", "coalition", "mission", "délégation", "direction", "service", "services", "office",
    "fondation", "institut", "observatoire", "association", "syndicat", "chancellerie", "diplomatie",
    "administration", "département", "secrétariat", "haut-commissariat", "croix-rouge", "marine", "aviation",
    "forces", "force", "garde", "mairie", "préfecture", "régime", "autorités", "justice", "opposition",
    "kremlin", "pentagone", "élysée", "otan", "onu", "ue", "fmi", "aiea", "cpi", "oms", "unicef", "hcr",
}
# heads of titles that stand for a person
TITLE_HEADS = {
    "président", "présidente", "ministre", "chef", "cheffe", "porte-parole", "secrétaire", "directeur",
    "directrice", "dirigeant", "dirigeante", "premier", "première", "patron", "patronne", "ambassadeur",
    "ambassadrice", "général", "générale", "commandant", "maire", "gouverneur", "gouverneure", "chancelier",
    "chancelière", "roi", "reine", "pape", "député", "députée", "sénateur", "sénatrice", "conseiller",
    "conseillère", "représentant", "représentante", "envoyé", "envoyée", "leader", "émissaire", "procureur",
    "procureure", "juge", "commissaire", "responsable", "homologue", "vice-président", "vice-présidente",
    "candidat", "candidate", "prince", "princesse", "émir", "monarque", "négociateur", "négociatrice",
    "médiateur", "médiatrice", "analyste", "expert", "experte", "chercheur", "chercheuse", "professeur",
    "spécialiste", "historien", "historienne", "politologue", "économiste", "habitant", "habitante",
    "témoin", "militaire", "soldat", "officier", "diplomate", "avocat", "avocate", "médecin", "maréchal",
    "amiral", "colonel", "lieutenant", "capitaine", "sergent", "vice-ministre", "numéro", "chef d'état-major",
}
# civil and professional honorifics before a surname ("M. Legault", "Me Dupond"): the same person as the full name
HONORIFICS = {"m", "mm", "mme", "mmes", "mlle", "me", "dr", "pr", "mgr"}  # as normalised (no dots, no accents)
# title synonyms: a title used for a person already named with another one
TITLE_SYNONYMS = [
    (r"chef de l'état", "président"),
    (r"chef de la diplomatie", "ministre des affaires étrangères"),
    (r"président de la république", "président"),
    (r"locataire de la maison-blanche", "président américain"),
    (r"locataire de la maison blanche", "président américain"),
    (r"maître du kremlin", "président russe"),
    (r"chef du kremlin", "président russe"),
    (r"locataire de l'élysée", "président français"),
    (r"chef du gouvernement", "premier ministre"),
    (r"premier ministre", "premier ministre"),
    (r"première ministre", "premier ministre"),
    (r"ministre de la défense", "ministre de la défense"),
]
# a title word standing alone for the whole title ("a réagi la Première", Belgian and Canadian usage)
TITLE_ALONE = {"premier": "premier ministre", "première": "premier ministre"}
# "ce dernier": the person named last (subject or not)
LAST_NAMED = r"ce dernier|cette dernière|ces derniers|ces dernières"
# nouns that describe a person already named ("a réagi la quadruple championne", "l'attaquant du PSG a
# ajouté"): with a definite article and no name of their own they stand for the person in the story
# "X prend la parole. « … »": the one who takes the floor speaks next
FLOOR_NOUNS = {"parole", "micro"}
PERSON_NOUNS = {
    "milliardaire", "septuagénaire", "octogénaire", "quinquagénaire", "sexagénaire", "quadragénaire", "trentenaire",
    "nonagénaire", "quadragénaire", "républicain", "démocrate", "magnat", "tribun", "dirigeant", "vainqueur", "élu",
    "élue", "intéressé", "intéressée", "champion", "championne", "attaquant", "attaquante", "joueur", "joueuse",
    "entraîneur", "entraîneuse", "sélectionneur", "sélectionneuse", "défenseur", "gardien", "gardienne", "buteur",
    "meneur", "meneuse", "milieu", "capitaine", "tennisman", "skieur", "skieuse", "cycliste", "pilote", "nageur",
    "nageuse", "athlète", "boxeur", "boxeuse", "artiste", "chanteur", "chanteuse", "rappeur", "rappeuse", "acteur",
    "actrice", "comédien", "comédienne", "réalisateur", "réalisatrice", "cinéaste", "écrivain", "écrivaine",
    "auteur", "autrice", "romancier", "romancière", "musicien", "musicienne", "star", "vedette", "pénaliste",
    "magistrat", "magistrate", "prévenu", "prévenue", "accusé", "accusée", "suspect", "suspecte", "édile",
    "bourgmestre", "préfet", "préfète", "opposant", "opposante", "ex-président", "ex-présidente", "patron",
    "patronne", "fondateur", "fondatrice", "militant", "militante", "syndicaliste", "élu", "chef",
}
# people named by their tie to someone ("a raconté sa mère", "dit son entourage"): with a possessive, a speaker
KIN_NOUNS = {
    "mère", "père", "fils", "fille", "frère", "sœur", "soeur", "épouse", "époux", "mari", "femme", "compagne", "compagnon",
    "oncle", "tante", "cousin", "cousine", "grand-mère", "grand-père", "parent", "parents", "proche", "proches", "ami", "amie",
    "amis", "voisin", "voisine", "collègue", "collègues", "entourage", "conseil", "défenseur", "camarade", "coéquipier",
    "coéquipière", "partenaire", "porte-parole", "équipe", "famille", "veuve", "enfant", "enfants", "patron", "employeur",
}
EVENT_VERBS = {
    # statement-like
    **{v: "statement" for v in ("déclarer", "dire", "affirmer", "ajouter", "expliquer", "estimer", "souligner",
                                 "préciser", "indiquer", "assurer", "rappeler", "promettre", "qualifier",
                                 "juger", "confirmer", "insister", "reconnaître", "admettre", "réaffirmer", "répéter",
                                 "écrire", "confier", "marteler", "réagir")},
    **{v: "warning" for v in ("avertir", "prévenir", "alerter", "menacer")},
    **{v: "criticism" for v in ("dénoncer", "critiquer", "condamner", "rejeter", "accuser", "fustiger", "déplorer",
                                 "démentir", "nier", "protester")},
    **{v: "call" for v in ("appeler", "exhorter", "recommander", "demander", "réclamer", "inviter", "plaider", "exiger", "implorer")},
    **{v: "announcement" for v in ("annoncer", "publier", "dévoiler", "révéler", "communiquer")},
    **{v: "decision" for v in ("décider", "autoriser", "approuver", "adopter", "voter", "signer", "fermer", "valider",
                                "accorder", "refuser", "suspendre", "interdire", "lever", "imposer", "sanctionner",
                                "ordonner", "limoger", "nommer", "prolonger", "ratifier", "évacuer")},
    **{v: "strike" for v in ("frapper", "bombarder", "attaquer", "tirer", "viser", "abattre", "détruire", "exploser",
                              "pilonner", "cibler", "intercepter", "toucher", "endommager")},
    **{v: "military" for v in ("envahir", "reprendre", "capturer", "occuper", "libérer", "encercler", "déployer",
                                "avancer", "conquérir", "retirer", "repousser", "percer")},
    **{v: "delivery" for v in ("livrer", "fournir", "envoyer", "acheminer")},
    **{v: "meeting" for v in ("rencontrer", "recevoir", "réunir", "entretenir", "visiter", "rendre", "accueillir")},
    **{v: "casualty" for v in ("tuer", "mourir", "blesser", "périr", "décéder")},
    **{v: "negotiation" for v in ("négocier", "discuter", "conclure")},
}
# noun objects that turn a light verb into an event kind (émettre une mise en garde, donner son feu vert)
LIGHT_VERB_OBJECTS = {
    "garde": "warning", "avertissement": "warning", "alerte": "warning", "vert": "decision", "feu": "decision",
    "accord": "decision", "ultimatum": "warning", "appel": "call", "attaque": "strike", "frappe": "strike",
    "offensive": "military", "décision": "decision", "sanction": "decision", "missile": "strike", "drone": "strike",
}
LIGHT_VERBS = {"émettre", "donner", "lancer", "mener", "adresser", "prendre", "lever", "porter", "publier"}
EVENT_NOUNS = {
    "explosion": "strike", "attaque": "strike", "frappe": "strike", "sabotage": "strike", "bombardement": "strike",
    "attentat": "strike", "invasion": "military", "offensive": "military", "élection": "politics",
    "sommet": "meeting", "réunion": "meeting", "visite": "meeting", "annonce": "announcement",
    "livraison": "delivery", "signature": "decision", "accord": "decision", "mort": "casualty",
    "décès": "casualty", "incendie": "incident", "crash": "incident", "séisme": "incident",
    "manifestation": "protest", "grève": "protest", "référendum": "politics", "conférence": "meeting",
    "rencontre": "meeting", "annexion": "military", "naufrage": "incident", "coup": "politics", "vote": "decision",
}

# ---------------------------------------------------------------- attributions (quotes.py)
SELON = r"selon|d'après|d’après|de l['’]aveu (?:même )?(?:du|des|de la|de)"  # "selon X, …", "…, d'après X", "de l'aveu du ministre"
OWN_SOURCE = r"(?:nos|mes) (?:informations|sources|confrères|calculs)"  # the outlet itself, not a speaker
# "selon les normes du BIT", "selon les critères de l'OMS": a standard something is measured by, not a speaker
STANDARDS = r"(?:les |la |le |des |ses |leurs )?(?:normes?|critères?|règles?|définitions?|standards?|méthodes?|barèmes?|modalités)"
# a sentence opening with the last speaker's point of view: "A l'en croire, <statement>."
OWN_VIEW = r"[AÀ] l['’]en croire|[AÀ] ses yeux|[AÀ] son avis|De son point de vue"
SAME_SOURCE = r"(?:la |cette )?même source|cette source"  # the previous speaker
# a source no one can be named for when it stands alone ("plusieurs sources", "des témoins", "d'après ses collègues"):
# no speaker (eval/REAL.md); described, it is kept ("des sources sécuritaires", "un de ses collègues")
UNNAMED_SOURCES = {"sources", "témoins", "proches", "collègues", "experts", "observateurs"}
# after « selon », a generic source in the plural or indefinite with no name or organisation tied to it ("selon les
# spécialistes", "selon des études", "selon un témoin", "selon les calculs des chercheurs"): no speaker (eval/REAL.md);
# collective actors ("selon les syndicats", "selon les autorités") are not in it and still speak (lemmas)
GENERIC_SOURCES = {"spécialiste", "expert", "chercheur", "médecin", "vétérinaire", "témoin", "témoignage", "étude", "calcul",
                   "estimation", "média", "observateur", "analyste", "proche", "collègue"}
# the outlet's own staff ("selon notre journaliste présent sur place"): the narrator, no speaker
OWN_REPORTERS = {"journaliste", "journalistes", "correspondant", "correspondante", "envoyé", "envoyée", "reporter", "équipe", "rédaction"}
# a text that speaks for whoever issued it ("précise le communiqué"): as a speaker, the issuer named before
# verbs that attribute only in inversion after the statement: "…, a appris la RTS." (X learned it: X reports it);
# "il a appris que …" is no statement
TRAILING_ONLY_VERBS = {"apprendre"}
DOCUMENT_NOUNS = {"communiqué", "texte", "document", "rapport", "bulletin", "note", "lettre", "déclaration", "message"}
# what a ``selon`` may name instead of its source ("selon un bilan de l'ONG X"): the source is the one after "de"
SOURCE_DOCUMENTS = DOCUMENT_NOUNS | {"bilan", "étude", "estimation", "estimations", "décompte", "sondage", "enquête", "chiffres",
                                     "données", "relevé", "relevés", "prévisions", "statistiques", "comptage", "analyse"}
CITED_BY = r"(?:cité|rapporté|relayé|interrogé|contacté|joint)e?s?\s+par"  # "selon des sources citées par l'AFP"
# the one spoken to, not the speaker ("en discuter au micro de Philippe Cantin", "interrogé par X")
RECIPIENT_CUES = r"au micro d[e']|au micro d’|à l'antenne d[e']|à l’antenne d[e’]|interrogée? par|questionnée? par|auprès d[e'’]"
# an unnamed speaker among a group already mentioned ("a ajouté un de ses collègues", "assure l'un d'eux", "dit un troisième")
ONE_OF = (r"(?:l['’])?(?:un|une)\s+(?:d['’](?:eux|elles|entre eux|entre elles)|de (?:ses|leurs|nos|ces|mes) [\w-]+|des [\w-]+|autre"
          r"|deuxième|second|seconde|troisième|quatrième|cinquième)")
RELATIVE_STARTS = r"ce qui|ce que|ce qu'|ce qu’|qui|dont|où|lequel|laquelle|lesquels|lesquelles"  # "…, selon X, ce qui …"

# ---------------------------------------------------------------- dates (dates.py)
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MONTH_ALIASES = {"fevrier": 2, "aout": 8, "decembre": 12, "févr": 2, "janv": 1, "sept": 9, "oct": 10, "nov": 11, "déc": 12,
                 "fév": 2, "avr": 4, "juil": 7, "dec": 12}
# words for the day of speaking: in words said on a day named before, that day ("rule" speech_day)
SPEECH_DAY_WORDS = frozenset({"aujourd'hui", "ce matin", "ce soir", "cet après-midi"})
# abbreviated months, read only right after a day number ("23 déc 2023", "5 janv."): "sept" alone is seven
MONTH_ABBREVIATIONS = ("janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "dec")
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30}
# parts of a day that stand for the day in context ("dans la soirée")
DAY_PARTS = (r"(?:dans|en|tard dans|tôt dans) la (?:soirée|matinée|nuit|journée)|en (?:début |fin )?(?:soirée|matinée)"
             r"|dans l'après-midi|en (?:début|fin|milieu) d'après-midi|en (?:fin|milieu|début) de (?:journée|soirée|matinée)"
             r"|(?:dès|à) l'aube|au petit matin|plus tôt dans la journée"
             # "pour la fin de l'après-midi et la soirée", "en cette journée estivale": a part of the day in context
             r"|(?:pour |durant |pendant )?la fin de (?:l'après-midi|la soirée|la matinée|la journée)"
             r"|(?:pour|et|puis|durant|pendant) la (?:soirée|matinée|nuit)(?! d)|en cette (?:journée|soirée|matinée|nuit)")
QUARTER_WORDS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4}
SEASONS = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12}  # first month
# verbs whose compound past takes "être" ("elle est tombée", "il est arrivé"): "est" + participle is then a past, not the
# present passive ("une exposition est présentée")
ETRE_VERBS = frozenset({"aller", "venir", "arriver", "partir", "entrer", "sortir", "monter", "descendre", "naître", "mourir",
                        "décéder", "tomber", "rester", "retourner", "revenir", "devenir", "parvenir", "passer", "repartir",
                        "rentrer", "survenir", "intervenir", "advenir", "apparaître", "disparaître"})

# texts that prescribe, not speak: « selon la loi sur … » / « selon l'ordonnance … » is no one's statement
LAW_TEXTS = {"loi", "lois", "ordonnance", "règlement", "décret", "arrêté", "code", "constitution", "directive", "traité"}
