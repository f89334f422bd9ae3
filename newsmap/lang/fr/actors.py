"""French words the actor rules read (newsmap/actors.py): determiners, pronouns, name particles and the
patterns built from them. A second language gives the same names in its own folder."""
import re

from .lexicon import LAST_NAMED, OWN_REPORTERS, UNNAMED_SOURCES

#: determiners that may open a noun phrase naming an actor ("le", "cette", "leurs" …)
DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "ce", "cette", "ces", "son", "sa",
               "ses", "leur", "leurs"}
#: definite articles before a title or an acronym (", le colonel X,", ", l'ONU,")
DEFINITE = ("le", "la", "l'", "l’")
#: lower-case particles inside a person's name ("Mohammed ben Salmane", "Ursula von der Leyen")
NAME_PARTICLES = ("-", "de", "ben", "van", "von", "al")
#: the same in the apposition pattern (", Name de Name,")
NAME_PARTICLES_RE = r"de\s+|van\s+|von\s+|ben\s+|al-|el-"
#: words that may follow a name in apposition (", le Dr X à La Presse", ", X devant …")
AFTER_APPOSITION = ("à", "au", "devant", "lors")
#: heads of a title that name whoever leads ("le dirigeant qatari" → the Qatari already named)
LEADER_HEADS = ("dirigeant", "dirigeante", "responsable", "leader", "chef", "numero un")
#: words a speaker phrase may open with, dropped from its surface ("selon X" → "X")
SOURCE_PREFIX_RE = r"^(?:selon|d'après|d’après|pour|par)\s+"
#: a generic determiner before a group noun ("plusieurs témoins", "selon les habitants")
GENERIC_DET_RE = (r"^(?:(?:selon|d'après|pour|par)\s+)?(?:(?:de nombreux|de nombreuses|plusieurs|certains|certaines|"
                  r"quelques|nombreux|nombreuses|les|le|la|une|un|des|du|de)\s+|l'|l’|d'|d’)")
#: relative pronouns: the subject is their antecedent
RELATIVE_PRONOUNS = ("qui", "lequel", "laquelle")
#: singular personal pronouns: the last person named (else the last organisation)
SINGULAR_PRONOUNS = ("il", "lui", "celui-ci", "elle", "celle-ci")
#: plural personal pronouns: the last group, organisation or person named
PLURAL_PRONOUNS = ("ils", "elles", "eux")
#: pronouns that never stand for a speaker
NO_SPEAKER_PRONOUNS = ("on", "cela", "ce", "ça", "c'", "se", "s'", "y", "en", "nous", "je", "vous", "tu", "me", "te")
#: "ce dernier": the last person named
LATTER = ("dernier", "dernière", "derniers", "dernières")
#: the agent preposition of a passive ("frappé par Moscou")
AGENT_PREPOSITION = "par"
#: an embassy or mission "en Ukraine" (its place is the country's capital)
LOCATED_RE = r"^(?:ambassade|consulat|représentation|délégation|mission)\b.*?\b(?:en|au|aux|à)\s+(?P<where>.+)$"
LOCATED = re.compile(LOCATED_RE, re.I)
GENERIC_DET = re.compile(GENERIC_DET_RE, re.I)
#: "…, ce dernier," / "l'intéressé" right before a position: the last person named
LAST_NAMED_RE = re.compile(r"\b(?:" + LAST_NAMED + r")\s*(?:,[^,.;]{1,60},\s*)?$", re.IGNORECASE)
#: ", Prénom Nom," closing a description: the name it describes
APPOS_NAME_RE = re.compile(r",\s*(?P<name>[A-ZÉÈ][\w'’-]+(?:\s+(?:" + NAME_PARTICLES_RE + r")?[A-ZÉÈ][\w'’-]+){1,3})\s*,?\s*$")
#: a bare unnamed source or the outlet's own reporter as a whole phrase (read with .match(text, start, end)): no speaker
UNNAMED_SOURCE = re.compile(r"(?:(?:selon|d['’]après|après|pour|par)\s+)?(?:(?:(?:de nombreux|de nombreuses|plusieurs|certains|"
                            r"certaines|quelques|nombreux|nombreuses|les|des|ses|leurs|d['’]autres|divers|diverses)\s+)?(?:"
                            + "|".join(sorted(UNNAMED_SOURCES)) + r")$|(?:notre|nos)\s+(?:" + "|".join(sorted(OWN_REPORTERS)) + r")s?\b)",
                            re.IGNORECASE)

# where an organisation's name ends in its noun phrase: a comma, a bracket or a dash — but not the comma of a list of
# de-complements closed by « et » (« le Département des finances, de la santé et du sport »)
_DE = r"(?:de\s+la|de\s+l['’]|du|des|d['’])\s*"
ORG_NAME_END = re.compile(r",(?!\s*" + _DE + r"[^,]+(?:,\s*" + _DE + r"[^,]+)*\s+et\s+" + _DE + r")|\s\(|\s—|\s-\s")
