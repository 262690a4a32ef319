"""Find time expressions in a text and normalise them against the document date.

The engine is language-independent. A :class:`~frontwatch.times.grammar.Grammar` (language
data) finds candidate expressions and says what kind each is; this module decides what
interval each one means:

1. **Reference.** Deictic expressions ("gisteren", "vorige week", "zaterdag") are resolved
   against the document date; expressions that continue the story ("een paar dagen later",
   "later dat jaar", "the same day") against the previous time expression (its ``anchor``);
   "een dag nadat Y" and "al een week" in a past-tense clause against the time of the
   sentence they sit in.
2. **Precision.** A reference is an interval, not a day: a document dated ``2022-09`` may have
   been written on any day of September, so "gisteren" is resolved for its first and its last
   day and the two results are joined (2022-08-31..2022-09-29). Nothing gets more precise than
   what it was resolved against.
3. **Direction.** Bare weekdays, months and seasons point back in a past-tense clause and
   forward in a present or future one (:mod:`frontwatch.times.tense`); "sinds"/"since" always
   points back, and so does a photo caption in the present (it shows a picture already
   taken). The grammar's ``[[direction]]`` rules override the tense where the context fixes
   it: "a meeting for Thursday" is ahead, "declared Sunday a day of mourning" the Sunday
   nearest the report.

Conventions (``spec/SCHEMA.md``): thirds for early/mid/late, meteorological seasons,
Monday-Sunday weeks, "N months ago" shifting both ends of the reference by N months with month
precision, ``PAST_REF``/``FUTURE_REF`` windows of 7 days, 6 weeks or 6 months.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final

from frontwatch.bisection import first_above
from frontwatch.records import Span, TimeMention, date_interval, parse_document_date
from frontwatch.resources import load_data
from frontwatch.times import daymath as dm
from frontwatch.times.grammar import Candidate, Grammar, load_grammar
from frontwatch.times.tense import Tense, TenseRules

# Sizes of the windows "de afgelopen dagen / weken / maanden / jaren" when no number is given.
DEFAULT_WINDOW_DAYS: Final[dict[str, int]] = {"day": 7, "week": 42, "hour": 1}
DEFAULT_WINDOW_MONTHS: Final[dict[str, int]] = {"month": 6, "year": 60}
# "een paar dagen later" when the language data give no range for the vague quantity.
DEFAULT_VAGUE: Final[tuple[float, float]] = (2, 7)
# How far a date without a year may lie after the document date and still be this year's.
PRESENT_GRACE_DAYS: Final = 60
# In a past-tense clause, a day and month without a year up to this many days after the
# reference is still this year's (see _resolve_date).
AHEAD_IN_PAST_DAYS: Final = 62

# Kinds resolved only once every other expression of the text is known.
ANCHORED_KINDS: Final = frozenset(
    {"anchored", "anchored_period", "relative_to_event", "night_around", "since_previous"}
)
# Kinds that can take their year from the previous expression ("in juli dat jaar").
_YEAR_ANCHORABLE_KINDS: Final = frozenset({"date", "month", "month_part", "season"})
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])|\n+")
_CLAUSE_BREAK: Final = re.compile(r"[,;:()\[\]!?.\n\"“”]")
# How far back (in characters) a superlative makes a "since" expression a comparison's baseline.
_BASELINE_REACH: Final = 80
# How many words may stand between two expressions of the same clause that date one event.
_ADJACENT_WORDS: Final = 3
_WORD_BEFORE: Final = re.compile(r"(?<![\w'’])([\w’']+)\s+$")
_YEAR_AFTER: Final = re.compile(
    r"\s*(?:(?P<word>\w+)\s+|[-–]\s*)(?P<year>(?:1[5-9]|20)\d\d)(?![\w])"
)


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class Resolved:
    first: date
    last: date
    granularity: str
    value: str

    def __init__(self, first: date, last: date, granularity: str, value: str) -> None:
        self.first = first
        self.last = last
        self.granularity = granularity
        self.value = value


@dataclass(slots=True, init=False)
class _Ref:
    """What an expression is resolved against: the document date or another mention."""

    first: date
    last: date
    value: str
    anchor: str  # "document" or the id of the mention
    era: bool  # the start of a named era ("een jaar na de invasie")
    granularity: str

    # written out, as the ``__init__`` of _Found below
    def __init__(
        self,
        first: date,
        last: date,
        value: str,
        anchor: str = "document",
        era: bool = False,
        granularity: str = "day",
    ) -> None:
        self.first = first
        self.last = last
        self.value = value
        self.anchor = anchor
        self.era = era
        self.granularity = granularity


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class _Found:
    """A resolved mention with what anchoring needs to know about it."""

    mention: TimeMention
    kind: str
    sentence: int
    future: bool
    window: bool
    since: bool  # "sinds april": the start of a state rather than a narrative moment
    year: int | None  # the year the text wrote out ("24 februari 2022", "in 2014")
    # An offset in a present-tense clause ("het symbool van de annexatie, vier jaar eerder"):
    # a comment on the story, not a point it moves to, so no anchor for a past clause after it.
    aside: bool
    # "twee dagen na" resolved against the era named right after it ("het begin van de
    # invasie"): the two are one expression.
    joins_era: bool
    # The report's own moment: the document date in a present-tense clause ("Oekraïne
    # herdenkt vandaag dat ..."). A story told in the past does not continue from it. ``None``
    # while the tense of the clause is unread: only :meth:`TimeEngine._previous` needs it, and
    # reading a tense is the dearest part of resolving (see TimeEngine._is_now).
    now: bool | None
    span: tuple[int, int]  # the candidate's offsets, which the clause is read around

    def __init__(
        self,
        mention: TimeMention,
        kind: str,
        sentence: int,
        future: bool,
        window: bool,
        since: bool = False,
        year: int | None = None,
        aside: bool = False,
        joins_era: bool = False,
        now: bool | None = False,
        span: tuple[int, int] = (0, 0),
    ) -> None:
        self.mention = mention
        self.kind = kind
        self.sentence = sentence
        self.future = future
        self.window = window
        self.since = since
        self.year = year
        self.aside = aside
        self.joins_era = joins_era
        self.now = now
        self.span = span


@dataclass(init=False)
class _Context:
    text: str
    grammar: Grammar
    rules: TenseRules
    doc: _Ref
    sentences: list[tuple[int, int]]
    boilerplate: list[tuple[int, int]]
    # Photo captions: they describe a picture already taken, so without a verb of their own
    # ("Rook boven de brug na de explosie van zaterdagochtend") or in the captions' present
    # ("Rescuers clear rubble ... on Monday") they are about the past.
    captions: list[tuple[int, int]]
    found: list[_Found]
    _starts: list[int]

    # written out, as the ``__init__`` of _Found above
    def __init__(
        self,
        text: str,
        grammar: Grammar,
        rules: TenseRules,
        doc: _Ref,
        sentences: list[tuple[int, int]],
        boilerplate: list[tuple[int, int]],
        captions: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.grammar = grammar
        self.rules = rules
        self.doc = doc
        self.sentences = sentences
        self.boilerplate = boilerplate
        self.captions = [] if captions is None else captions
        self.found = []
        self._starts = [s for s, _ in sentences]

    def sentence_of(self, offset: int) -> int:
        i = first_above(self._starts, offset) - 1
        return max(i, 0)

    def sentence_span(self, offset: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        s, e = self.sentences[self.sentence_of(offset)]
        if not s <= offset < e:
            return offset, offset
        return s, e

    def tense(self, cand: Candidate, side: str = "both") -> Tense:
        return self.tense_at(cand.start, cand.end, side)

    def tense_at(self, start: int, end: int, side: str = "both") -> Tense:
        s, e = self.sentence_span(start)
        tense = self.rules.tense_of(self.text[s:e], start - s, end - s, side)
        if tense == "present" and any(a <= start < b for a, b in self.captions):
            return "past"
        return tense


@lru_cache(maxsize=1)
def _eras() -> dict[str, list[tuple[date, dict[str, Any]]]]:
    table: dict[str, list[tuple[date, dict[str, Any]]]] = {}
    for entry in load_data("times_eras.toml").get("era", []):
        table.setdefault(entry["key"], []).append((date.fromisoformat(entry["start"]), entry))
    for starts in table.values():
        starts.sort(key=lambda item: item[0])
    return table


# --------------------------------------------------------------------------------------------
# Small helpers


def _day_value(day: date) -> str:
    return dm.iso(day)


def _month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _int(value: Any, default: int = 0) -> int:
    if value is None:  # the usual absent slot: no exception to raise and catch
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _quantity(cand: Candidate) -> tuple[float, float] | None:
    """The number of units: ``(n, n)`` for "drie", a range for "een paar", ``None`` if absent."""
    num = cand.values.get("num")
    if num is not None:
        return float(num), float(num)
    vague = cand.values.get("vague")
    if isinstance(vague, list) and len(vague) == 2:
        return float(vague[0]), float(vague[1])
    if "vague" in cand.texts:
        return DEFAULT_VAGUE
    if "n" in cand.pattern.fixed:
        n = float(cand.pattern.fixed["n"])
        return n, n
    return None


def _over_days(ref: _Ref, fn: Callable[[date], Resolved | None]) -> Resolved | None:
    """Resolve for the first and last day the reference can mean and join the results.

    When the two agree on a value it is kept; otherwise expressions finer than a month take
    the reference's own value (a "gisteren" in a ``2022-09`` document is ``2022-09``) and
    coarser ones the value at the last day.
    """
    a = fn(ref.first)
    if ref.first == ref.last:
        return a
    b = fn(ref.last)
    if a is None or b is None:
        return a or b
    first, last = dm.union((a.first, a.last), (b.first, b.last))
    if a.value == b.value:
        value = a.value
    elif a.granularity in ("day", "week"):
        value = ref.value
    else:
        value = b.value
    return Resolved(first, last, a.granularity, value)


# --------------------------------------------------------------------------------------------
# Resolvers: one per kind. Each gets the candidate, the reference and the tense.


def _resolve_relday(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    offsets = cand.values.get("relday")
    if offsets is None:
        return None
    lo, hi = (offsets, offsets) if isinstance(offsets, int) else (offsets[0], offsets[-1])

    def at(day: date) -> Resolved:
        # "vannacht" (-1..0) is named after the morning it ends in: the later day.
        first, last = dm.add_days(day, lo), dm.add_days(day, hi)
        return Resolved(first, last, "day", _day_value(last))

    return _over_days(ref, at)


def _year_for_month(month: int, ref: _Ref, tense: Tense) -> int:
    """The year of a month named without one: the latest in the past, the next in the future."""
    if tense == "future":
        return ref.first.year if month >= ref.first.month else ref.first.year + 1
    if tense == "present":
        return ref.last.year
    return ref.last.year if month <= ref.last.month else ref.last.year - 1


def _explicit_year(cand: Candidate, ref: _Ref) -> int | None:
    if "year" in cand.values and cand.values["year"] is not None:
        return _int(cand.values["year"])
    if "yshift" in cand.values and cand.values["yshift"] is not None:
        return ref.last.year + _int(cand.values["yshift"])
    return None


def _month_number(cand: Candidate) -> int | None:
    for slot in ("month", "month_abbr", "monthnum"):
        value = cand.values.get(slot)
        if value is not None:
            month = _int(value)
            return month if 1 <= month <= 12 else None
    return None


def _nth_weekday(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    """ "de vierde zaterdag van november": the fourth Saturday of that month."""
    month = _month_number(cand)
    whole = _resolve_month(cand, ref, tense) if month is not None else None
    if whole is None or cand.values.get("weekday") is None:
        return None
    nth, weekday = _int(cand.values.get("ordinal")), _int(cand.values["weekday"])
    if nth > 0:
        day = dm.add_days(dm.first_weekday_on_or_after(whole.first, weekday), 7 * (nth - 1))
    else:
        day = dm.latest_weekday_on_or_before(whole.last, weekday)
    if day > whole.last:
        return None
    return Resolved(day, day, "day", _day_value(day))


def _resolve_date(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    if cand.values.get("ordinal") is not None:
        return _nth_weekday(cand, ref, tense)
    month = _month_number(cand)
    day_number = _int(cand.values.get("day"), 0)
    if month is None or not day_number:
        return None
    year = _explicit_year(cand, ref)
    if year is None:
        year = ref.last.year
        day = dm.clamp_day(year, month, day_number)
        if day is None:
            return None
        if tense == "future":
            if day < dm.add_days(ref.first, -7):
                day = dm.clamp_day(year + 1, month, day_number)
        elif tense == "past":
            # "agreed on Thursday on a ceasefire from 15 February" (12 February): a date a few
            # days ahead is what was agreed or announced, not the same day a year ago, which
            # a report would give with its year
            if day > dm.add_days(ref.last, AHEAD_IN_PAST_DAYS):
                day = dm.clamp_day(year - 1, month, day_number)
        elif day > dm.add_days(ref.last, PRESENT_GRACE_DAYS):
            day = dm.clamp_day(year - 1, month, day_number)
    else:
        day = dm.clamp_day(year, month, day_number)
    if day is None:
        return None
    last_number = _int(cand.values.get("day2"), 0)
    if last_number > day_number:
        # "van 9 tot 11 juli", "July 9-11": the days between.
        last = dm.clamp_day(day.year, day.month, last_number)
        if last is not None:
            return Resolved(day, last, "day", _day_value(day))
    return Resolved(day, day, "day", _day_value(day))


def _resolve_month(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    month = _month_number(cand)
    if month is None:
        return None
    year = _explicit_year(cand, ref)
    direction = cand.values.get("mdir")
    if year is None and direction is not None:
        # "last August": the latest August before this month; "next March" the first after.
        if _int(direction) < 0:
            year = ref.first.year if month < ref.first.month else ref.first.year - 1
        elif _int(direction) > 0:
            year = ref.last.year if month > ref.last.month else ref.last.year + 1
        else:
            year = ref.last.year
    if year is None:
        year = _year_for_month(month, ref, tense)
    first, last = dm.month_interval(year, month)
    return Resolved(first, last, "month", f"{year:04d}-{month:02d}")


def _resolve_month_part(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    part = cand.values.get("part")
    if "mshift" in cand.values or "mshift" in cand.pattern.fixed:
        shift = _int(cand.values.get("mshift", cand.pattern.fixed.get("mshift")))

        def at(day: date) -> Resolved:
            year, month = dm.shift_month(day.year, day.month, shift)
            first, last = _part_of(*dm.month_interval(year, month), part, "month")
            return Resolved(first, last, "month", f"{year:04d}-{month:02d}")

        return _over_days(ref, at)
    whole = _resolve_month(cand, ref, tense)
    if whole is None:
        return None
    first, last = _part_of(whole.first, whole.last, part, "month")
    return Resolved(first, last, "month", whole.value)


def _part_of(first: date, last: date, part: Any, unit: str) -> tuple[date, date]:
    if part in ("H1", "H2"):
        return dm.halves(first, last, 1 if part == "H1" else 2)
    # "the first week of March", "de laatste week van het jaar": seven days at either end
    if part == "W1":
        return first, min(last, dm.add_days(first, 6))
    if part == "WL":
        return max(first, dm.add_days(last, -6)), last
    return dm.thirds(first, last, str(part), unit)


def _resolve_year(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    year = _explicit_year(cand, ref)
    if year is None:
        return None
    first, last = dm.year_interval(year)
    return Resolved(first, last, "year", f"{year:04d}")


def _resolve_year_part(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    whole = _resolve_year(cand, ref, tense)
    if whole is None:
        return None
    first, last = _part_of(whole.first, whole.last, cand.values.get("part"), "year")
    return Resolved(first, last, "year", whole.value)


def _resolve_season(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    code = cand.values.get("season")
    if code not in dm.SEASON_START_MONTH:
        return None
    year = _explicit_year(cand, ref) if not {"year", "yshift"}.isdisjoint(cand.values) else None
    shift = cand.values.get("sshift", cand.pattern.fixed.get("sshift"))
    if year is not None:
        label = year
    elif shift is not None and _int(shift) < 0:
        label, _ = dm.last_complete_season(ref.first, code)
    elif shift is not None and _int(shift) > 0:
        label = ref.first.year - 1
        while dm.season_interval(label, code)[0] <= ref.first:
            label += 1
    elif shift is not None:
        # "deze zomer", "this winter": this year's; in the future tense, once it is over,
        # next year's ("this spring will be decisive" in October).
        label = dm.season_of(ref.first)[0] if code == "WI" else ref.first.year
        if tense == "future" and dm.season_interval(label, code)[1] < ref.first:
            label += 1
    elif tense == "future":
        label, _ = dm.next_season(ref.first, code)
    else:
        label, _ = dm.latest_started_season(ref.last, code)
    first, last = dm.season_interval(label, code)
    part = cand.values.get("part")
    if part:
        first, last = _part_of(first, last, part, "season")
    return Resolved(first, last, "season", dm.season_value(label, code))


def _resolve_weekday(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    days = [cand.values.get(s) for s in ("weekday", "weekday2") if cand.values.get(s) is not None]
    if not days:
        return None
    wshift = cand.values.get("wshift", cand.pattern.fixed.get("wshift"))
    weekshift = cand.values.get("weekshift", cand.pattern.fixed.get("weekshift"))

    def one(day: date, weekday: int) -> date:
        if weekshift is not None:
            monday = dm.add_days(dm.week_start(day), 7 * _int(weekshift))
            return dm.add_days(monday, weekday)
        if wshift is not None and _int(wshift) < 0:
            return dm.latest_weekday_before(day, weekday)
        if wshift is not None and _int(wshift) > 0:
            return dm.first_weekday_after(day, weekday)
        if tense == "past":
            return dm.latest_weekday_on_or_before(day, weekday)
        if tense == "nearest":
            back = dm.latest_weekday_on_or_before(day, weekday)
            ahead = dm.first_weekday_on_or_after(day, weekday)
            return back if day - back < ahead - day else ahead
        return dm.first_weekday_on_or_after(day, weekday)

    def at(day: date) -> Resolved:
        picked = [one(day, _int(w)) for w in days]
        first, last = min(picked), max(picked)
        return Resolved(first, last, "day", _day_value(first))

    return _over_days(ref, at)


def _resolve_weekend(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    shift = cand.values.get("shift", cand.pattern.fixed.get("shift"))

    def at(day: date) -> Resolved:
        if shift is not None and _int(shift) < 0:
            saturday = dm.latest_weekday_before(dm.add_days(day, -1), 5)
        elif (shift is not None and _int(shift) > 0) or tense == "future":
            saturday = dm.first_weekday_on_or_after(day, 5)
        else:
            saturday = dm.latest_weekday_on_or_before(day, 5)
            if day.weekday() == 5 and tense == "past":
                saturday = dm.add_days(saturday, -7)
        return Resolved(saturday, dm.add_days(saturday, 1), "week", dm.week_value(saturday))

    return _over_days(ref, at)


def _period_at(day: date, unit: str, shift: int) -> Resolved | None:
    if unit == "week":
        first, last = dm.week_interval(dm.add_days(day, 7 * shift))
        return Resolved(first, last, "week", dm.week_value(first))
    if unit == "month":
        year, month = dm.shift_month(day.year, day.month, shift)
        first, last = dm.month_interval(year, month)
        return Resolved(first, last, "month", f"{year:04d}-{month:02d}")
    if unit == "year":
        first, last = dm.year_interval(day.year + shift)
        return Resolved(first, last, "year", f"{day.year + shift:04d}")
    if unit == "day":
        target = dm.add_days(day, shift)
        return Resolved(target, target, "day", _day_value(target))
    return None


def _unit(cand: Candidate) -> str | None:
    for slot in ("unit", "units", "period"):
        unit = cand.values.get(slot)
        if unit:
            return str(unit)
    unit = cand.pattern.fixed.get("unit")
    return str(unit) if unit else None


def _resolve_period(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    unit = _unit(cand)
    shift = _int(cand.values.get("shift", cand.pattern.fixed.get("shift")))
    if unit == "weekend":
        return _resolve_weekend(cand, ref, tense)
    if unit is None:
        return None
    return _over_days(ref, lambda day: _period_at(day, unit, shift))


def _resolve_period_edge(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    unit = _unit(cand)
    shift = _int(cand.values.get("shift", cand.pattern.fixed.get("shift")))
    edge = cand.values.get("edge", cand.pattern.fixed.get("edge"))
    if unit is None:
        return None

    def at(day: date) -> Resolved | None:
        period = _period_at(day, unit, shift)
        if period is None:
            return None
        if shift == 0 and edge == "earlier":
            return Resolved(period.first, day, period.granularity, period.value)
        if shift == 0 and edge == "later":
            return Resolved(day, period.last, period.granularity, period.value)
        part = "early" if edge == "earlier" else "late" if edge == "later" else "mid"
        first, last = dm.thirds(period.first, period.last, part, unit)
        return Resolved(first, last, period.granularity, period.value)

    return _over_days(ref, at)


def _shift_days(day: date, unit: str, amount: float) -> date:
    """``day`` moved by ``amount`` units (negative: back)."""
    if unit == "day":
        return dm.add_days(day, round(amount))
    if unit == "week":
        return dm.add_days(day, round(7 * amount))
    if unit == "night":
        return dm.add_days(day, round(amount))
    if unit == "month":
        return dm.add_fractional_months(day, amount)
    if unit == "year":
        return dm.add_fractional_months(day, 12 * amount)
    return day  # hours and less: the same day


def _resolve_ago(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    """ "drie weken geleden", "a year ago"; with ``direction = 1`` "over twee weken".

    Days and weeks keep their precision; months, and years under two, are a month ("N months
    ago shifts both ends by N months, with month precision even in a day-dated document");
    more years are a year.
    """
    unit = _unit(cand)
    quantity = _quantity(cand) or (1.0, 1.0)
    if unit is None:
        return None
    sign = 1 if _int(cand.values.get("direction"), -1) > 0 else -1
    # Amounts as signed offsets, nearest first: ago 2..7 days is -2..-7.
    near, far = sign * quantity[0], sign * quantity[1]
    low, high = min(near, far), max(near, far)
    if unit == "year" and quantity[1] >= 2:

        def years_at(day: date) -> Resolved:
            first = dm.year_interval(day.year + round(low))[0]
            last = dm.year_interval(day.year + round(high))[1]
            return Resolved(first, last, "year", f"{day.year + round(near):04d}")

        return _over_days(ref, years_at)
    if unit == "year":
        unit, low, high, near = "month", low * 12, high * 12, near * 12
    whole = low == high and low == int(low)
    if unit == "month":
        if ref.first != ref.last:
            first = dm.add_fractional_months(ref.first, low)
            last = dm.add_fractional_months(ref.last, high)
            if whole:
                first = date(first.year, first.month, 1)
                last = dm.month_end(last.year, last.month)
            return Resolved(first, last, "month", _month_value(last))
        early = dm.add_fractional_months(ref.first, low)
        late = dm.add_fractional_months(ref.first, high)
        if whole:
            first, last = dm.month_interval(early.year, early.month)
        else:
            first, last = dm.add_days(early, -15), dm.add_days(late, 15)
        return Resolved(first, last, "month", _month_value(late))
    if unit == "week":

        def weeks_at(day: date) -> Resolved:
            first = dm.week_interval(dm.add_days(day, round(7 * low)))[0]
            last = dm.week_interval(dm.add_days(day, round(7 * high)))[1]
            return Resolved(first, last, "week", dm.week_value(last if sign < 0 else first))

        return _over_days(ref, weeks_at)

    def days_at(day: date) -> Resolved:
        first, last = _shift_days(day, unit, low), _shift_days(day, unit, high)
        return Resolved(first, last, "day", _day_value(last if sign < 0 else first))

    return _over_days(ref, days_at)


def _resolve_window(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    unit = _unit(cand)
    if unit is None:
        return None
    direction = cand.pattern.fixed.get("direction")
    # "in een week tijd" / "in the space of a week": the week up to the reference in a
    # past-tense clause ("heeft in een week tijd zeven dorpen heroverd"), the week after it
    # otherwise ("wil in twee weken tijd ... bouwen").
    future = direction == "future" or (direction == "tense" and tense not in ("past", "nearest"))
    quantity = _quantity(cand)
    granularity = unit if unit in ("day", "week", "month", "year") else "day"

    def span(day: date) -> date:
        if quantity is not None and unit in ("day", "week", "month", "year"):
            amount = quantity[1]
            return _shift_days(day, unit, amount if future else -amount)
        if unit in DEFAULT_WINDOW_MONTHS:
            months = DEFAULT_WINDOW_MONTHS[unit]
            return dm.add_months(day, months if future else -months)
        days = DEFAULT_WINDOW_DAYS.get(unit, 7)
        return dm.add_days(day, days if future else -days)

    def at(day: date) -> Resolved:
        if future:
            return Resolved(dm.add_days(day, 1), span(day), granularity, "FUTURE_REF")
        return Resolved(span(day), day, granularity, "PAST_REF")

    return _over_days(ref, at)


def _resolve_anchored(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    """N units after (direction 1) or before (-1) the reference, or the same day (0).

    The reference's interval is shifted as it is: "een jaar later" after "in 2014" is 2015,
    after "op 24 februari 2022" it is 24 February 2023.
    """
    unit = _unit(cand) or "day"
    direction = _int(cand.values.get("direction", cand.pattern.fixed.get("direction")))
    quantity = _quantity(cand)
    if quantity is None:
        # "Dagen later" is a few days; "uren later" the same day.
        quantity = DEFAULT_VAGUE if "units" in cand.texts else (1.0, 1.0)
    lo, hi = quantity
    if direction == 0:
        lo = hi = 0.0
    granularity = {"year": "year", "month": "month"}.get(unit, "day")

    def at(day: date) -> Resolved:
        if direction >= 0:
            first, last = _shift_days(day, unit, lo), _shift_days(day, unit, hi)
        else:
            first, last = _shift_days(day, unit, -hi), _shift_days(day, unit, -lo)
        if first == last:
            return Resolved(first, last, "day", _day_value(first))
        return Resolved(first, last, granularity, _day_value(first))

    result = _over_days(ref, at)
    if result is not None and granularity != "day" and result.first != result.last:
        # A year or a month after a whole year or month: name it like one.
        if granularity == "year" and (result.first.month, result.first.day) == (1, 1):
            result.value = f"{result.first.year:04d}"
        elif granularity == "month" and result.first.day == 1:
            result.value = _month_value(result.first)
    return result


def _resolve_anchored_period(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    unit = _unit(cand) or "year"
    edge = cand.values.get("edge", cand.pattern.fixed.get("edge", "same"))
    whole = _period_at(ref.first, unit, 0)
    if whole is None:
        return None
    if edge == "later":
        first = min(dm.add_days(ref.last, 1), whole.last) if ref.last < whole.last else ref.first
        return Resolved(first, whole.last, whole.granularity, whole.value)
    if edge == "earlier":
        last = max(dm.add_days(ref.first, -1), whole.first)
        return Resolved(whole.first, last, whole.granularity, whole.value)
    return whole


def _resolve_relative_to_event(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    # The engine has turned the connector into a signed direction relative to ``ref``.
    return _resolve_anchored(cand, ref, tense)


def _resolve_since_previous(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    # The engine has made the reference run from the previous expression to the document date.
    return Resolved(ref.first, ref.last, ref.granularity, "PAST_REF")


def _resolve_night_around(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    after = cand.values.get("connector", cand.pattern.fixed.get("connector")) in (
        "after",
        "after_clause",
    )
    first = ref.first if after else dm.add_days(ref.first, -1)
    last = dm.add_days(ref.last, 1) if after else ref.last
    return Resolved(first, last, "day", ref.value)


def _resolve_era(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    key = cand.values.get("era", cand.pattern.fixed.get("era"))
    starts = _eras().get(str(key), [])
    known = [(start, entry) for start, entry in starts if start <= ref.last]
    if not known:
        return None
    start, entry = known[-1]
    extent = str(cand.values.get("extent", cand.pattern.fixed.get("extent", "day")))
    days = int(entry.get("extent_days", {}).get(extent, 0))
    last = dm.add_days(start, days)
    granularity = "day" if days == 0 else "week" if days <= 7 else "month"
    value = _day_value(start) if days == 0 else _month_value(dm.add_days(start, days // 2))
    return Resolved(start, last, granularity, value)


def _resolve_clock(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    return _over_days(ref, lambda day: Resolved(day, day, "day", _day_value(day)))


def _resolve_byline(cand: Candidate, ref: _Ref, tense: Tense) -> Resolved | None:
    if "relday" in cand.values:
        return _resolve_relday(cand, ref, tense)
    return _resolve_clock(cand, ref, tense)


RESOLVERS: Final[dict[str, Callable[[Candidate, _Ref, Tense], Resolved | None]]] = {
    "byline": _resolve_byline,
    "clock": _resolve_clock,
    "date": _resolve_date,
    "month": _resolve_month,
    "month_part": _resolve_month_part,
    "year": _resolve_year,
    "year_part": _resolve_year_part,
    "season": _resolve_season,
    "relday": _resolve_relday,
    "weekday": _resolve_weekday,
    "weekend": _resolve_weekend,
    "period": _resolve_period,
    "period_edge": _resolve_period_edge,
    "ago": _resolve_ago,
    "window": _resolve_window,
    "anchored": _resolve_anchored,
    "anchored_period": _resolve_anchored_period,
    "relative_to_event": _resolve_relative_to_event,
    "night_around": _resolve_night_around,
    "era": _resolve_era,
    "since_previous": _resolve_since_previous,
}

# Kinds whose direction (past or future) comes from the tense of their clause, unless a
# slot fixes it ("maart 2022", "vorige week donderdag", "afgelopen zomer").
_TENSED_KINDS: Final = frozenset({"date", "month", "month_part", "season", "weekday", "weekend"})
_FIXING_SLOTS: Final = frozenset({"year", "yshift", "mdir", "mshift", "weekshift"})
_COUNT_SLOTS: Final = frozenset({"num", "vague", "units"})  # "vier jaar", "een paar dagen", "dagen"
_SHIFT_SLOTS: Final = ("sshift", "wshift", "shift")  # fix the direction unless 0 ("deze zomer")


def _needs_tense(cand: Candidate) -> bool:
    if cand.kind == "window":
        return cand.pattern.fixed.get("direction") == "tense"
    if cand.kind not in _TENSED_KINDS or not _FIXING_SLOTS.isdisjoint(cand.values):
        return False
    return not any(_int(cand.values.get(slot)) for slot in _SHIFT_SLOTS)


# --------------------------------------------------------------------------------------------
# The tagger


def _fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans when no sentence splitter ran: final punctuation or a line break."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _join_eras(text: str, ordered: list[_Found]) -> tuple[list[_Found], dict[str, str]]:
    """Make "twee dagen na" + "het begin van de invasie" one mention: the first is dated by
    the second, and the era alone would be a second, wrong time for the same words.

    Also returns the ids of the dropped era mentions with the id of the mention that took
    them in, for expressions anchored on them."""
    joined: list[_Found] = []
    aliases: dict[str, str] = {}
    skip = -1
    for n, found in enumerate(ordered):
        if n == skip:
            continue
        after = ordered[n + 1] if n + 1 < len(ordered) else None
        if (
            found.joins_era
            and after is not None
            and after.kind == "era"
            and after.mention.start - found.mention.end <= 12
            and not text[found.mention.end : after.mention.start].strip(" ").count("\n")
        ):
            found.mention.end = after.mention.end
            found.mention.surface = text[found.mention.start : after.mention.end]
            aliases[after.mention.id or ""] = found.mention.id or ""
            skip = n + 1
        joined.append(found)
    return joined, aliases


def _with_values(cand: Candidate, **values: Any) -> Candidate:
    """A copy of ``cand`` with some slot values replaced."""
    return Candidate(
        cand.start,
        cand.end,
        cand.kind,
        cand.pattern,
        cand.texts,
        cand.lead,
        {**cand.values, **values},
    )


class TimeEngine:
    """Tag and resolve the time expressions of texts in one language."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.rules = TenseRules(grammar.tense)
        years = grammar.years
        self._year_coordination = frozenset(w.lower() for w in years.get("coordination", []))

    # -- public --------------------------------------------------------------------------------

    def tag(
        self,
        text: str,
        document_date: str,
        sentences: Sequence[Span] | None = None,
    ) -> list[TimeMention]:
        """The time mentions of ``text``, resolved against ``document_date`` (any precision)."""
        iso, _precision = parse_document_date(document_date)
        self.rules.forget()  # sentence analyses are shared by the mentions of one text only
        first, last = date_interval(iso)
        if sentences:
            spans = [(s.start, s.end) for s in sentences]
            boilerplate = [(s.start, s.end) for s in sentences if s.kind == "byline"]
            captions = [(s.start, s.end) for s in sentences if s.kind == "caption"]
        else:
            spans = _fallback_sentences(text)
            boilerplate, captions = [], []
        ctx = _Context(
            text,
            self.grammar,
            self.rules,
            _Ref(first, last, iso),
            spans,
            boilerplate,
            captions,
        )
        candidates = [c for c in self.grammar.scan(text) if not self._vetoed(text, c)]
        resolved: dict[int, _Found] = {}
        # Deictic and absolute expressions first; those that lean on another expression after.
        for index, cand in enumerate(candidates):
            if cand.kind not in ANCHORED_KINDS:
                found = self._resolve(ctx, cand, resolved, candidates, index)
                if found is not None:
                    resolved[index] = found
        for index, cand in enumerate(candidates):
            if cand.kind in ANCHORED_KINDS:
                found = self._resolve(ctx, cand, resolved, candidates, index)
                if found is not None:
                    resolved[index] = found
        ordered, aliases = _join_eras(ctx.text, [resolved[i] for i in sorted(resolved)])
        ordered = self._add_coordinated_years(ctx, ordered)
        ids = {id(f.mention): f"t{n}" for n, f in enumerate(ordered, start=1)}
        old_ids = {f.mention.id: ids[id(f.mention)] for f in ordered if f.mention.id}
        old_ids.update({gone: old_ids[kept] for gone, kept in aliases.items() if kept in old_ids})
        for f in ordered:
            f.mention.id = ids[id(f.mention)]
            if f.mention.anchor != "document":
                f.mention.anchor = old_ids.get(f.mention.anchor, f.mention.anchor)
        return [f.mention for f in ordered]

    # -- steps ---------------------------------------------------------------------------------

    def _vetoed(self, text: str, cand: Candidate) -> bool:
        vetoes = self.grammar.vetoes_by_kind[cand.kind]
        if vetoes:
            body_start = cand.start
            if cand.lead:
                body_start += len(cand.lead)
                while body_start < cand.end and text[body_start].isspace():
                    body_start += 1
            body = text[body_start : cand.end]
            left = text[max(0, cand.start - 40) : cand.start]
            right = text[cand.end : cand.end + 40]
            if any(v.applies(cand.kind, body, left, right) for v in vetoes):
                return True
        # Words that are times only in context ("May", "March"): a lead, a day or a year.
        return (
            cand.kind == "month"
            and not cand.lead
            and set(cand.texts) == {"month"}
            and cand.texts["month"].lower() in self.grammar.needs_context
        )

    def _tense(self, ctx: _Context, cand: Candidate) -> Tense:
        if cand.lead and cand.lead.lower() in self.grammar.lexicons.get("since", {}):
            return "past"
        forced = cand.pattern.fixed.get("tense")
        if forced:
            return forced
        directions = self.grammar.directions_by_kind[cand.kind]
        if directions:
            left = ctx.text[max(0, cand.start - 40) : cand.start]
            right = ctx.text[cand.end : cand.end + 40]
            surface = ctx.text[cand.start : cand.end]
            for rule, direction in directions:
                if rule.applies(cand.kind, surface, left, right):
                    return direction  # type: ignore[return-value]
        return ctx.tense(cand)

    def _resolve(
        self,
        ctx: _Context,
        cand: Candidate,
        resolved: dict[int, _Found],
        candidates: list[Candidate],
        index: int,
    ) -> _Found | None:
        year_ref: _Ref | None = None
        if cand.kind in _YEAR_ANCHORABLE_KINDS and cand.pattern.fixed.get("year_anchor"):
            # "in juli dat jaar", "the summer of that year": a month or season of the year the
            # story is at, which the previous expression named.
            year_ref = self._previous(ctx, cand, resolved, index)
            if year_ref is not None:
                cand = _with_values(cand, year=year_ref.first.year)
        tense: Tense = self._tense(ctx, cand) if _needs_tense(cand) else "past"
        ref = ctx.doc
        aside = joins_era = False
        sentence = ctx.sentence_of(cand.start)
        starting = self.grammar.lexicons.get("starting", {})
        if cand.kind == "era" and cand.lead and cand.lead.lower() in starting:
            # "sinds het begin van de oorlog": from its first day on.
            cand = _with_values(cand, extent="day")
        if cand.kind in ("anchored", "anchored_period"):
            # In a present-tense clause the story is at "now": "the winner hosts the
            # following year's contest" is next year, whatever year was named before. A
            # counted offset ("vier jaar eerder", "two days later") is the exception: counted
            # from now it would say "geleden"/"ago" or "over"/"from now", so it always
            # continues from the previous expression ("geopend in 2018 ... Het symbool van
            # de annexatie, vier jaar eerder").
            counted = cand.kind == "anchored" and not _COUNT_SLOTS.isdisjoint(cand.texts)
            past_clause = ctx.tense(cand) == "past"
            aside = counted and not past_clause
            if cand.pattern.fixed.get("sentence_anchor"):
                # "in de vroege ochtend" is a part of the day its sentence names, if it names
                # one ("staken maandag in de vroege ochtend de grens over").
                ref = self._same_sentence(ctx, cand, resolved, index) or ref
            if ref is ctx.doc and (counted or past_clause):
                # "the same day", "that evening" name a day: one the text has named, not a
                # month or a year of background ("in December 2022 ... On the same day")
                same_day = (
                    cand.kind == "anchored"
                    and not counted
                    and (_unit(cand) or "day") == "day"
                    and _int(cand.values.get("direction", cand.pattern.fixed.get("direction"))) == 0
                )
                ref = self._previous(ctx, cand, resolved, index, single_day=same_day) or ctx.doc
        elif cand.kind == "night_around":
            ref = self._previous(ctx, cand, resolved, index) or ctx.doc
        elif cand.kind == "since_previous":
            # "sindsdien", "since then": from the time the story was at up to now.
            previous = self._previous(ctx, cand, resolved, index)
            if previous is None or previous.first > ctx.doc.last:
                return None
            ref = _Ref(
                previous.first,
                max(previous.last, ctx.doc.last),
                previous.value,
                previous.anchor,
                granularity=previous.granularity,
            )
        elif cand.kind == "relative_to_event":
            ref, direction = self._event_reference(ctx, cand, resolved, index)
            cand = _with_values(cand, direction=direction)
            joins_era = ref.era
        elif (
            cand.kind == "window"
            and cand.pattern.fixed.get("span_before")
            and (self._time_just_before(ctx, cand, resolved, index))
        ):
            # "Izjoem, dat de Russen in het voorjaar na weken van gevechten innamen": the
            # weeks ended when the clause's event happened, which the time beside it already
            # says; the span adds no time of its own.
            return None
        elif cand.kind == "window" and cand.pattern.fixed.get("clause_anchor"):
            # "zei zondag dat de stad al een week werd aangevallen": the week up to Sunday;
            # "zei woensdag dat de stad in de komende dagen kan vallen": the days after it.
            # A window in a present-tense clause of its own runs up to now.
            reported = ctx.tense(cand) == "past" or (
                cand.pattern.fixed.get("direction") == "future"
                and ctx.tense(cand, side="sentence") == "past"
            )
            if reported:
                ref = self._same_sentence(ctx, cand, resolved, index) or ctx.doc
        if (
            cand.kind in ("date", "month", "month_part")
            and year_ref is None
            and not ({"year", "yshift", "mdir"} & set(cand.texts))
        ):
            # "op 24 februari 2022 ... en op 2 maart": the year written earlier in the sentence.
            year = self._year_in_sentence(resolved, index, sentence)
            if year is not None:
                cand = _with_values(cand, year=year)
        result = RESOLVERS[cand.kind](cand, ref, tense)
        if result is None or result.last < result.first:
            return None
        start = cand.start
        deadline = self._deadline_word(ctx, cand)
        if deadline is not None and ctx.doc.first <= result.last:
            # "voor het einde van het jaar", "by the end of the year": a deadline, so any
            # time from now until the end of the period, not only its last third.
            start = deadline
            result = Resolved(ctx.doc.first, result.last, result.granularity, result.value)
        dating = (
            cand.pattern.dating
            and not any(s <= cand.start < e for s, e in ctx.boilerplate)
            and not self._comparison_baseline(ctx, cand, result)
        )
        mention = TimeMention(
            start=start,
            end=cand.end,
            surface=ctx.text[start : cand.end],
            value=result.value,
            earliest=dm.iso(result.first),
            latest=dm.iso(result.last),
            granularity=result.granularity,  # type: ignore[arg-type]
            anchor=year_ref.anchor if year_ref is not None else ref.anchor,
            id=f"c{index}",
            dating=dating,
        )
        forward = cand.kind in ("weekday", "weekend") and (
            tense not in ("past", "nearest")
            if _needs_tense(cand)
            else any(_int(cand.values.get(slot)) > 0 for slot in _SHIFT_SLOTS)
        )
        future = tense == "future" or forward or result.first > ctx.doc.last
        first_word = mention.surface.split(" ", 1)[0].lower()
        since = first_word in self.grammar.lexicons.get("since", {})
        year = _int(cand.values.get("year")) if "year" in cand.texts else None
        # Around the document date: the report's own moment if its clause is in the present,
        # read when asked (None).
        now = None if result.first <= ctx.doc.first and ctx.doc.last <= result.last else False
        return _Found(
            mention,
            cand.kind,
            sentence,
            future,
            result.value.endswith("_REF"),
            since,
            year,
            aside,
            joins_era,
            now,
            (cand.start, cand.end),
        )

    @staticmethod
    def _year_in_sentence(resolved: dict[int, _Found], index: int, sentence: int) -> int | None:
        for i in range(index - 1, -1, -1):
            found = resolved.get(i)
            if found is None:
                continue
            if found.sentence != sentence:
                return None
            if found.year is not None:
                return found.year
        return None

    # -- anchors -------------------------------------------------------------------------------

    @staticmethod
    def _usable(found: _Found, past_clause: bool) -> bool:
        return (
            found.mention.dating
            and not found.window
            and not (past_clause and (found.future or found.aside))
        )

    @staticmethod
    def _is_now(ctx: _Context, found: _Found) -> bool:
        """``found.now``, read from the tense of its clause on first use."""
        if found.now is None:
            found.now = ctx.tense_at(found.span[0], found.span[1], side="clause") == "present"
        return found.now

    def _as_ref(self, found: _Found) -> _Ref:
        m = found.mention
        return _Ref(
            date.fromisoformat(m.earliest),
            date.fromisoformat(m.latest),
            m.value,
            m.id or "",
            granularity=m.granularity,
        )

    def _previous(
        self,
        ctx: _Context,
        cand: Candidate,
        resolved: dict[int, _Found],
        index: int,
        single_day: bool = False,
    ) -> _Ref | None:
        """The earlier time expression this one continues from.

        Within the sentence, the nearest one before it. Otherwise the *first* one of the latest
        sentence that has any: a sentence's opening time usually dates its main clause, later
        ones sit in relative clauses ("said on Thursday that ... seized in its offensive last
        August"). A "sinds april" gives the start of a state rather than the moment the story
        is at: an earlier expression of the same paragraph is preferred to it. With
        ``single_day``, only expressions naming a day (perhaps not knowing which) are
        antecedents.
        """
        past_clause = ctx.tense(cand) == "past"
        usable = [
            found
            for i in range(index - 1, -1, -1)
            if (found := resolved.get(i)) is not None
            and self._usable(found, past_clause)
            and not (single_day and found.mention.granularity != "day")
        ]
        if not usable:
            return None
        here = ctx.sentence_of(cand.start)
        same = [f for f in usable if f.sentence == here]
        rest = [f for f in usable if f.sentence != here]
        if past_clause:
            # A story told in the past continues from a time of its own, not from the
            # report's now ("Oekraïne herdenkt vandaag dat op 26 april 1986 ... ontplofte.
            # De inwoners werden een dag later geëvacueerd"), when the sentence has one.
            same = [f for f in same if not self._is_now(ctx, f)] + [
                f for f in same if self._is_now(ctx, f)
            ]
        ordered = list(same)
        if rest:
            latest = rest[0].sentence
            opening = [f for f in rest if f.sentence == latest][::-1]
            if past_clause:
                opening = [f for f in opening if not self._is_now(ctx, f)] + [
                    f for f in opening if self._is_now(ctx, f)
                ]
            ordered += opening + [f for f in rest if f.sentence != latest]
        pick = ordered[0]
        if pick.since:
            for other in ordered[1:]:
                lo, hi = sorted((other.mention.end, pick.mention.start))
                if "\n" in ctx.text[lo:hi]:
                    break
                if not other.since:
                    return self._as_ref(other)
        return self._as_ref(pick)

    def _same_sentence(
        self, ctx: _Context, cand: Candidate, resolved: dict[int, _Found], index: int
    ) -> _Ref | None:
        """Another time expression of the same sentence (the nearest, earlier ones first)."""
        sentence = ctx.sentence_of(cand.start)
        mates = [
            (abs(i - index) + (0 if i < index else 0.5), found)
            for i, found in resolved.items()
            if i != index and found.sentence == sentence and self._usable(found, False)
        ]
        if not mates:
            return None
        return self._as_ref(min(mates, key=lambda item: item[0])[1])

    def _event_reference(
        self, ctx: _Context, cand: Candidate, resolved: dict[int, _Found], index: int
    ) -> tuple[_Ref, int]:
        """Reference and sign for "N units after/before X".

        With a clause ("een dag nadat Poetin tekende", "a day after Putin visited") the
        expression dates that clause, which lies N units *before* (after: *after*) the time of
        the main clause: a time of the same sentence, the document date if the main clause is
        in the present tense, else the previous expression. With a noun phrase ("een dag voor
        zijn reis") it dates the main clause, N units after (before) the event named, taken to
        be the previous expression.
        """
        connector = str(cand.values.get("connector", cand.pattern.fixed.get("connector", "")))
        is_clause = connector.endswith("_clause")
        if connector.endswith("_either"):
            is_clause = self._clause_follows(ctx, cand)
        after = connector.startswith("after")
        if is_clause:
            ref = self._same_sentence(ctx, cand, resolved, index)
            if ref is None:
                main_tense = ctx.tense(cand, side="left")
                if main_tense != "past":
                    ref = ctx.doc
                else:
                    ref = self._previous(ctx, cand, resolved, index) or ctx.doc
            return ref, -1 if after else 1
        era = self._era_named_after(ctx, cand)
        if era is not None:
            return era, 1 if after else -1
        if self._follows_sequel_verb(ctx, cand):
            # "De gesprekken kwamen een dag na een drone-aanval", "the talks came a day after
            # a drone attack": the subject is the news of the report, dated by its sentence or
            # the document; the expression dates the event named, N units before (after) it.
            ref = self._same_sentence(ctx, cand, resolved, index) or ctx.doc
            return ref, -1 if after else 1
        ref = self._previous(ctx, cand, resolved, index)
        return ref or ctx.doc, 1 if after else -1

    @staticmethod
    def _time_just_before(
        ctx: _Context, cand: Candidate, resolved: dict[int, _Found], index: int
    ) -> bool:
        """Whether a time expression stands right before candidate ``index`` in its clause: at
        most a few words and no clause punctuation between them ("in april na weken")."""
        found = resolved.get(index - 1)
        if found is None or not found.mention.dating or found.window:
            return False
        between = ctx.text[found.mention.end : cand.start]
        return not _CLAUSE_BREAK.search(between) and len(between.split()) <= _ADJACENT_WORDS

    def _deadline_word(self, ctx: _Context, cand: Candidate) -> int | None:
        """Where the deadline word before the end of a period starts, if there is one.

        "voor het einde van het jaar", "tegen eind 2024", "by the end of the year": the
        language's ``deadline`` words before (or as the lead of) a late part of a month or year.
        """
        deadlines = self.grammar.lexicons.get("deadline", {})
        if not deadlines or cand.kind not in ("month_part", "year_part"):
            return None
        if cand.values.get("part") != "late":
            return None
        if cand.lead and cand.lead.lower() in deadlines:
            return cand.start
        m = _WORD_BEFORE.search(ctx.text, max(0, cand.start - 30), cand.start)
        if m is not None and m.group(1).lower() in deadlines:
            return m.start(1)
        return None

    def _comparison_baseline(self, ctx: _Context, cand: Candidate, result: Resolved) -> bool:
        """ "het grootste aantal sinds het begin van de oorlog", "the first time since 2022":
        after a superlative or "first" in its clause, a "since" expression is the period
        compared with, not the time of what the clause tells; so is a period right after
        "time"/"keer" ("for the fourth time this year")."""
        occasions = self.grammar.lexicons.get("occasion", {})
        if occasions and result.last > result.first:
            # "for the fourth time this year", "voor de derde keer deze maand": the period
            # the occasions are counted in ("met for the first time on Monday" dates it)
            words = ctx.text[max(0, cand.start - 12) : cand.start].lower().split()
            if words and words[-1] in occasions:
                return True
        baseline = self.grammar.lexicons.get("baseline", {})
        if not baseline:
            return False
        # the "since" is the lead of most patterns, part of a few ("since 2022")
        lead = cand.lead or ctx.text[cand.start : cand.end].split(" ", 1)[0]
        if lead.lower() not in self.grammar.lexicons.get("since", {}):
            return False
        before = ctx.text[max(0, cand.start - _BASELINE_REACH) : cand.start]
        clause = _CLAUSE_BREAK.split(before)[-1].lower().replace("’", "'")
        return any(word in baseline for word in clause.split())

    def _follows_sequel_verb(self, ctx: _Context, cand: Candidate) -> bool:
        """Whether a verb of sequence ("kwam", "came", "followed") stands right before."""
        sequel = self.grammar.lexicons.get("sequel", {})
        if not sequel:
            return False
        words = ctx.text[max(0, cand.start - 30) : cand.start].lower().split()
        return bool(words) and words[-1] in sequel

    def _era_named_after(self, ctx: _Context, cand: Candidate) -> _Ref | None:
        """The start of the war when the noun phrase names it: "een jaar na de invasie"."""
        eras = self.grammar.lexicons.get("era", {})
        if not eras:
            return None
        words = ctx.text[cand.end : cand.end + 80].lower().replace("’", "'").split()
        parts = self.grammar.lexicons.get("part", {})
        skip = self.rules.determiners
        i = 0
        while i < len(words) and (words[i] in skip or words[i] in ("van", "of")):
            i += 1
        # "het begin van de oorlog", "the start of the war": the start is the start. The
        # language's part words may hold their article ("the start of") or not ("begin van").
        for at in (0, i):
            part = next((size for size in (4, 3, 2) if " ".join(words[at : at + size]) in parts), 0)
            if part:
                i = at + part
                while i < len(words) and words[i] in skip:
                    i += 1
                break
        # The noun phrase ends at punctuation: "twee dagen na het begin van de invasie. Ook ..."
        tail = re.split(r"[.,;:!?]", " ".join(words[i : i + 4]), maxsplit=1)[0].strip()
        for key in sorted(eras, key=len, reverse=True):
            if tail == key or tail.startswith(key + " ") or tail.startswith(key + ","):
                known = [s for s, _ in _eras().get(str(eras[key]), []) if s <= ctx.doc.last]
                if known:
                    return _Ref(known[-1], known[-1], known[-1].isoformat(), era=True)
        return None

    def _clause_follows(self, ctx: _Context, cand: Candidate) -> bool:
        """Whether "after"/"before" opens a clause (a verb follows) rather than a noun phrase."""
        tail = ctx.text[cand.end : cand.end + 120]
        tail = re.split(r"[.;:!?()]|\n", tail, maxsplit=1)[0]
        words = tail.split()
        if not words:
            return False
        if words[0].lower().endswith("ing"):
            return True
        # "after the attack on the city, officials said": a noun phrase, the verb is the main
        # clause's; "after President Putin, dressed in fatigues, visited": a clause.
        if words[0].lower() in self.rules.determiners:
            words = tail.split(",", 1)[0].split()
        return bool(self.rules.analyse(" ".join(w.strip(",") for w in words[:12])).cues)

    # -- years in coordination -----------------------------------------------------------------

    def _add_coordinated_years(self, ctx: _Context, ordered: list[_Found]) -> list[_Found]:
        """ "van 1932 en 1933": the second year has no cue of its own but is a year too."""
        if not self._year_coordination:
            return ordered
        taken = [(f.mention.start, f.mention.end) for f in ordered]
        extra: list[_Found] = []
        for found in ordered:
            if found.kind not in ("year", "year_part", "month", "date"):
                continue
            m = _YEAR_AFTER.match(ctx.text, found.mention.end)
            if not m:
                continue
            word = (m.group("word") or "-").lower()
            if word not in self._year_coordination and m.group("word"):
                continue
            start, end = m.start("year"), m.end("year")
            if any(s < end and start < e for s, e in taken):
                continue
            year = int(m.group("year"))
            first, last = dm.year_interval(year)
            mention = TimeMention(
                start=start,
                end=end,
                surface=ctx.text[start:end],
                value=f"{year:04d}",
                earliest=dm.iso(first),
                latest=dm.iso(last),
                granularity="year",
                anchor="document",
                id=f"y{start}",
                dating=found.mention.dating,
            )
            extra.append(_Found(mention, "year", found.sentence, False, False))
        if not extra:
            return ordered
        return sorted(ordered + extra, key=lambda f: f.mention.start)


@lru_cache(maxsize=16)
def engine_for(lang: str) -> TimeEngine | None:
    """The engine of ``lang``, or ``None`` when frontwatch has no time data for it."""
    grammar = load_grammar(lang)
    return TimeEngine(grammar) if grammar is not None else None


def tag_times(
    text: str,
    document_date: str,
    lang: str = "nl",
    sentences: Sequence[Span] | None = None,
) -> list[TimeMention]:
    """Time mentions of ``text`` (a convenience wrapper around :class:`TimeEngine`)."""
    engine = engine_for(lang)
    if engine is None:
        return []
    return engine.tag(text, document_date, sentences)


__all__ = ["RESOLVERS", "Resolved", "TimeEngine", "engine_for", "tag_times"]
