"""Temporal expressions in French news, normalised against the publication date.

Reads: the article text, the publication date and, when given, the
parsed spaCy ``Doc`` (for the tense of the governing verb). Writes: a list of dicts

    {mention, start, end, value, precision, end_value, part, relative, in_quote}

``value`` is ``YYYY-MM-DD`` (precision ``day``), ``YYYY-MM`` (``month``) or ``YYYY`` (``year``);
``end_value`` is set for ranges (``du 18 au 19 novembre``). Impossible dates (``31 février``)
are kept with ``value = None`` and ``note = "invalid date"`` so that nothing is made up.

Rules (documented in the README):
* weekdays: ``ce mercredi`` is the publication week's day; a bare weekday is the most recent
  one (the publication day itself included), or the coming one when the governing verb is in
  the future tense; ``dernier``/``passé``/``prochain`` force the direction; a bare weekday the text already named with
  one of them (``vendredi prochain … la cérémonie de vendredi``) is that day;
* ``hier``, ``demain``, ``aujourd'hui``, ``il y a trois jours`` … count from publication; ``aujourd'hui``, ``ce soir``,
  ``ce matin`` in words said on a day named before (a past day of the last week) are that day (``speech_day``): in a
  quote, closed or not, or in speech reported after ``que`` in that day's sentence;
* ``23 déc 2023``, ``5 janv.``: an abbreviated month after a day number (with a dot or a year after it);
* ``boulevard du 20 mai``, ``place du 8-Mai-1945``: a street's name, no date;
* ``la veille``/``le lendemain`` count from the day in context: a date of their own sentence, else the story's
  day (the last date of a main clause or of a verbless line: ``a affiché sa fermeté mardi``, not ``arrêtés dimanche``
  nor ``la folie du vendredi soir``), else the last day-precision date, else publication; ``au lendemain de
  <évènement>`` and ``à la veille de <évènement>`` denote the day of the clause they sit in (the context date);
* ``le 20 novembre`` takes the year that puts it nearest to publication on the side the tense
  asks for (past: on or before; future: on or after); the year of that month already read (``prévus jusqu'à la fin
  mai … les 24, 25 et 26 mai``); the coming day when it lies at most 31 days ahead and the past one almost a year back;
  ahead after ``jusqu'au`` unless told in the past; the present passive (``est présentée``) is present;
* ``incarcéré le 9,`` with no month in its sentence, told in the past: that day of the story day's month (or the month
  before, when later than the story's day);
* ``mercredi 1er mars 2020`` when 1 March 2020 is no Wednesday: the same day of the month before or after that is one,
  within a month of publication (a misprinted month; ``corrected: "weekday"``), else the date as written; without a
  year, the year (publication's, the one before or after) in which the day has that weekday (``ce dimanche 16 février``
  after a date of 2018); ``ce vendredi 20 janvier 2022`` (a Thursday) a day or two off: the Friday, near publication;
* ``en 2022`` has year precision; ``en septembre``/``juillet dernier`` month precision;
* ``dans la soirée``, ``en soirée``, ``dans l'après-midi``, ``dès l'aube``, ``pour la fin de l'après-midi et la
  soirée``, ``en cette journée`` … are the day in context (as for ``la veille``);
* ``au troisième trimestre``: the year of the latest such quarter; ``au second semestre 2021``: its first month
  (2021-07); ``en début de semaine``: its Monday; ``dans un mois``: that day a month ahead; ``ce jour`` (not ``à ce
  jour``): the day in context; ``dans la nuit`` told in the past on the publication day: from the day before;
* ``de vendredi à dimanche``, ``du lundi au mercredi``: the first day to the next such second one (``… dernier``:
  ending on the last such day); ``pour la journée de jeudi``, ``sont attendues vendredi`` point forward;
* ``depuis le début de la semaine`` (du mois, de l'année): its Monday (the month, the year); ``24/02``: as
  ``le 24 février``; ``la nouvelle année``: the year just begun (first half), else the next; ``neuf mois après la
  chute``: that long after the date in context, at most the publication month; a bare month named again keeps its year;
* a day and month without a year within 600 characters after a date written with a past year take
  that year (a story set in the past), unless that date opened a span (``depuis juin 2024``).
One regular expression per rule (:data:`_PATTERNS`, in priority order: at one position the first that
matches wins) and one small function per rule (:data:`RULES`) that turns its match into a record;
each record names the rule that produced it (``rule``).
"""
from __future__ import annotations

import calendar
import itertools
import datetime as dt
import re
from bisect import bisect_right

from . import lang

LEX = lang.Part("lexicon")  # newsmap/lang/<article.lang>/lexicon.py
D = lang.Part("dates")  # the date patterns built from it: newsmap/lang/<article.lang>/dates.py


def _compile(patterns: list[tuple[str, str]], word_start: str):
    """One regular expression for the ordered ``(rule, pattern)`` list, each pattern a named group.

    Runs of patterns that open with ``word_start`` share it and a ``(?=\\w)``, so the engine tries
    them only where a word starts, not at every character (half the time, same matches in the same order).
    """
    groups = [(pat.startswith(word_start), f"(?P<{name}>{pat.replace('(?P<', f'(?P<{name}_')})") for name, pat in patterns]
    out: list[str] = []
    for at_word, run in itertools.groupby(groups, key=lambda g: g[0]):
        alts = [g for _at, g in run]
        out.extend([word_start + r"(?=\w)(?:" + "|".join(alts) + ")"] if at_word else alts)
    return re.compile("|".join(out), re.IGNORECASE)


