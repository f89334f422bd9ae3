"""Language folders: every word list and pattern the rules read, one folder per language.

``lexicon(lang)`` returns the word lists of ``article.lang`` (``newsmap/lang/<lang>/lexicon.py``), so a
second language is a new folder with the same names, not a fork of the rules.
"""
from __future__ import annotations

import importlib

from ..errors import E, NewsmapError

LANGS = ("fr",)


def lexicon(lang: str = "fr"):
    if lang not in LANGS:
        raise NewsmapError(E.UNSUPPORTED_LANG.format(lang=lang, supported=", ".join(LANGS)))
    return importlib.import_module(f"{__name__}.{lang}.lexicon")
