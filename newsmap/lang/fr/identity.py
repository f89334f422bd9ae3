"""French words the corpus-level identity rules read (newsmap/identity.py)."""
from .lexicon import MONTHS, WEEKDAYS  # noqa: F401  (a weekday or a month alone is no actor)

# possessive determiners: "Sa présidente", "Ses forces" name nobody without their antecedent
POSSESSIVES = {"mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs"}
# words an acronym's initials skip: "Banque centrale européenne" → BCE, "Organisation des Nations unies" → ONU
ACRONYM_SKIP = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "a", "au", "aux", "en", "sur", "par"}
