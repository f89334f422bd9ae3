"""Patterns the quote rules read (newsmap/quotes.py), built from this language's word lists (lexicon.py).
A second language gives the same names in its own folder."""
import re

from .lexicon import CITED_BY, NAMED_GROUPS, NAME_NOUNS, NAMING_CUES, ONE_OF, OWN_SOURCE, OWN_VIEW, RECIPIENT_CUES, RELATIVE_STARTS, REPORT_VERBS, SAME_SOURCE, SELON, SPEECH_VERBS, STANDARDS

NAMING_RE = re.compile(
    r"(?:\b(?:le |la |l'|un |une )(?:" + NAME_NOUNS + r")(?:\s+de|\s*d'|\s+du)?|(?<![\w'])(?:" + NAMING_CUES + r")"
    r"(?:\s+(?:de|d'|du)\s*(?-i:[A-ZÉ])[\w'’-]+(?:\s+(?-i:[A-ZÉ])[\w'’-]+){0,3}\s*,)?"  # "l'exposition de Nadia Benchallal, « … »"
    r"|\b(?:" + NAMED_GROUPS + r")(?:\s+[a-zéèêàçîô-]+){0,2})\s*$", re.IGNORECASE)
SPOKEN_RE = re.compile(r"(?:\b(?:a|ont|avait|avaient|aurait|est|sont|s'est|se sont|se dit|se disent|s'était)\s+(?:[a-zé]+\s+)?)(?:dite?s?|appelée?s?)\s*$", re.IGNORECASE)
CHAIN_RE = re.compile(r"^\s*(?:,|ou|et|puis)\s*$")
PRON_INV_RE = re.compile(r"^\s*[,.!?…]*\s*(?:[\w']+\s+){0,2}?[\w]+-(?:t-)?(?P<pron>il|elle|ils|elles)\b", re.IGNORECASE)
SELON_RE = re.compile(r"\bde\s+(?=même source)|\b(?:" + SELON + r")\s+", re.IGNORECASE)
OWN_VIEW_RE = re.compile(r"\s*(?:" + OWN_VIEW + r")\b")
OWN_SOURCE_RE = re.compile(r"(?:" + OWN_SOURCE + "|" + STANDARDS + r")\b", re.IGNORECASE)  # no speaker
SAME_SOURCE_RE = re.compile(r"(?:" + SAME_SOURCE + r")\b", re.IGNORECASE)
CITED_BY_RE = re.compile(r"\s+(?:" + CITED_BY + r")\b", re.IGNORECASE)
RECIPIENT_RE = re.compile(r"(?:" + RECIPIENT_CUES + r")\s*$", re.IGNORECASE)
ONE_OF_RE = re.compile(r"(?:" + ONE_OF + r")(?=\s*[,.;!?)]|\s+(?:alors|qui|en)\b)", re.IGNORECASE)
LEAD_NAME_RE = re.compile(r"\s*(?P<name>[A-ZÉÈ][\w'’-]+(?:\s+(?:de\s+|van\s+|von\s+|ben\s+|el\s+)?[A-ZÉÈ][\w'’-]+){1,3})\s*[(,:]")
MANNER_INV_RE = re.compile(r"\s*,\s*(?:(?:s['’]|se\s+)?(?:est|sont|a|ont|avait|avaient)\s+)?(?P<words>[a-zéèêëîïôûùç]+(?:\s+[a-zéèêëîïôûùç]+)?)\s+")
NOT_VERBS = {"de", "du", "des", "d", "par", "pour", "avec", "sans", "le", "la", "les", "un", "une", "et", "ou", "à", "au", "aux",
              "en", "selon", "chez", "dans", "sur", "comme", "que", "qui", "dont", "où", "mais", "car", "donc"}
RELATIVE_RE = re.compile(r"(?:" + RELATIVE_STARTS + r")\b", re.IGNORECASE)
VERBS = SPEECH_VERBS | REPORT_VERBS

# a person's name alone on its line, with a role in parentheses ("ALAIN KOFFI (MSB)"): the speaker of the quote below
NAME_LINE_RE = re.compile(r"\s*(?P<name>[A-ZÉÈÀ][\w'’.-]*(?:\s+(?:de\s+|d['’]|van\s+|von\s+)?[A-ZÉÈÀ][\w'’.-]*){1,3})"
                          r"\s*(?:\([^()\n]{1,80}\))?\s*")
