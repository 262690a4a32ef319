"""The territorial control timeline: who held each place, from when until when, on what evidence.

Input: the :class:`~frontwatch.control.fusion.Cluster` records of one or more places. Output:
per place, a sequence of :class:`ControlPeriod` records (convertible to the SCHEMA's
``ControlState``), in time order. The rules, in the terms of the issue:

- A capture by X opens an X period; a later capture by Y (a recapture) closes it and opens Y's.
- A withdrawal by X implies the other side's control only as a weaker inference (lower
  confidence, noted on the period).
- An advance or fighting *inside* the place (outskirts, centre, foothold, encircled: cue words
  near the place name) makes it ``contested``; so does the capture of only a *part* of it.
  Fighting that starts around a capture (within ``contested_absorb_days``) is the dispute of
  that capture, not a period of its own: it lowers the capture's confidence instead.
- Region-level places (oblasts, raions, peninsulas) get a state only from statements about the
  whole region and are never contested; they inform the settlements inside them only at query
  time, weakly, and never override a settlement's own evidence (:mod:`frontwatch.control.query`).
- Confidence grows with independent sources and with both belligerents agreeing; it drops for
  one-sided claims, hedged reports and denials. A claim and its denial give a ``claimed`` state
  with both reports in its evidence; a denial alone gives no state.
- No invented continuity: a new capture or withdrawal for the side already holding a place,
  long after the period's last evidence, means a loss nobody reported; the old period closes at
  an uncertain date and a new one opens. Where nothing is known, there is no period.

``since`` and ``until`` are intervals ``{earliest, latest}``: the change happened some day in
them. The result depends only on the set of clusters, never on the order articles arrived in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontwatch.control.cues import cues_near_place
from frontwatch.control.fusion import (
    SUPPORTING_STATUSES,
    Cluster,
    actor_country,
    doc_interval,
    event_interval,
    interval_dict,
    iso,
    member_summary,
    outlet_key,
    settings,
)
from frontwatch.records import ControlState, PlaceMention

CONTESTED = "contested"
CAPTURE, WITHDRAWAL, ADVANCE, COMBAT = (
    "territory.capture",
    "territory.withdrawal",
    "territory.advance",
    "combat",
)
CONTROL_TYPES = frozenset({CAPTURE, WITHDRAWAL, ADVANCE, COMBAT})


def place_level(place: dict[str, Any] | None) -> str:
    """``"region"``, ``"settlement"`` or ``"ignored"`` (countries, seas, rivers) for a place."""
    feature = str((place or {}).get("feature") or "").upper()
    levels = settings()["levels"]
    if feature in levels["region"]:
        return "region"
    if any(feature.startswith(prefix) for prefix in levels["ignored_prefixes"]):
        return "ignored"
    return "settlement"


def member_weight(event: dict[str, Any]) -> float:
    """How much one report supports what it says: by status and modality (and its confidence)."""
    evidence = settings()["evidence"]
    status = str(event.get("status") or "reported")
    modality = str(event.get("modality") or "asserted")
    weight = float(evidence["status_weight"].get(status, evidence["status_weight"]["reported"]))
    weight *= float(evidence["modality_weight"].get(modality, 0.0))
    confidence = event.get("confidence")
    if isinstance(confidence, int | float) and 0.0 < confidence <= 1.0:
        weight *= 0.5 + 0.5 * float(confidence)
    return weight


def _denial_weight(event: dict[str, Any]) -> float:
    """How strongly a denial (or a negated report: "not yet taken") speaks against the event."""
    evidence = settings()["evidence"]["status_weight"]
    if event.get("status") == "denied":
        return float(evidence["reported"])
    return float(evidence.get(str(event.get("status") or "reported"), evidence["reported"]))


def _is_denial(event: dict[str, Any]) -> bool:
    return event.get("status") == "denied" or event.get("modality") == "negated"


def _combine(weights: Iterable[float]) -> float:
    """Independent pieces of evidence: the chance that at least one is right."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - max(0.0, min(1.0, weight))
    return 1.0 - remaining


def _by_outlet(members: Iterable[dict[str, Any]], weigh: Any) -> dict[str, float]:
    """The strongest report of each outlet: one outlet repeating itself is one source."""
    best: dict[str, float] = {}
    for member in members:
        key = outlet_key(member)
        best[key] = max(best.get(key, 0.0), weigh(member))
    return best


