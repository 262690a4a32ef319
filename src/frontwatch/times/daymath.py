"""Calendar arithmetic for time normalisation: months, weeks, seasons and thirds.

Everything works on :class:`datetime.date` and inclusive intervals ``(first, last)``. The
conventions are the project's (``spec/SCHEMA.md``, ``dev/README.md``):

- weeks run Monday to Sunday (ISO), and their value is the ISO week (``2024-W40``);
- "early / mid / late" a month are its thirds: days 1-10, 11-20 and 21 to the end; of a year
  January-April, May-August and September-December; of a season or a week its first, middle
  and last third of days, rounded to whole months for seasons;
- meteorological seasons: spring March-May, summer June-August, autumn September-November,
  winter December to February, labelled by the year of its December (``2022-WI`` is
  2022-12-01..2023-02-28).
"""

from __future__ import annotations

from datetime import date
from typing import Final

Interval = tuple[date, date]

SEASON_START_MONTH: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_ORDER: Final[tuple[str, ...]] = ("WI", "SP", "SU", "FA")


def add_days(day: date, days: int) -> date:
    """``day + timedelta(days=days)``, without building the timedelta (whose keyword
    arguments cost more to parse than the sum)."""
    return date.fromordinal(day.toordinal() + days)


def month_end(year: int, month: int) -> date:
    """The last day of the month: the day before the next month's first (``calendar`` runs
    interpreted, and asks for the weekday of the first as well)."""
    if month == 12:
        return date(year, 12, 31)  # (and no year 10000 to step into)
    return add_days(date(year, month + 1, 1), -1)


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by a whole number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (or earlier), clamped to the month's end."""
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, month_end(year, month).day))


def add_fractional_months(day: date, months: float) -> date:
    """Whole months by the calendar, the fraction as 30-day months ("2,5 maand")."""
    whole = int(months)
    rest = months - whole
    return add_days(add_months(day, whole), round(rest * 30))


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_start(day: date) -> date:
    return add_days(day, -day.weekday())


def week_interval(day: date) -> Interval:
    monday = week_start(day)
    return monday, add_days(monday, 6)


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def season_interval(year: int, season: str) -> Interval:
    """Meteorological season; winter ``year`` starts in December of ``year``."""
    start = SEASON_START_MONTH[season]
    first = date(year, start, 1)
    end_year, end_month = shift_month(year, start, 2)
    return first, month_end(end_year, end_month)


def season_of(day: date) -> tuple[int, str]:
    """The season holding ``day``, as ``(label year, code)``."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    if day.month <= 5:
        return day.year, "SP"
    if day.month <= 8:
        return day.year, "SU"
    return day.year, "FA"


def season_value(year: int, season: str) -> str:
    return f"{year}-{season}"


def last_complete_season(day: date, season: str) -> tuple[int, str]:
    """The latest ``season`` that has ended before ``day`` ("afgelopen zomer")."""
    year = day.year
    while season_interval(year, season)[1] >= day:
        year -= 1
    return year, season


def latest_started_season(day: date, season: str) -> tuple[int, str]:
    """The latest ``season`` that has begun on or before ``day`` ("sinds de zomer")."""
    year = day.year
    while season_interval(year, season)[0] > day:
        year -= 1
    return year, season


def next_season(day: date, season: str) -> tuple[int, str]:
    """The first ``season`` that has not ended by ``day`` ("deze winter", "de komende winter")."""
    year = day.year - 1
    while season_interval(year, season)[1] < day:
        year += 1
    return year, season


def thirds(first: date, last: date, part: str, unit: str) -> Interval:
    """The early, mid or late third of an interval.

    Months and years use the conventional boundaries (1-10/11-20/21-end;
    Jan-Apr/May-Aug/Sep-Dec); anything else is cut into thirds of its days, seasons on month
    boundaries.
    """
    if part not in ("early", "mid", "late"):
        return first, last
    if unit == "month":
        year, month = first.year, first.month
        if part == "early":
            return date(year, month, 1), date(year, month, 10)
        if part == "mid":
            return date(year, month, 11), date(year, month, 20)
        return date(year, month, 21), month_end(year, month)
    if unit == "year":
        year = first.year
        if part == "early":
            return date(year, 1, 1), date(year, 4, 30)
        if part == "mid":
            return date(year, 5, 1), date(year, 8, 31)
        return date(year, 9, 1), date(year, 12, 31)
    if unit == "season":
        index = {"early": 0, "mid": 1, "late": 2}[part]
        year, month = shift_month(first.year, first.month, index)
        return month_interval(year, month)
    days = (last - first).days + 1
    size = max(1, days // 3)
    if part == "early":
        return first, add_days(first, size - 1)
    if part == "mid":
        return add_days(first, size), add_days(last, -size)
    return add_days(last, -(size - 1)), last


def halves(first: date, last: date, half: int) -> Interval:
    """First or second half of a year (H1 January-June, H2 July-December) or of any span."""
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        if half == 1:
            return date(first.year, 1, 1), date(first.year, 6, 30)
        return date(first.year, 7, 1), date(first.year, 12, 31)
    middle = add_days(first, (last - first).days // 2)
    return (first, middle) if half == 1 else (add_days(middle, 1), last)


def latest_weekday_on_or_before(day: date, weekday: int) -> date:
    return add_days(day, -((day.weekday() - weekday) % 7))


def first_weekday_on_or_after(day: date, weekday: int) -> date:
    return add_days(day, (weekday - day.weekday()) % 7)


def latest_weekday_before(day: date, weekday: int) -> date:
    return latest_weekday_on_or_before(add_days(day, -1), weekday)


def first_weekday_after(day: date, weekday: int) -> date:
    return first_weekday_on_or_after(add_days(day, 1), weekday)


def clamp_day(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or ``None`` when no such day exists (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ``date.isoformat`` formats through the C library's printf, thousands of instructions a
# call, and a text's mentions and events spell the same few days over and over: each is
# spelled once, kept across texts.
_ISO_DAYS: Final[dict[date, str]] = {}


def iso(day: date) -> str:
    """``day.isoformat()``, the days spelled before looked up."""
    spelled = _ISO_DAYS.get(day)
    if spelled is None:
        spelled = day.isoformat()
        if len(_ISO_DAYS) >= 50_000:
            _ISO_DAYS.clear()
        _ISO_DAYS[day] = spelled
    return spelled


def union(a: Interval, b: Interval) -> Interval:
    return min(a[0], b[0]), max(a[1], b[1])


__all__ = [
    "SEASON_ORDER",
    "SEASON_START_MONTH",
    "Interval",
    "add_fractional_months",
    "add_months",
    "clamp_day",
    "first_weekday_after",
    "first_weekday_on_or_after",
    "halves",
    "iso",
    "last_complete_season",
    "latest_started_season",
    "latest_weekday_before",
    "latest_weekday_on_or_before",
    "month_end",
    "month_interval",
    "next_season",
    "season_interval",
    "season_of",
    "season_value",
    "shift_month",
    "thirds",
    "union",
    "week_interval",
    "week_start",
    "week_value",
    "year_interval",
]