_regex = lang.per_language(lambda: _compile(D.PATTERNS, D.B))



def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    if w in LEX.MONTHS:
        return LEX.MONTHS.index(w) + 1
    return LEX.MONTH_ALIASES[w]


def _day(word: str) -> int:
    return 1 if word.lower() == "1er" else int(word)


def _num(word: str) -> int:
    return int(word) if word.isdigit() else LEX.NUMBERS[word.lower()]


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))


# ---------------------------------------------------------------- tense


def tense_at(doc, start: int, end: int) -> str:
    """'future', 'past' or 'present' for the verb that governs the span (or its sentence)."""
    got = _governing_verb(doc, start, end)
    if got is None:
        return "present"
    verb, root = got
    tense = verb_tense(verb)
    if tense == "present" and verb.i != root.i and "Part" not in root.morph.get("VerbForm") and verb_tense(root) == "future":
        return "future"  # "devrait rester …, avant de repartir samedi": the sentence's main verb speaks of what is coming
    return tense


def compound_past_at(doc, start: int, end: int) -> bool:
    """The verb that governs the span is a compound past (« ont eu lieu », « a été arrêté »): told as done, never
    a form that reads as a present too (« se réunit »)."""
    got = _governing_verb(doc, start, end)
    return got is not None and verb_tense(got[0]) == "past" and any(c.dep_ == "aux:tense" for c in got[0].children)