def _by_denier(denials: Iterable[dict[str, Any]]) -> dict[str, float]:
    """The strongest denial of each denying party: ten outlets quoting Kyiv's denial are one."""
    best: dict[str, float] = {}
    for member in denials:
        claimant = member.get("claimant") or {}
        key = str(claimant.get("name") or claimant.get("country") or outlet_key(member))
        best[key] = max(best.get(key, 0.0), _denial_weight(member))
    return best


# --------------------------------------------------------------------------------------------
# Signals: what one cluster says about control


@dataclass(slots=True)
class Signal:
    """What one cluster implies for its place: a controller (or contested) from an interval."""

    controller: str
    interval: tuple[int, int]
    basis: str  # "capture", "withdrawal" or "contested"
    cluster: Cluster
    support: list[dict[str, Any]]
    denials: list[dict[str, Any]]
    strength: float

    @property
    def rank(self) -> int:
        # When intervals tie, fighting precedes the change of hands.
        return 0 if self.controller == CONTESTED else 1

    def summary(self) -> dict[str, Any]:
        """What to store beside the cluster so the timeline can be rebuilt without re-reading
        every report's cues: the verdict and which members carry it."""
        return {
            "controller": self.controller,
            "interval": interval_dict(self.interval),
            "basis": self.basis,
            "strength": self.strength,
            "support": [str(m.get("event_id")) for m in self.support],
            "denials": [str(m.get("event_id")) for m in self.denials],
        }

    @classmethod
    def from_summary(cls, summary: dict[str, Any], cluster: Cluster) -> Signal:
        """The signal again, from :meth:`summary` and its cluster (with full members)."""
        by_id = {str(m.get("event_id")): m for m in cluster.members}
        interval = summary["interval"]
        first = event_interval({"time": interval})
        return cls(
            controller=str(summary["controller"]),
            interval=first if first is not None else cluster.interval,
            basis=str(summary["basis"]),
            cluster=cluster,
            support=[by_id[i] for i in summary.get("support") or [] if i in by_id],
            denials=[by_id[i] for i in summary.get("denials") or [] if i in by_id],
            strength=float(summary["strength"]),
        )


def _other_side(country: str | None, target: dict[str, Any] | None) -> str | None:
    """The side that holds a place ``country`` withdrew from: the target, else the opponent.

    A target of the same country is a handover inside one side (a mercenary group leaving
    a town to the regular army): the place stays with that side.
    """
    target_country = actor_country(target)
    if target_country:
        return target_country
    return settings()["sides"].get(country or "")


def signal_of(cluster: Cluster) -> Signal | None:
    """The control signal of one cluster, or None when it says nothing about control.

    Each supporting report is read on its own, by the cue words around the place name: a
    capture of *part* of a settlement makes it contested; an advance or fighting *inside* it
    too; a region changes hands only by a statement about the *whole* region; what happened
    *near* the place is not about it. A signal needs one report that asserts it ("likely
    taken" alone is not enough). Denials and negated reports count against it.
    """
    if cluster.type not in CONTROL_TYPES:
        return None
    level = place_level(cluster.place)
    if level == "ignored":
        return None
    country = actor_country(cluster.actor)
    supporting: list[dict[str, Any]] = []
    denials: list[dict[str, Any]] = []
    for member in cluster.members:
        if _is_denial(member):
            denials.append(member)
        elif (member.get("status") or "reported") in SUPPORTING_STATUSES and member_weight(
            member
        ) > 0.0:
            supporting.append(member)
    if not supporting:
        return None

    full: list[dict[str, Any]] = []
    partial: list[dict[str, Any]] = []
    for member in supporting:
        cues = cues_near_place(member)
        if "near" in cues and "inside" not in cues and cluster.type != WITHDRAWAL:
            # "on the flank of X", "near X": not about X itself. A withdrawal "to new lines
            # west of X" does say X was left.
            continue
        if cluster.type in (CAPTURE, WITHDRAWAL):
            if "partial" in cues:
                partial.append(member)
            elif level == "settlement" or "whole" in cues:
                full.append(member)
        elif (cluster.type == ADVANCE and cues & {"inside", "partial"}) or (
            cluster.type == COMBAT and "inside" in cues
        ):
            partial.append(member)

    if cluster.type in (CAPTURE, WITHDRAWAL) and _asserted(full):
        controller = country if cluster.type == CAPTURE else _other_side(country, cluster.target)
        if controller not in settings()["sides"]:
            return None  # a third party (an observer, a mistaken actor) holds no territory
        basis, support = ("capture" if cluster.type == CAPTURE else "withdrawal"), full
    elif _asserted(partial) and level == "settlement":
        controller, basis, support = CONTESTED, "contested", partial
    else:
        return None

    evidence = settings()["evidence"]
    strength = _combine(_by_outlet(support, member_weight).values())
    if basis == "withdrawal":
        strength *= float(evidence["withdrawal_factor"])
    for weight in _by_denier(denials).values():
        strength *= 1.0 - float(evidence["denial_penalty"]) * weight
    return Signal(
        controller, _support_interval(support, cluster), basis, cluster, support, denials, strength
    )


