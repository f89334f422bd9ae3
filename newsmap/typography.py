"""Typography normalisation for the parse, keeping every character offset.

Published French news writes quotations as « … » but also ASCII ``"…"``, ``“…”``, reversed ``”…“``,
``„…“``, ``‹…›`` or ``»…»``, with or without (narrow) no-break spaces, and apostrophes as ``’ ʼ ‘``.
The rules read one form: ``normalise`` maps each of these, character for character, to « » and
``'`` and plain spaces. The result has the same length as the input, so every offset found in it
is an offset into the original text (``quote.text == article.text[start:end]`` holds).

Double quotation marks are mapped only when they pair within a paragraph (an opening mark not
glued to the word before it, a closing one not glued to the word after it); marks nested inside
real « … » are left alone, and so is a mark with no partner (an inch sign, a quote that runs on to
the next paragraph).
"""
from __future__ import annotations

import re

SINGLE = {"’": "'", "ʼ": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "}
DOUBLE = set('"“”„‹›')
_MARKS = re.compile('[\n"“”„‹›«»]')


def _glued(ch: str) -> bool:
    return ch.isalnum()


def _pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) positions of quotation marks to rewrite as « and »."""
    out = []
    open_at, open_ch = None, ""  # open_ch: "«" for a real guillemet (nested marks are left), else the mark
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            open_at, open_ch = None, ""
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if ch == "«":
                open_at, open_ch = i, "«"
            elif not _glued(prev) and ch != "›":
                open_at, open_ch = i, ch  # "…, “…, ”…, „…, ‹… or »… (reversed guillemets)
        elif open_ch == "«":
            if ch == "»":
                open_at, open_ch = None, ""
        elif ch == "«" and open_ch == "»" or (ch in DOUBLE or ch == "»") and not _glued(nxt):
            out.append((open_at, i))
            open_at, open_ch = None, ""
    return out


def normalise(text: str) -> str:
    """Same-length copy of ``text`` with quotation marks as « », apostrophes as ', spaces as ' '."""
    out = text
    for old, new in SINGLE.items():  # str.replace: much faster than str.translate with a table
        if old in out:
            out = out.replace(old, new)
    pairs = _pairs(text)
    if pairs:
        chars = list(out)
        for a, b in pairs:
            chars[a], chars[b] = "«", "»"
        out = "".join(chars)
    assert len(out) == len(text)
    return out