def _governing_verb(doc, start: int, end: int):
    """(the verb that governs the span, or the root of its sentence; that root), or None without a parse."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    verb = None
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            verb = tok
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if verb is None:
        verb = span.sent.root
    root = span.sent.root
    if verb.i != root.i and root.pos_ in ("VERB", "AUX") and verb.dep_ in ("amod", "acl", "advcl") and verb.lemma_ not in D.SCHEDULED \
            and "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        verb = root  # a participle used as an adjective ("un temps agité samedi") has no tense of its own
    return verb, root


def verb_tense(verb) -> str:
    tenses = {str(t) for t in verb.morph.get("Tense")}
    moods = set(verb.morph.get("Mood"))
    aux = [c for c in verb.children if c.dep_.startswith("aux")]
    # "doit se rendre", "va signer", "est attendu", "est prévue": ahead of publication
    if "Inf" in verb.morph.get("VerbForm"):
        for t in [verb.head, *aux, *[c for c in verb.children if c.dep_ in ("aux", "aux:tense")]]:
            if t.lemma_ in D.FUTURE_AUX and "Pres" in t.morph.get("Tense"):
                return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in D.FUTURE_AUX and "Pres" in verb.head.morph.get("Tense"):
        return "future"
    if verb.dep_ == "xcomp" and ("Cnd" in verb.head.morph.get("Mood") or "Fut" in verb.head.morph.get("Tense")):
        return "future"  # "pourrait être programmée le 20 juin"
    if verb.lemma_ in D.EXPECT and any(a.dep_ == "aux:pass" and "Pres" in a.morph.get("Tense") for a in aux):
        return "future"
    if verb.lower_.startswith("attendu") and any(c.dep_ == "cop" and "Pres" in c.morph.get("Tense") for c in verb.children):
        return "future"  # "des chaleurs sont attendues vendredi" (parsed as an adjective after a copula)
    if any(a.dep_ == "aux:pass" for a in aux) and any(a.lemma_ in D.FUTURE_AUX for a in verb.children):
        return "future"
    if verb.lemma_ in D.SCHEDULED and "Part" in verb.morph.get("VerbForm") and not aux:
        return "present"  # "les concerts prévus le 20 avril": scheduled, either side of publication (the nearest)
    if "Cnd" in moods or any("Cnd" in a.morph.get("Mood") for a in aux) or (
            verb.lower_.endswith(("rait", "raient", "rais")) and verb.pos_ in ("VERB", "AUX") and not aux):
        return "future"
    if aux and all(a.dep_ == "aux:pass" and "Pres" in a.morph.get("Tense") for a in aux) and verb.lemma_ not in LEX.ETRE_VERBS \
            and not any(c.lower_ in ("se", "s'", "s’") for c in verb.children):
        return "present"  # "une exposition est présentée": the present passive (not "a été présentée", "est tombée", "s'est tenue")
    for a in aux:
        if a.lemma_ in D.FUTURE_AUX and "VerbForm=Inf" in str(verb.morph):
            return "future"
        at = set(a.morph.get("Tense"))
        if "Fut" in at:
            return "future"
        if at & {"Imp", "Past"} or "Part" in verb.morph.get("VerbForm"):
            return "past"
    if verb.head.i != verb.i and verb.head.lemma_ in D.FUTURE_AUX and "Inf" in verb.morph.get("VerbForm"):
        return "future"
    if "Fut" in tenses:
        return "future"
    if tenses & {"Past", "Imp"}:
        return "past"
    return "present"


# ---------------------------------------------------------------- resolution
def _weekday(ref: dt.date, wd: int, direction: str) -> dt.date:
    delta = (ref.weekday() - wd) % 7
    if direction == "past":  # the most recent one, today included
        return ref - dt.timedelta(days=delta)
    if direction == "strict_past":
        return ref - dt.timedelta(days=delta or 7)
    ahead = (wd - ref.weekday()) % 7
    if direction == "strict_future":
        return ref + dt.timedelta(days=ahead or 7)
    return ref + dt.timedelta(days=ahead)


def _year_for(month: int, day: int | None, ref: dt.date, tense: str) -> int:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            cand = dt.date(y, month, 28)
        if day is None:
            # month precision: compare months
            diff = (y - ref.year) * 12 + (month - ref.month)
        else:
            diff = (cand - ref).days
        if tense == "past" and diff > (0 if day is not None else 0):
            continue
        if tense == "future" and diff < 0:
            continue
        if best is None or abs(diff) < best[0]:
            best = (abs(diff), y)
    return best[1] if best else ref.year


NEAR_AHEAD_DAYS = 31  # a day and month this close ahead of publication are that coming day whatever the tense


def _days(y: int, month: int, day: int, ref: dt.date) -> int:
    try:
        return (dt.date(y, month, day) - ref).days
    except ValueError:
        return (dt.date(y, month, 28) - ref).days


def _record(m, start, end, value, precision, **extra):
    rec = {"mention": m, "start": start, "end": end, "value": value, "precision": precision, "end_value": None, "part": None, "relative": False}
    rec.update(extra)
    return rec


class _Reader:
    """What the rules share while reading one text: the publication day, the parse, the story so far."""

    def __init__(self, text: str, published: dt.date, doc):
        self.text, self.published, self.doc = text, published, doc
        self.last_day: dt.date | None = None  # the last day-precision date read (outside quotes): the event in context
        self.story_day: dt.date | None = None  # the last such date that dates a main clause (see :func:`_dates_main_clause`)
        self._sent_starts: list[int] | None = None
        self.last_day_end = 0  # where it ends
        self.story_year: tuple[int, int] | None = None  # (year, position) of the last date written with a past year
        self.s = self.e = 0
        self._tense: str | None = None
        self.last_date: tuple[dt.date, str, int] | None = None  # (day, precision, end) of the last date read outside quotes
        self.months: dict[int, int] = {}  # month → year of a bare month already read
        self.weekdays: dict[int, dt.date] = {}  # weekday → the day a "vendredi prochain" / "lundi dernier" already named

    def at(self, s: int, e: int) -> None:
        self.s, self.e, self._tense = s, e, None

    def tense(self) -> str:
        if self._tense is None:
            self._tense = tense_at(self.doc, self.s, self.e)
        return self._tense

    def year_of(self, month: int, day: int | None) -> int:
        """A day and month without a year: the year of a past story told just before (« le 20 novembre 2012 …
        le 15 novembre »), else the year nearest to publication on the side the tense asks for."""
        if self.story_year and self.s - self.story_year[1] <= 600 and self.tense() != "future":
            return self.story_year[0]
        if month in self.months:
            return self.months[month]  # "prévus jusqu'à la fin mai … les 24, 25 et 26 mai": the May already read
        y = _year_for(month, day, self.published, self.tense())
        if day and self.tense() == "past":  # a date days ahead, not one almost a year back ("les 20 et 21 avril" on 4 April)
            ahead = _year_for(month, day, self.published, "future")
            if _days(ahead, month, day, self.published) <= NEAR_AHEAD_DAYS and -_days(y, month, day, self.published) > 300:
                return ahead
        return y

    def context(self) -> dt.date:
        """The day a part of the day or ``la veille`` counts from: the last day read in its own sentence (``arrêtés dimanche
        dans la soirée``), else the story's day, else the last day read, else publication."""
        if self.last_day and self.doc is not None and self.last_day_end >= self.sentence_start():
            return self.last_day
        return self.story_day or self.last_day or self.published

    def sentence_start(self) -> int:
        if self._sent_starts is None:
            self._sent_starts = [x.start_char for x in self.doc.sents]
        return self._sent_starts[max(bisect_right(self._sent_starts, self.s) - 1, 0)]

    def rec(self, value, precision, **extra) -> dict:
        return _record(self.text[self.s:self.e], self.s, self.e, value, precision, **extra)


# ---------------------------------------------------------------- rules: one function per pattern of D.PATTERNS
def _range_days(r, g):  # "du 18 au 19 novembre", "entre le 2 et le 5 mars"
    m2 = _month(g["m2"])
    m1 = _month(g["m1"]) if g.get("m1") else m2
    y = int(g["y"]) if g.get("y") else r.year_of(m2, _day(g["d2"]))
    d1, d2 = dt.date(y - 1 if m1 > m2 else y, m1, _day(g["d1"])), dt.date(y, m2, _day(g["d2"]))
    return r.rec(d1.isoformat(), "day", end_value=d2.isoformat())


def _range_weekdays(r, g):  # "jusqu'à la nuit de dimanche à lundi" (a forecast) points forward
    ahead = r.tense() == "future" or bool(g.get("until"))
    w2 = _weekday(r.published, LEX.WEEKDAYS.index(g["w2"].lower()), "future" if ahead else "past")
    return r.rec((w2 - dt.timedelta(days=1)).isoformat(), "day", end_value=w2.isoformat(), part="nuit", relative=True)