def _asserted(members: list[dict[str, Any]]) -> bool:
    """Whether any report states the fact outright: "could fall" alone opens no period."""
    return any((m.get("modality") or "asserted") == "asserted" for m in members)


def _support_interval(members: list[dict[str, Any]], cluster: Cluster) -> tuple[int, int]:
    """When the reports behind a signal place it: their common interval, else the cluster's.

    A cluster may also hold reports that say something else about the place (the flag raised
    last week beside "units entered the outskirts" this month); the signal's date is that of
    the reports that carry it.
    """
    low, high = -(10**9), 10**9
    for member in members:
        interval = event_interval(member)
        if interval is None:
            continue
        low, high = max(low, interval[0]), min(high, interval[1])
    if low > high or high == 10**9:
        return cluster.interval
    return low, high


# --------------------------------------------------------------------------------------------
# Periods


@dataclass(slots=True)
class ControlPeriod:
    """One period of one controller at one place, with everything behind it."""

    place_key: str
    place: dict[str, Any]
    controller: str
    signals: list[Signal] = field(default_factory=list)
    disputes: list[Signal] = field(default_factory=list)
    since: tuple[int, int] | None = None
    until: tuple[int, int] | None = None
    # The previous period ended at an unknown time: nothing links the two.
    after_gap: bool = False

    @property
    def opening(self) -> Signal:
        return self.signals[0]

    @property
    def last_evidence_start(self) -> int:
        """The latest day the period is known to have begun holding (its last signal's start)."""
        return max(s.interval[0] for s in self.signals)

    @property
    def last_report(self) -> int | None:
        """The publication day of the newest report supporting the period."""
        days = [
            iv[1] for s in self.signals for m in s.support if (iv := doc_interval(m)) is not None
        ]
        return max(days) if days else None

    @property
    def basis(self) -> str:
        bases = {s.basis for s in self.signals}
        for basis in ("capture", "withdrawal", "contested"):
            if basis in bases:
                return basis
        return "contested"

    @property
    def support(self) -> list[dict[str, Any]]:
        return [m for s in self.signals for m in s.support]

    @property
    def denials(self) -> list[dict[str, Any]]:
        return [m for s in self.signals for m in s.denials]

    @property
    def event_ids(self) -> list[str]:
        """Every report behind the period: support, denials and disputes, without repeats."""
        ids: list[str] = []
        for signal in [*self.signals, *self.disputes]:
            for member in signal.cluster.members:
                event_id = str(member.get("event_id"))
                if event_id not in ids:
                    ids.append(event_id)
        return ids

    @property
    def sources(self) -> int:
        return len({outlet_key(m) for m in self.support})

    @property
    def documents(self) -> int:
        return len({m.get("doc_id") or m.get("event_id") for m in self.support})

    def _sides(self) -> set[str]:
        """Belligerents whose own sources back the period (claimants, and admitted losses)."""
        sides: set[str] = set()
        for signal in self.signals:
            for member in signal.support:
                claimant = actor_country(member.get("claimant"))
                if claimant:
                    sides.add(claimant)
                # A withdrawal is reported by, or admitted by, the side that left.
                if signal.basis == "withdrawal" and member.get("status") == "confirmed":
                    actor = actor_country(member.get("actor"))
                    if actor:
                        sides.add(actor)
        return sides & set(settings()["sides"])

    @property
    def status(self) -> str:
        """``confirmed`` (a party confirms, or both sides agree), ``reported``, ``claimed``..."""
        support = self.support
        statuses = {m.get("status") or "reported" for m in support}
        if "confirmed" in statuses or len(self._sides()) >= 2:
            return "confirmed"
        asserted = [m for m in support if (m.get("modality") or "asserted") == "asserted"]
        if any((m.get("status") or "reported") == "reported" for m in asserted):
            return "reported"
        if "claimed" in statuses:
            return "claimed"
        return "unconfirmed"

    @property
    def confidence(self) -> float:
        evidence = settings()["evidence"]
        value = _combine(s.strength for s in self.signals)
        if len(self._sides()) >= 2:
            value += float(evidence["both_sides_bonus"]) * (1.0 - value)
        if self.disputes:
            worst = max(d.strength for d in self.disputes)
            value *= 1.0 - float(evidence["dispute_penalty"]) * worst
        low, high = float(evidence["min_confidence"]), float(evidence["max_confidence"])
        return round(max(low, min(high, value)), 3)

    @property
    def note(self) -> str | None:
        """A short human note: how the period is known, what speaks against it."""
        notes = []
        if self.basis == "withdrawal":
            leavers = sorted(
                {c for s in self.signals if (c := actor_country(s.cluster.actor)) is not None}
            )
            notes.append(f"inferred from the {'/'.join(leavers) or 'other side'}'s withdrawal")
        if self.denials:
            deniers = sorted({actor_country(m.get("claimant")) or "?" for m in self.denials})
            notes.append(f"denied by {'/'.join(deniers)}")
        if self.disputes:
            notes.append("fighting reported inside the place at the time")
        if self.after_gap:
            notes.append("no evidence links it to the previous period")
        return "; ".join(notes) or None

    def to_state(self) -> ControlState:
        """The SCHEMA's ``ControlState`` record of this period."""
        place = self.place
        mention = PlaceMention(
            start=0,
            end=0,
            surface=str(place.get("surface") or place.get("name") or ""),
            geonameid=place.get("geonameid"),
            name=place.get("name"),
            feature=place.get("feature"),
            admin1=place.get("admin1"),
            country=place.get("country"),
            lat=place.get("lat"),
            lon=place.get("lon"),
            confidence=1.0 if place.get("geonameid") is not None else 0.0,
        )
        return ControlState(
            place=mention,
            controller=self.controller,
            since=interval_dict(self.since),
            until=interval_dict(self.until),
            events=self.event_ids,
            confidence=self.confidence,
            status=self.status,  # type: ignore[arg-type]
        )

    def to_dict(self, *, evidence: bool = False) -> dict[str, Any]:
        """The exported shape: ControlState fields, the place as a PlaceMention-shaped object
        without offsets, and what a reader needs to judge it (basis, sources, note)."""
        place = {
            k: self.place.get(k)
            for k in ("geonameid", "name", "feature", "admin1", "country", "lat", "lon")
        }
        last = self.last_report
        d: dict[str, Any] = {
            "place": place,
            "controller": self.controller,
            "since": interval_dict(self.since),
            "until": interval_dict(self.until),
            "events": self.event_ids,
            "confidence": self.confidence,
            "status": self.status,
            "basis": self.basis,
            "sources": self.sources,
            "documents": self.documents,
            "last_report": iso(last) if last is not None else None,
            "after_gap": self.after_gap,
            "note": self.note,
        }
        if evidence:
            d["evidence"] = [
                {**member_summary(m), "role": role}
                for role, members in (
                    ("support", self.support),
                    ("denial", self.denials),
                    ("dispute", [m for s in self.disputes for m in s.support]),
                )
                for m in members
            ]
        return d


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return (low, high) if low <= high else None


