"""The records frontwatch produces, as plain dataclasses.

Field names follow ``spec/SCHEMA.md``: they are the contract between components, the store, the
exports, the API and the evaluation. Every record converts to and from a JSON-ready ``dict``
with :func:`to_dict` / ``from_dict`` so that what crosses a boundary is plain data.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Any, Final, Literal, Self

DatePrecision = Literal["day", "month", "year"]
Granularity = Literal["day", "week", "month", "season", "year"]
Role = Literal["military", "government", "proxy", "civilian", "media", "international", "unknown"]
Status = Literal["reported", "claimed", "unconfirmed", "denied", "confirmed"]
Modality = Literal["asserted", "planned", "possible", "negated"]

EVENT_TYPES: Final[tuple[str, ...]] = (
    "territory.capture",
    "territory.withdrawal",
    "territory.advance",
    "combat",
    "strike",
    "aid",
    "diplomacy",
    "political",
)
STATUSES: Final[tuple[str, ...]] = ("reported", "claimed", "unconfirmed", "denied", "confirmed")
MODALITIES: Final[tuple[str, ...]] = ("asserted", "planned", "possible", "negated")
ROLES: Final[tuple[str, ...]] = (
    "military",
    "government",
    "proxy",
    "civilian",
    "media",
    "international",
    "unknown",
)

_BLANKS: Final = re.compile(r"[ \t]{2,}|\t")
_DATE_RE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class RecordError(ValueError):
    """A record or a field of one is malformed."""


# Remembered: every stage asks for the document's date interval, a dozen times an article, and
# working it out (a regex, int(), date()) costs microseconds. The answers are immutable values.
@lru_cache(maxsize=4096)
def parse_document_date(value: str) -> tuple[str, DatePrecision]:
    """Validate an ISO date of year, month or day precision; return it with its precision.

    >>> parse_document_date("2022-09")
    ('2022-09', 'month')
    """
    m = _DATE_RE.match(value.strip())
    if not m:
        raise RecordError(f"invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    try:
        if day:
            date(int(year), int(month), int(day))
            return value.strip(), "day"
        if month:
            if not 1 <= int(month) <= 12:
                raise ValueError("month out of range")
            return value.strip(), "month"
    except ValueError as exc:
        raise RecordError(f"invalid date {value!r}: {exc}") from None
    return value.strip(), "year"


@lru_cache(maxsize=4096)
def date_interval(value: str) -> tuple[date, date]:
    """The inclusive [earliest, latest] days an ISO date of any precision can mean."""
    iso, precision = parse_document_date(value)
    parts = [int(p) for p in iso.split("-")]
    if precision == "day":
        d = date(*parts)
        return d, d
    if precision == "month":
        y, m = parts
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def normalise_text(text: str) -> str:
    """The text as hashed for ``doc_id``: NFC, unified newlines, stripped, inner blanks folded."""
    if not text.isascii():  # an ASCII text is in NFC already (and isascii reads a flag)
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # only runs of two or more and tabs need rewriting: most spaces are single already, and
    # most texts have neither (two substring tests cost far less than a pass of the regex)
    if "  " in text or "\t" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip()


def make_doc_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class _Record:
    """Shared ``to_dict`` / ``from_dict`` for the flat dataclasses below.

    ``to_dict`` reads the fields directly: ``dataclasses.asdict`` deep-copies recursively and
    was half the cost of storing a document.
    """

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


SEGMENT_KINDS: Final[tuple[str, ...]] = ("sentence", "heading", "byline", "caption", "link")
# Segments that are page furniture: they may hold place and time mentions but never events.
BOILERPLATE_KINDS: Final[frozenset[str]] = frozenset({"byline", "caption", "link"})


# The records the pipeline builds by the hundred per article spell their ``__init__`` out (same
# parameters as the generated one): mypyc compiles one written in the class, while the one
# ``@dataclass`` generates runs interpreted, about five times the cost of building an instance.
# ``init=False`` keeps the rest of what the decorator gives (``fields``, ``__eq__``, ``__repr__``).
@dataclass(slots=True, init=False)
class Span(_Record):
    """A character range of ``Document.text`` (end exclusive).

    As a sentence it also says what kind of segment it is: ``sentence``, ``heading``, or
    boilerplate (``byline``, ``caption``, ``link``) that must never produce events.
    """

    start: int
    end: int
    kind: str

    def __init__(self, start: int, end: int, kind: str = "sentence") -> None:
        self.start = start
        self.end = end
        self.kind = kind

    @property
    def is_boilerplate(self) -> bool:
        return self.kind in BOILERPLATE_KINDS


@dataclass(slots=True, init=False)
class PlaceMention(_Record):
    start: int
    end: int
    surface: str
    geonameid: int | None
    name: str | None
    feature: str | None
    admin1: str | None
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    confidence: float

    def __init__(
        self,
        start: int,
        end: int,
        surface: str,
        geonameid: int | None = None,
        name: str | None = None,
        feature: str | None = None,
        admin1: str | None = None,
        country: str | None = None,
        lat: float | None = None,
        lon: float | None = None,
        confidence: float = 0.0,
    ) -> None:
        self.start = start
        self.end = end
        self.surface = surface
        self.geonameid = geonameid
        self.name = name
        self.feature = feature
        self.admin1 = admin1
        self.country = country
        self.lat = lat
        self.lon = lon
        self.confidence = confidence


@dataclass(slots=True, init=False)
class TimeMention(_Record):
    start: int
    end: int
    surface: str
    value: str
    earliest: str  # ISO date, inclusive
    latest: str  # ISO date, inclusive
    granularity: Granularity
    anchor: str  # "document" or the id ("t3") of the time it was resolved against
    id: str | None  # "t<ordinal>" inside the document
    # Tagged but never allowed to date an event (bylines, "12:39", vague references).
    dating: bool

    def __init__(
        self,
        start: int,
        end: int,
        surface: str,
        value: str,
        earliest: str,
        latest: str,
        granularity: Granularity,
        anchor: str = "document",
        id: str | None = None,
        dating: bool = True,
    ) -> None:
        self.start = start
        self.end = end
        self.surface = surface
        self.value = value
        self.earliest = earliest
        self.latest = latest
        self.granularity = granularity
        self.anchor = anchor
        self.id = id
        self.dating = dating


@dataclass(slots=True, init=False)
class Actor(_Record):
    country: str | None  # ISO 3166-1 alpha-3
    role: Role
    name: str | None

    def __init__(
        self, country: str | None = None, role: Role = "unknown", name: str | None = None
    ) -> None:
        self.country = country
        self.role = role
        self.name = name

    def to_dict(self) -> dict[str, Any]:
        d = _Record.to_dict(self)
        if d["name"] is None:
            del d["name"]
        return d


@dataclass(slots=True)
class Amount(_Record):
    value: float
    currency: str | None = None


@dataclass(slots=True, init=False)
class Evidence(_Record):
    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True, init=False)
class Event(_Record):
    event_id: str
    type: str
    actor: Actor | None
    target: Actor | None
    place: PlaceMention | None
    time: TimeMention | None
    fatalities: int | None
    injured: int | None
    amount: Amount | None
    claimant: Actor | None
    status: Status
    modality: Modality
    evidence: list[Evidence]
    confidence: float
    rule: str | None  # which rule produced it (for `frontwatch explain`)

    def __init__(
        self,
        event_id: str,
        type: str,
        actor: Actor | None = None,
        target: Actor | None = None,
        place: PlaceMention | None = None,
        time: TimeMention | None = None,
        fatalities: int | None = None,
        injured: int | None = None,
        amount: Amount | None = None,
        claimant: Actor | None = None,
        status: Status = "reported",
        modality: Modality = "asserted",
        evidence: list[Evidence] | None = None,
        confidence: float = 0.0,
        rule: str | None = None,
    ) -> None:
        self.event_id = event_id
        self.type = type
        self.actor = actor
        self.target = target
        self.place = place
        self.time = time
        self.fatalities = fatalities
        self.injured = injured
        self.amount = amount
        self.claimant = claimant
        self.status = status
        self.modality = modality
        self.evidence = [] if evidence is None else evidence
        self.confidence = confidence
        self.rule = rule

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "event_id": self.event_id,
            "type": self.type,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "place": self.place.to_dict() if self.place else None,
            "time": self.time.to_dict() if self.time else None,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "amount": self.amount.to_dict() if self.amount else None,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "status": self.status,
            "modality": self.modality,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
        }
        if self.rule is not None:
            d["rule"] = self.rule
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def sub(kind: type[_Record], key: str) -> Any:
            value = data.get(key)
            return kind.from_dict(value) if isinstance(value, dict) else None

        return cls(
            event_id=data["event_id"],
            type=data["type"],
            actor=sub(Actor, "actor"),
            target=sub(Actor, "target"),
            place=sub(PlaceMention, "place"),
            time=sub(TimeMention, "time"),
            fatalities=data.get("fatalities"),
            injured=data.get("injured"),
            amount=sub(Amount, "amount"),
            claimant=sub(Actor, "claimant"),
            status=data.get("status", "reported"),
            modality=data.get("modality", "asserted"),
            evidence=[Evidence.from_dict(e) for e in data.get("evidence") or []],
            confidence=data.get("confidence", 0.0),
            rule=data.get("rule"),
        )


@dataclass(slots=True)
class ControlState(_Record):
    place: PlaceMention
    controller: str  # ISO3 or "contested"
    since: dict[str, str] | None = None  # {"earliest": ISO, "latest": ISO}
    until: dict[str, str] | None = None
    events: list[str] = field(default_factory=list)
    confidence: float = 0.0
    status: Status = "reported"

    def to_dict(self) -> dict[str, Any]:
        d = _Record.to_dict(self)
        d["place"] = self.place.to_dict()
        d["events"] = list(self.events)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlState:
        place = data.get("place")
        if isinstance(place, dict):
            data = {**data, "place": PlaceMention.from_dict(place)}
        return super(ControlState, cls).from_dict(data)


@dataclass(slots=True)
class Document:
    """One article and everything the pipeline found in it.

    Components read ``text`` and the annotations earlier components added, and append their own;
    all offsets are character offsets into ``text``.
    """

    text: str
    date: str
    date_precision: DatePrecision = "day"
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    doc_id: str = ""
    sentences: list[Span] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.date, self.date_precision = parse_document_date(self.date)
        if not self.doc_id:
            self.doc_id = make_doc_id(self.text)

    @property
    def date_interval(self) -> tuple[datetime.date, datetime.date]:
        """The days the publication date can mean, given its precision."""
        return date_interval(self.date)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding character ``offset``, if any."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_dict(self) -> dict[str, Any]:
        """The shape ``frontwatch extract`` writes, one per line."""
        return {
            "source": self.source,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "lang": self.lang,
            "title": self.title,
            "url": self.url,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        doc = cls(
            text=data["text"],
            date=data["date"],
            lang=data.get("lang"),
            title=data.get("title"),
            url=data.get("url"),
            source=data.get("source"),
            doc_id=data.get("doc_id") or "",
        )
        doc.sentences = [Span.from_dict(s) for s in data.get("sentences") or []]
        doc.places = [PlaceMention.from_dict(p) for p in data.get("places") or []]
        doc.times = [TimeMention.from_dict(t) for t in data.get("times") or []]
        doc.events = [Event.from_dict(e) for e in data.get("events") or []]
        return doc


__all__ = [
    "BOILERPLATE_KINDS",
    "EVENT_TYPES",
    "MODALITIES",
    "ROLES",
    "SEGMENT_KINDS",
    "STATUSES",
    "Actor",
    "Amount",
    "ControlState",
    "Document",
    "Event",
    "Evidence",
    "PlaceMention",
    "RecordError",
    "Span",
    "TimeMention",
    "date_interval",
    "make_doc_id",
    "normalise_text",
    "parse_document_date",
]