def _quarter(r, g):  # "au troisième trimestre": the year of the latest such quarter (year precision)
    first_month = 3 * LEX.QUARTER_WORDS[g["q"].lower()] - 2
    y = int(g["y"]) if g.get("y") else r.published.year - (first_month > r.published.month and r.tense() != "future")
    return r.rec(f"{y:04d}", "year", relative=not g.get("y"))


def _semester(r, g):  # "au second semestre 2021": its first month; without a year, the latest such half-year
    first_month = 1 if LEX.QUARTER_WORDS[g["q"].lower()] == 1 else 7
    y = int(g["y"]) if g.get("y") else r.published.year - (first_month > r.published.month and r.tense() != "future")
    return r.rec(f"{y:04d}-{first_month:02d}", "month", relative=not g.get("y"))


def _day_list(r, g):  # "les 24, 25 et 26 mai": the first day to the last
    mo = _month(g["m"])
    y = int(g["y"]) if g.get("y") else r.year_of(mo, _day(g["d1"]))
    return r.rec(dt.date(y, mo, _day(g["d1"])).isoformat(), "day", end_value=dt.date(y, mo, _day(g["d2"])).isoformat())


def _month_range(r, g):  # "entre mars et mai"
    m1, m2 = _month(g["m1"]), _month(g["m2"])
    y = int(g["y"]) if g.get("y") else _year_for(m2, None, r.published, r.tense())
    return r.rec(f"{y - 1 if m1 > m2 else y:04d}-{m1:02d}", "month", end_value=f"{y:04d}-{m2:02d}")