def _settle(period: ControlPeriod) -> None:
    """``since``: the opening signal's interval, narrowed by every signal consistent with it."""
    since = period.opening.interval
    for signal in period.signals[1:]:
        narrowed = _overlap(since, signal.interval)
        if narrowed is not None:
            since = narrowed
    period.since = since


def _next_signal(remaining: list[Signal], current: ControlPeriod | None) -> int:
    """Which signal to take next: the first, unless reports overlapping it in time continue the
    current controller; those go first, so that conflicting reports about one change do not
    make the place change hands back and forth."""
    if current is None or current.controller == CONTESTED:
        return 0
    head = remaining[0]
    for index, signal in enumerate(remaining):
        if signal.interval[0] > head.interval[1]:
            break
        if signal.controller == current.controller:
            return index
    return 0


def _contradicted(signal: Signal, later: list[Signal]) -> bool:
    """Whether a later signal for another controller (not contested) overlaps ``signal``."""
    for other in later:
        if other.interval[0] > signal.interval[1]:
            return False  # sorted by start: nothing further can overlap
        if other.controller not in (CONTESTED, signal.controller):
            return True
    return False


def _periods_of_place(signals: list[Signal]) -> list[ControlPeriod]:
    timeline = settings()["timeline"]
    gap_days = int(timeline["same_controller_gap_days"])
    absorb_days = int(timeline["contested_absorb_days"])
    signals.sort(key=lambda s: (s.interval[0], s.interval[1], s.rank, s.cluster.cluster_id))
    periods: list[ControlPeriod] = []

    def open_period(signal: Signal, after_gap: bool = False) -> ControlPeriod:
        period = ControlPeriod(
            signal.cluster.place_key, signal.cluster.place, signal.controller, after_gap=after_gap
        )
        period.signals.append(signal)
        periods.append(period)
        return period

    pending_disputes: list[Signal] = []
    remaining = list(signals)
    while remaining:
        current = periods[-1] if periods else None
        signal = remaining.pop(_next_signal(remaining, current))
        if current is None:
            open_period(signal)
            continue
        _settle(current)
        assert current.since is not None
        if pending_disputes and signal.controller not in (CONTESTED, current.controller):
            # The change the held-over reports contradicted: they dispute it.
            period = open_period(signal)
            period.disputes.extend(pending_disputes)
            pending_disputes = []
            continue
        if signal.controller == current.controller:
            if signal.interval[0] <= max(s.interval[1] for s in current.signals) + gap_days:
                current.signals.append(signal)
            elif _contradicted(signal, remaining):
                # "X took it" while, at the same time, reports say the other side took it: a
                # contradiction about one change, not evidence of a loss nobody reported.
                pending_disputes.append(signal)
            else:
                open_period(signal, after_gap=True)
            continue
        if signal.controller == CONTESTED:
            # Fighting reported at the time a side took the place disputes that capture.
            if signal.interval[0] <= current.since[1] + absorb_days:
                current.disputes.append(signal)
            else:
                open_period(signal)
            continue
        if current.controller == CONTESTED and current.since[0] >= signal.interval[0] - absorb_days:
            # A contested phase that began (at most a few days) before this capture is the
            # fight for the capture: the capture's dispute, not a period of its own.
            periods.pop()
            before = periods[-1] if periods else None
            # Taken by the side that held it before the fighting: it was lost in between,
            # unreported; nothing links the two periods.
            unlinked = before is not None and before.controller == signal.controller
            replacement = open_period(signal, after_gap=current.after_gap or unlinked)
            replacement.disputes.extend(current.signals + current.disputes)
            continue
        open_period(signal)

    if pending_disputes and periods:
        periods[-1].disputes.extend(pending_disputes)
    for index, period in enumerate(periods):
        _settle(period)
        following = periods[index + 1] if index + 1 < len(periods) else None
        if following is None:
            continue
        _settle(following)
        assert following.since is not None
        if following.after_gap:
            # It ended some time after its last evidence began and before the next change.
            period.until = (min(period.last_evidence_start, following.since[1]), following.since[1])
        else:
            period.until = following.since
    return periods


def build_periods(clusters: Iterable[Cluster]) -> list[ControlPeriod]:
    """The control periods of every place the clusters are about, by place then time."""
    return periods_from_signals(s for c in clusters if (s := signal_of(c)) is not None)


def periods_from_signals(signals: Iterable[Signal]) -> list[ControlPeriod]:
    """The control periods implied by ``signals`` (of any places), by place then time."""
    by_place: dict[str, list[Signal]] = defaultdict(list)
    for signal in signals:
        by_place[signal.cluster.place_key].append(signal)
    periods: list[ControlPeriod] = []
    for key in sorted(by_place):
        periods.extend(_periods_of_place(by_place[key]))
    return periods


def build_timeline(clusters: Iterable[Cluster]) -> list[ControlState]:
    """Every place's control states (SCHEMA ``ControlState``), by place then time."""
    return [period.to_state() for period in build_periods(clusters)]


__all__ = [
    "CONTESTED",
    "CONTROL_TYPES",
    "ControlPeriod",
    "Signal",
    "build_periods",
    "build_timeline",
    "member_weight",
    "periods_from_signals",
    "place_level",
    "signal_of",
]
