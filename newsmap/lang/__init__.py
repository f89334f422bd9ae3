"""Language folders: every word list and pattern the rules read, one folder per language.

A rule module never imports a language. It declares which file of a language folder it reads::

    LEX = lang.Part("lexicon")        # newsmap/lang/<article.lang>/lexicon.py
    ...
    if tok.lemma_ in LEX.REPORT_VERBS: ...

and the pipeline runs each article's components inside ``with lang.use(article.lang):``, which points
every ``Part`` (of this thread) at that language's folder. A second language is a new folder with the
same file and names (``newsmap/lang/de/lexicon.py`` …) and an entry in ``LANGS``, not a fork of the rules.
A thread that never called ``use`` reads ``DEFAULT`` (unit tests calling one rule directly).

Reading ``LEX.NAME`` is a plain attribute read (a ``threading.local``), so the rules' inner loops pay
nothing for the indirection, and two threads may extract articles of different languages at once.
"""
from __future__ import annotations

import importlib
import threading
import weakref
from contextlib import contextmanager

from ..errors import E, NewsmapError

LANGS = ("fr",)
DEFAULT = "fr"

_parts: "weakref.WeakSet[Part]" = weakref.WeakSet()


def check(lang: str) -> str:
    if lang not in LANGS:
        raise NewsmapError(E.UNSUPPORTED_LANG.format(lang=lang, supported=", ".join(LANGS)))
    return lang


def module(lang: str, part: str):
    """``newsmap/lang/<lang>/<part>.py``, imported once."""
    return importlib.import_module(f"{__name__}.{check(lang)}.{part}")


def lexicon(lang: str = DEFAULT):
    return module(lang, "lexicon")


class Part(threading.local):
    """One file of the active language's folder, read as attributes (``LEX.REPORT_VERBS``)."""

    def __init__(self, part: str):  # (threading.local: runs again in each thread that reads it)
        self._point(part, _state.lang)
        _parts.add(self)

    def _point(self, part: str, lang: str) -> None:
        names = {k: v for k, v in vars(module(lang, part)).items() if not k.startswith("__")}
        d = self.__dict__
        d.clear()
        d.update(names, _part=part, lang=lang)

    def __repr__(self) -> str:
        return f"<newsmap.lang.Part {self.lang}/{self._part}>"


def active() -> str:
    """The language the rules of this thread read now."""
    return _state.lang


class _State(threading.local):
    lang = DEFAULT


_state = _State()


@contextmanager
def use(lang: str):
    """Run the rules of this thread on ``newsmap/lang/<lang>/`` (restores the previous language after)."""
    check(lang)
    before = _state.lang
    if lang != before:
        _switch(lang)
    try:
        yield
    finally:
        if lang != before:
            _switch(before)


def _switch(lang: str) -> None:
    _state.lang = lang
    for part in list(_parts):
        part._point(part._part, lang)


def per_language(build):
    """``build()`` made once per language (from ``Part``s) and kept: ``_keys = per_language(lambda: …)``."""
    made: dict = {}

    def get():
        lang = _state.lang
        if lang not in made:
            made[lang] = build()
        return made[lang]

    return get