def _numeric(r, g):  # "20/11/2024"
    return r.rec(dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day")


def _full(r, g):  # "le 20 novembre (2024)", "mercredi 20 novembre", "20 novembre dernier"
    mo, dd = _month(g["m"]), _day(g["d"])
    direction = (g.get("dir") or "").lower()
    if g.get("y"):
        y = int(g["y"])
    elif direction:
        y = _year_for(mo, dd, r.published, "future" if direction == "prochain" else "past")
    elif r.text[r.s:r.s + 5].lower() == "jusqu" and r.tense() != "past":
        y = _year_for(mo, dd, r.published, "future")  # "Jusqu'au 30 novembre, une exposition est présentée": ahead
    else:
        y = r.year_of(mo, dd)
    d = dt.date(y, mo, dd)
    if g.get("w") and d.weekday() != LEX.WEEKDAYS.index(g["w"].lower()):
        wd = LEX.WEEKDAYS.index(g["w"].lower())
        fixed = (None if g.get("y") else _weekday_year(d, wd, r.published)) or _misprinted_month(d, wd, r.published) \
            or _misprinted_day(d, wd, r.published)
        if fixed:
            return r.rec(fixed.isoformat(), "day", part=(g.get("part") or None), corrected="weekday")
    return r.rec(d.isoformat(), "day", part=(g.get("part") or None))


MISPRINT_DAYS = 31  # a corrected date must lie this near publication
MISPRINT_DAY_SLIP = 2  # a misprinted day of the month is this near the weekday's day


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_with_weekday(cands, wd: int, published: dt.date, fits) -> dt.date | None:
    """Of the candidate dates (None: no such day), those on weekday ``wd`` that ``fits`` accepts, the nearest to publication."""
    cands = [c for c in cands if c is not None and c.weekday() == wd and fits(c)]
    return min(cands, key=lambda c: abs((c - published).days), default=None)


def _misprinted_month(d: dt.date, wd: int, published: dt.date) -> dt.date | None:
    """A date whose weekday contradicts it (``mercredi 1er mars 2020``, a Sunday, in an article of Wednesday 1 April 2020):
    the same day of the month before or after that has the weekday written, when it lies within a month of publication
    (a slip of the month); else None (the date as written)."""
    months = (d.month - 2, d.month)  # 0-based month before and after
    cands = [_valid(d.year + m // 12, m % 12 + 1, d.day) for m in months]
    return _nearest_with_weekday(cands, wd, published, lambda c: abs((c - published).days) <= MISPRINT_DAYS)


def _weekday_year(d: dt.date, wd: int, published: dt.date) -> dt.date | None:
    """A day and month without a year whose weekday says which year (``ce dimanche 16 février`` in an article of February
    2020 that named December 2018 before: 16 February 2020 is the Sunday): that year, the one before or after
    publication's, nearest to it, when nearer than the year read (never a year farther away for a misprinted day)."""
    cands = [_valid(y, d.month, d.day) for y in (published.year - 1, published.year, published.year + 1)]
    return _nearest_with_weekday(cands, wd, published, lambda c: abs((c - published).days) < abs((d - published).days))


def _misprinted_day(d: dt.date, wd: int, published: dt.date) -> dt.date | None:
    """A date whose weekday contradicts it by a day or two (``ce vendredi 20 janvier 2022``, a Thursday, in an article of
    Friday 21 January): the day with that weekday, when it lies within a month of publication (a slip of the day)."""
    cands = [d + dt.timedelta(days=k) for k in range(-MISPRINT_DAY_SLIP, MISPRINT_DAY_SLIP + 1)]
    return _nearest_with_weekday(cands, wd, published, lambda c: abs((c - published).days) <= MISPRINT_DAYS)


def _month_year(r, g):  # "en septembre 2023"
    return r.rec(f"{int(g['y']):04d}-{_month(g['m']):02d}", "month")


def _month_alone(r, g):  # "en septembre", "juillet dernier"
    mention = r.text[r.s:r.e]
    if not mention[0].islower() and mention.lower() == g["m"].lower() and r.s > 0 and r.text[r.s - 1] not in "\n.":
        return None  # a capitalised bare month mid-sentence is a name (« Juillet »), not a date
    mo = _month(g["m"])
    direction, prep = (g.get("dir") or "").lower(), (g.get("prep") or "").lower()
    if direction in ("dernier", "passé"):
        tt = "past"
    elif direction == "prochain" or prep in ("dès", "à partir de", "d'ici", "jusqu'en"):
        tt = "future"
    else:
        tt = r.tense()
    y = _year_for(mo, None, r.published, tt)
    if not direction and prep not in ("dès", "à partir de", "d'ici", "jusqu'en"):
        y = r.months.setdefault(mo, y)  # the same month named again is the same one (« créée en mai … depuis sa création en mai »)
    return r.rec(f"{y:04d}-{mo:02d}", "month", relative=bool(direction))


def _year_range(r, g):  # "entre 2004 et 2016"
    return r.rec(f"{int(g['y1']):04d}", "year", end_value=f"{int(g['y2']):04d}")


def _year(r, g):  # "en 2022"; "en 2018, 2020 et 2021": one record per year
    if g["prep"].lower() in ("de", "à", "et") and not re.match(r"\s*(?:,|\.|et|à|$)", r.text[r.e:r.e + 4]):
        return None  # "de 2000 soldats" is a number
    more = re.findall(D.YEAR, g.get("more") or "")
    if not more:
        return r.rec(f"{int(g['y']):04d}", "year")
    first_end = r.s + r.text[r.s:r.e].index(g["y"]) + 4
    out, pos = [_record(r.text[r.s:first_end], r.s, first_end, f"{int(g['y']):04d}", "year")], first_end
    for y in more:
        i = r.text.index(y, pos)
        out.append(_record(y, i, i + 4, y, "year"))
        pos = i + 4
    return out


def _season(r, g):  # "cet été", "l'hiver dernier"
    start = LEX.SEASONS[g["s"].lower()]
    direction = (g.get("dir") or "").lower()
    y = r.published.year
    if direction == "dernier" and r.published.month < start + 3:
        y -= 1
    elif direction == "prochain" and r.published.month >= start:
        y += 1
    return r.rec(f"{y:04d}", "year", relative=True)




def _holiday(r, g):  # "à Noël"
    mo, dd = D.HOLIDAYS[g["h"].lower()]
    return r.rec(dt.date(_year_for(mo, dd, r.published, r.tense()), mo, dd).isoformat(), "day", relative=True)


def _relative_day(r, g):  # "hier", "demain soir"
    off = {"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}[g["word"].lower()]
    return r.rec((r.published + dt.timedelta(days=off)).isoformat(), "day", part=g.get("part"), relative=True)


def _context_day(r, g):
    """``la veille``, ``le lendemain``: from the event in context (else publication). ``au lendemain de X``: the day
    after the event in context, but never after publication (then it is the day of the clause: the report's day);
    ``à la veille de X``: the day of the clause."""
    anchor = r.context()
    word = g["word"].lower()
    if word.startswith("au lendemain"):
        day = anchor + dt.timedelta(days=1) if anchor < r.published else anchor
    elif word.startswith("à la veille"):
        day = anchor
    else:
        day = anchor + dt.timedelta(days={"le lendemain": 1, "la veille": -1, "l'avant-veille": -2, "le surlendemain": 2}[word])
    return r.rec(day.isoformat(), "day", relative=True, anchor=anchor.isoformat())


def _shifted(r, n: int, unit: str):
    """``n`` days, weeks, months or years from publication (negative: before)."""
    if unit.startswith(("jour", "semaine")):
        d = r.published + dt.timedelta(days=n * (7 if unit.startswith("semaine") else 1))
        return r.rec(d.isoformat(), "day", relative=True)
    if unit == "mois":
        d = _add_months(r.published, n)
        if n > 0:  # "dans un mois": a day set that far ahead (the next dose, a deadline)
            return r.rec(d.isoformat(), "day", relative=True)
        return r.rec(f"{d.year:04d}-{d.month:02d}", "month", relative=True)
    return r.rec(f"{r.published.year + n:04d}", "year", relative=True)


def _ago(r, g):  # "il y a trois semaines"
    return _shifted(r, -_num(g["n"]), g["unit"].lower())


def _ahead(r, g):  # "dans deux mois"
    return _shifted(r, _num(g["n"]), g["unit"].lower())


def _week(r, g):  # "la semaine dernière", "ce week-end"
    w = g["which"].lower()
    monday = r.published - dt.timedelta(days=r.published.weekday())
    if "week-end" in w:
        sat = monday + dt.timedelta(days=5)
        if "dernier" in w or (sat > r.published and "prochain" not in w and r.tense() == "past"):
            sat -= dt.timedelta(weeks=1)
        if "prochain" in w and sat <= r.published:
            sat += dt.timedelta(weeks=1)
        return r.rec(sat.isoformat(), "day", end_value=(sat + dt.timedelta(days=1)).isoformat(), relative=True)
    shift = -1 if ("dernière" in w or "passée" in w) else 1 if "prochaine" in w else 0
    mon = monday + dt.timedelta(weeks=shift)
    return r.rec(mon.isoformat(), "day", end_value=(mon + dt.timedelta(days=6)).isoformat(), relative=True)


def _week_part(r, g):  # "en début de semaine": Monday (milieu: Wednesday, fin: Friday) of the week
    w = g["which"].lower()
    monday = r.published - dt.timedelta(days=r.published.weekday())
    monday += dt.timedelta(weeks=-1 if "dernière" in w else 1 if "prochaine" in w else 0)
    d = monday + dt.timedelta(days=0 if "début" in w else 2 if "milieu" in w else 4)
    return r.rec(d.isoformat(), "day", relative=True)


def _month_rel(r, g):  # "le mois dernier"
    w = g["which"].lower()
    d = _add_months(r.published, -1 if ("dernier" in w or "passé" in w) else 1 if "prochain" in w else 0)
    return r.rec(f"{d.year:04d}-{d.month:02d}", "month", relative=True)


def _year_rel(r, g):  # "l'an dernier", "cette année"; "la nouvelle année": the one just begun (first half), else the next
    w = g["which"].lower()
    if w == "la nouvelle année":
        return r.rec(f"{r.published.year + (r.published.month > 6):04d}", "year", relative=True)
    shift = -1 if any(x in w for x in ("dernier", "passé", "dernière", "passée")) else 1 if "prochain" in w else 0
    return r.rec(f"{r.published.year + shift:04d}", "year", relative=True)


def _today_part(r, g):  # "ce matin", "ce soir"
    return r.rec(r.published.isoformat(), "day", part=g["which"].lower().split()[-1], relative=True)


def _this_day(r, g):  # "publiée dans la revue Nature ce jour" (after "le 19 février"): the day in context
    return r.rec((r.last_day or r.published).isoformat(), "day", relative=True)


def _day_part(r, g):
    """``dans la soirée``, ``dès l'aube``: the day in context. ``dans la nuit`` told in the past on the publication day
    (``a dit samedi avoir repoussé dans la nuit``) is the night that ended that morning: it starts the day before."""
    w = g["which"].lower()
    part = next((p for p in ("soir", "matin", "après-midi", "nuit", "aube") if p in w), None)
    day = r.context()
    if part == "nuit" and day == r.published and r.tense() == "past":
        return r.rec((day - dt.timedelta(days=1)).isoformat(), "day", end_value=day.isoformat(), part=part, relative=True)
    return r.rec(day.isoformat(), "day", part=part, relative=True)


def _offset(r, g):
    """``10 ans plus tard``: from the date in context. ``quinze jours après le scrutin``, ``neuf mois après la chute``:
    the time of the clause, that long after the date in context when that is not beyond publication (the report's day,
    month or year otherwise); ``trois jours avant le vote``: that long before the day in context."""
    n, unit, rel = _num(g["n"]), g["unit"].lower(), g["rel"].lower()
    days = n * (7 if unit.startswith("semaine") else 1) if unit.startswith(("jour", "semaine")) else None
    if rel in ("plus tard", "plus tôt"):
        if r.last_date is None:
            return None
        anchor, precision, _e = r.last_date
        sign = 1 if rel == "plus tard" else -1
        if days is not None and precision == "day":
            return r.rec((anchor + dt.timedelta(days=sign * days)).isoformat(), "day", relative=True)
        if unit == "mois" and precision in ("day", "month"):
            d = _add_months(anchor, sign * n)
            return r.rec(f"{d.year:04d}-{d.month:02d}", "month", relative=True)
        return r.rec(f"{anchor.year + sign * n:04d}", "year", relative=True) if unit in ("ans", "années") else None
    if days is None:  # months or years before or after an event
        months = n if unit == "mois" else 12 * n
        if rel == "avant":
            if r.last_date is None:
                return None
            d = _add_months(r.last_date[0], -months)
        else:
            d = _add_months(r.last_date[0], months) if r.last_date else r.published
            d = min(d, r.published)
        return r.rec(f"{d.year:04d}-{d.month:02d}", "month", relative=True) if unit == "mois" else r.rec(f"{d.year:04d}", "year", relative=True)
    if rel == "avant":
        return r.rec((r.last_day - dt.timedelta(days=days)).isoformat(), "day", relative=True) if r.last_day else None
    day = r.last_day + dt.timedelta(days=days) if r.last_day and r.last_day + dt.timedelta(days=days) <= r.published \
        else r.published
    return r.rec(day.isoformat(), "day", relative=True)


def _bare_day(r, g):  # "à Strasbourg (le 22)", "(les 23 et 24)", "(du 29 au 31)": the month named earlier in the sentence
    if r.last_date is None or r.last_date[1] not in ("day", "month") or r.s - r.last_date[2] > 300 \
            or re.search(r"[.!?]\s", r.text[r.last_date[2]:r.s]):
        return _story_month_day(r, g)
    month, last = r.last_date[0], re.findall(r"\d+", r.text[r.s:r.e])[-1]
    try:
        first = month.replace(day=_day(g["d1"]))
        end = month.replace(day=int(last)) if last != g["d1"] else None
    except ValueError:
        return None
    return r.rec(first.isoformat(), "day", end_value=end and end.isoformat())


def _story_month_day(r, g):
    """``il a été incarcéré le 9,`` with no month in its sentence, told in the past in a story whose day is known (``ce 11
    octobre``): that day of the story's month, or of the month before when it is later than the story's day."""
    if r.story_day is None or r.tense() != "past" or g.get("d1") is None or re.search(r"\d+\D+\d", r.text[r.s:r.e]):
        return None
    dd, anchor = _day(g["d1"]), r.story_day
    month = anchor if dd <= anchor.day else _add_months(anchor.replace(day=1), -1)
    try:
        return r.rec(month.replace(day=dd).isoformat(), "day", relative=True, anchor=anchor.isoformat())
    except ValueError:
        return None


def _year_after_noun(r, g):  # "le budget 2024 :", "Budget 2024": a year closing a noun phrase
    tok = r.doc.char_span(r.s, r.e, alignment_mode="expand") if r.doc is not None else None
    if tok is None or tok.start == 0 or r.doc[tok.start - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return r.rec(g["y"], "year")


def _weekday_date(r, wd: int, direction: str, ce: str) -> dt.date:
    """The day a weekday names (see :func:`_weekday_rule`)."""
    if direction in ("dernier", "passé"):
        return _weekday(r.published, wd, "strict_past")
    if direction == "prochain":
        return _weekday(r.published, wd, "strict_future")
    if ce in ("ce", "dès ce", "depuis ce"):
        d = _weekday(r.published, wd, "future" if r.tense() == "future" else "past")
        if r.tense() != "future" and (r.published - d).days > 0 and wd > r.published.weekday() \
                and not compound_past_at(r.doc, r.s, r.e):  # "ce dimanche" said on a Monday: coming, unless told as done
            d = _weekday(r.published, wd, "future")
        return d
    if not ce and r.tense() != "past" and r.last_day and 0 < (r.last_day - r.published).days <= 14:
        # the story is set in the coming days (a forecast, a programme: « samedi 16 et dimanche 17 … temps agité
        # samedi »): the weekday of that week
        return r.last_day + dt.timedelta(days=(wd - r.last_day.weekday() + 3) % 7 - 3)
    ahead = r.tense() == "future" or ce in D.AHEAD_CUES
    return _weekday(r.published, wd, "future" if ahead else "past")


# words before a bare weekday that point forward: « d'ici lundi », « vigilance rouge pour la journée de jeudi »


def _weekday_rule(r, g):  # "mardi", "ce mercredi", "jeudi prochain"
    wd, direction, ce = LEX.WEEKDAYS.index(g["w"].lower()), (g.get("dir") or "").lower(), " ".join((g.get("ce") or "").lower().split())
    if not direction and not ce and wd in r.weekdays:
        d = r.weekdays[wd]  # "vendredi prochain … la cérémonie de vendredi": the Friday already named
    else:
        d = _weekday_date(r, wd, direction, ce)
    if direction:
        r.weekdays[wd] = d
    return r.rec(d.isoformat(), "day", part=g.get("part"), relative=True)


def _weekday_span(r, g):  # "de vendredi à dimanche", "du lundi au mercredi": the first day, then the next such second one
    w1, w2 = LEX.WEEKDAYS.index(g["w1"].lower()), LEX.WEEKDAYS.index(g["w2"].lower())
    days = dt.timedelta(days=(w2 - w1) % 7 or 7)
    if g.get("dir"):  # "de lundi à mercredi dernier": the last such Wednesday, and the Monday before it
        d2 = _weekday_date(r, w2, g["dir"].lower(), "")
        return r.rec((d2 - days).isoformat(), "day", end_value=d2.isoformat(), relative=True)
    d1 = _weekday_date(r, w1, "", "")
    return r.rec(d1.isoformat(), "day", end_value=(d1 + days).isoformat(), relative=True)


def _numeric_day_month(r, g):  # "24/02": a day and month, the year as for "le 24 février"
    mo, dd = int(g["m"]), int(g["d"])
    return r.rec(dt.date(r.year_of(mo, dd), mo, dd).isoformat(), "day")


def _since_start(r, g):  # "depuis le début de la semaine": the week's Monday (the month, the year)
    of = g["of"].lower()
    if "semaine" in of:
        return r.rec((r.published - dt.timedelta(days=r.published.weekday())).isoformat(), "day", relative=True)
    if "mois" in of:
        return r.rec(f"{r.published.year:04d}-{r.published.month:02d}", "month", relative=True)
    return r.rec(f"{r.published.year:04d}", "year", relative=True)


# the rules in order: at one position the first pattern that matches wins (``rule`` on every record)
RULES = {
    "range_days": _range_days, "range_between": _range_days, "range_weekdays": _range_weekdays, "weekday_span": _weekday_span,
    "quarter": _quarter, "semester": _semester,
    "day_list": _day_list, "month_range": _month_range, "numeric": _numeric,
    "numeric_day_month": _numeric_day_month, "full": _full, "month_year": _month_year,
    "month": _month_alone, "year_range": _year_range, "year": _year, "season": _season, "holiday": _holiday,
    "relative_day": _relative_day, "context_day": _context_day, "ago": _ago, "ahead": _ahead, "week": _week,
    "since_start": _since_start, "week_part": _week_part, "month_rel": _month_rel, "year_rel": _year_rel, "today_part": _today_part,
    "this_day": _this_day, "day_part": _day_part, "offset": _offset, "bare_day": _bare_day, "year_after_noun": _year_after_noun,
    "weekday": _weekday_rule,
}
assert list(RULES) == [name for name, _pat in D.PATTERNS]
_STORY_RULES = ("full", "numeric", "month_year", "range_days", "range_between", "day_list")  # dates that may set a story's year


SPEECH_DAY_MAX = 7  # days: a speech told as a past scene of the last week


def _speech_day(r, rec) -> dt.date | None:
    """``aujourd'hui``, ``ce soir`` in words said on a day the article named before (within the week before publication):
    that day, not publication. Said in a quote (« je ne répondrai pas ce soir », after « jeudi 11 avril »), or in speech
    reported after ``que`` in the sentence of that day (``a affirmé lundi …, soulignant que le groupe est aujourd'hui …``)."""
    if rec["mention"].lower().replace("’", "'") not in LEX.SPEECH_DAY_WORDS or r.last_day is None \
            or not 0 < (r.published - r.last_day).days <= SPEECH_DAY_MAX:
        return None
    para = r.text[r.text.rfind("\n", 0, rec["start"]) + 1:rec["start"]]
    if rec["in_quote"] or para.rfind("«") > para.rfind("»"):  # a quote, closed or not (« … ce soir, a assuré l'édile)
        return r.last_day
    if r.doc is None:
        return None
    sent = next((x for x in r.doc.sents if x.start_char <= rec["start"] < x.end_char), None)
    if sent is None or r.last_day_end < sent.start_char or not re.search(r"\bqu(?:e\b|')", r.text[r.last_day_end:rec["start"]]):
        return None
    said = any(t.lemma_ in LEX.REPORT_VERBS and t.pos_ in ("VERB", "AUX") for t in sent if t.idx < rec["start"])
    return r.last_day if said else None


def _dates_main_clause(doc, start: int, end: int) -> bool:
    """Whether a date dates the story (its main clause: ``a affiché sa fermeté mardi``; a sentence with no verb: ``Jour 2
    ce samedi 7 mai``) rather than a noun after ``de`` or a clause inside it (``arrêtés … dimanche``, ``la folie du vendredi
    soir``): the day a later ``en milieu d'après-midi`` or ``la veille`` counts from (issue 8's story day). Without a parse:
    every date does."""
    if doc is None:
        return True
    toks = doc.char_span(start, end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return True
    if toks[0].i > 0 and doc[toks[0].i - 1].lower_ in ("de", "du", "d'", "des"):
        return False  # "le succès du vendredi soir": a noun's date
    head = next((t.head for t in toks if not start <= t.head.idx < end), toks[0])
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
        head = head.head  # "sa fermeté mardi": up to the verb
    if head.pos_ in ("VERB", "AUX"):
        return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
    return not any(t.pos_ in ("VERB", "AUX") for t in toks[0].sent)


def find_dates(text: str, published: dt.date, doc=None) -> list[dict]:
    """Every temporal expression in ``text`` with its normalised value (see module docstring)."""
    out: list[dict] = []
    quotes = [(m.start(), m.end()) for m in re.finditer(r"«[^«»]*»", text)]
    r = _Reader(text, published, doc)
    for m in _regex().finditer(text):
        kind = m.lastgroup
        if text[m.start()].isdigit() and re.search(D.NAME_HEAD_BEFORE, text[max(0, m.start() - 20):m.start()]):
            continue  # "boulevard du 20 mai": a street's name
        g = {k[len(kind) + 1:]: v for k, v in m.groupdict().items() if k.startswith(kind + "_") and v is not None}
        r.at(m.start(), m.end())
        try:
            got = RULES[kind](r, g)
        except (ValueError, KeyError):
            got = r.rec(None, None, note="invalid date")
        for rec in [got] if isinstance(got, dict) else got or []:
            s, e = rec["start"], rec["end"]
            rec["rule"] = kind
            rec["in_quote"] = any(qs <= s and e <= qe for qs, qe in quotes)
            if g.get("y") and kind in _STORY_RULES and rec["value"] \
                    and not re.match(r"(?:depuis|dès|jusqu)", rec["mention"], re.IGNORECASE):  # "depuis juin 2024" opens a span
                y = int(rec["value"][:4])
                r.story_year = (y, e) if y < published.year else None
            day = _speech_day(r, rec)
            if day is not None:
                rec.update(value=day.isoformat(), rule="speech_day", anchor=day.isoformat())
            if rec["precision"] == "day" and kind != "context_day" and not rec["in_quote"]:
                r.last_day, r.last_day_end = dt.date.fromisoformat(rec["end_value"] or rec["value"]), e
                r.story_day = r.last_day if _dates_main_clause(doc, s, e) else r.story_day
            if rec["value"] and not rec["in_quote"]:
                r.last_date = (dt.date.fromisoformat((rec["value"] + "-01-01")[:10]), rec["precision"], e)
            out.append(rec)
    return out
