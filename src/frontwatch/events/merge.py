"""One event per real event in a document.

Reports repeat themselves: the headline restates the lede, "de inname van het stadje" refers
back to the capture told two sentences earlier, "Kyiv ontkent dat" denies the claim just made.
This module infers what such repetitions imply (the actor of an implicit capture, the claim a
denial answers) and merges the mentions of one event into a single candidate whose evidence
lists every sentence it came from.
"""

from __future__ import annotations

from typing import Final

from frontwatch.events.analysis import is_country_level, place_level
from frontwatch.events.context import compatible
from frontwatch.events.countries import country_of_place, holder_of_place
from frontwatch.events.extract import Candidate, copy_candidate
from frontwatch.events.lexicon import TERRITORIAL, VIOLENT
from frontwatch.records import Actor, PlaceMention

# What place_level gives a first- or second-level region (ADM1, ADM2/ADM3): finer is a town.
_REGION_LEVELS: Final = (2, 3)


def place_key(place: PlaceMention | None) -> str | None:
    if place is None:
        return None
    if place.geonameid is not None:
        return f"g{place.geonameid}"
    return (place.name or place.surface).casefold()


def _actor_compatible(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None or a.country is None or b.country is None:
        return True
    return a.country == b.country


def _parties_apart(a: Actor | None, b: Actor | None) -> bool:
    """Two parties one sentence names side by side ("de Europese Unie en de Verenigde Staten
    kondigden sancties aan"): a named international body is a party as known as a state."""
    ka, kb = _party(a), _party(b)
    return ka is not None and kb is not None and ka != kb


def _party(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country is None and actor.role == "international":
        return actor.name
    return actor.country


def _time_key(c: Candidate) -> tuple[str, str] | None:
    return (c.time.earliest, c.time.latest) if c.time is not None else None


def _times_compatible(a: Candidate, b: Candidate) -> bool:
    ka, kb = _time_key(a), _time_key(b)
    return ka is None or kb is None or ka == kb


def _same_type(a: Candidate, b: Candidate) -> bool:
    return a.type == b.type


def absorb(into: Candidate, other: Candidate, *, take_claim: bool = True) -> None:
    """Merge ``other`` into ``into``: evidence, missing arguments, the stronger status."""
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.evidence.sort()
    if into.time is None and other.time is not None:
        into.time = other.time
    if into.actor is None or (
        into.actor.country is None and other.actor is not None and other.actor.country
    ):
        into.actor = other.actor
    if into.place is None and other.place is not None:
        into.place = other.place
    if (
        take_claim
        and into.claimant is None
        and other.claimant is not None
        and into.status == "reported"
    ):
        into.claimant, into.status = other.claimant, other.status
    if other.fatalities is not None and (
        into.fatalities is None or other.fatalities > into.fatalities
    ):
        into.fatalities = other.fatalities
    if other.injured is not None and (into.injured is None or other.injured > into.injured):
        into.injured = other.injured
    if into.amount is None:
        into.amount = other.amount
    into.confidence = max(into.confidence, other.confidence)


def other_side(actor: Actor | None, sides: tuple[str, str]) -> Actor | None:
    if actor is None or actor.country not in sides:
        return None
    return Actor(sides[1] if actor.country == sides[0] else sides[0], "military")


def infer_actors(cands: list[Candidate], sides: tuple[str, str], doc_start: str) -> None:
    """Fill implicit territorial actors from the claimant and from the other events at the place.
    ``doc_start`` (ISO date) dates the events that name no time of their own."""
    for c in cands:
        if c.type not in TERRITORIAL or (c.actor is not None and c.actor.country is not None):
            continue
        if (
            c.status in ("claimed", "confirmed")
            and c.claimant is not None
            and c.claimant.country in sides
            # a party announces its own gains; analysts and media report anyone's
            and c.claimant.role not in ("media", "international", "civilian")
            and c.type != "territory.withdrawal"
            # "since the town fell in April", says Ukraine's army: a place falls to the side
            # that did not hold it, whoever tells it (found below from who held it)
            and c.trigger.spec.kind != "fall"
            # "Pokrovsk is nog niet gevallen", says Kyiv: a loss denied is the other side's
            and not (c.type == "territory.capture" and c.modality == "negated")
        ):
            c.actor = Actor(c.claimant.country, "military")
            c.actor_source = "claimant"
            if c.trigger.spec.kind == "loss":
                # "Ukraine's general staff confirmed the loss of X": what a party admits to
                # losing, the other side took
                c.target = c.actor
                c.actor = other_side(c.actor, sides)
                c.actor_source = "loss:claimant"
            continue
        key = place_key(c.place)
        if key is None:
            continue
        if (
            c.trigger.spec.recapture
            and c.type == "territory.capture"
            and (c.claimant is None or c.claimant.country is None)
        ):
            # "eind juli werd bevrijd": one liberates, retakes, what is one's own
            owner = country_of_place(c.place)  # type: ignore[arg-type]
            if owner in sides:
                c.actor, c.actor_source = Actor(owner, "military"), "owner"
                continue
        # the nearest other event at the same place that tells the sides
        others = sorted(
            (
                o
                for o in cands
                if o is not c
                and place_key(o.place) == key
                and o.actor is not None
                and o.actor.country in sides
                and o.status != "denied"
            ),
            key=lambda o: abs(o.position - c.position),
        )
        for o in others:
            if (
                # one side's withdrawal is the other's capture, at the same time (a capture
                # "sinds eind februari" is not the other side of a withdrawal in March)
                (
                    {c.type, o.type} == {"territory.capture", "territory.withdrawal"}
                    and _same_time(c, o, doc_start)
                )
                # "heroverd, een dorp ... dat sinds maart bezet was": what one side retakes,
                # the other had taken before
                or (
                    c.type == o.type == "territory.capture"
                    and o.trigger.spec.recapture
                    and not c.trigger.spec.recapture
                    and c.time is not None
                    and c.time.latest < (o.time.earliest if o.time is not None else doc_start)
                )
            ):
                c.actor, c.actor_source = other_side(o.actor, sides), "context"
            elif c.type == o.type and _same_time(c, o):
                # the same event told twice; a capture at another time may be the other
                # side's ("bezet sinds maart", "vlag vorige week gehesen")
                c.actor, c.actor_source = Actor(o.actor.country, o.actor.role), "context"  # type: ignore[union-attr]
            else:
                continue
            break
        if (
            (c.actor is None or c.actor.country is None)
            and c.type == "territory.capture"
            and not c.trigger.spec.recapture
            and c.status != "denied"
        ):
            # "sinds de verovering van Avdiivka": one captures what the other side holds; a
            # party taking back its own is told with "heroverd", "retook" (handled above)
            owner = holder_of_place(c.place, c.time.earliest if c.time else doc_start)  # type: ignore[arg-type]
            taker = other_side(Actor(owner, "unknown"), sides) if owner in sides else None
            if taker is not None:
                c.actor, c.actor_source = taker, "presumed"


def _same_time(a: Candidate, b: Candidate, doc_start: str | None = None) -> bool:
    """Whether the two candidates' time intervals overlap. An unknown time overlaps any, or,
    given ``doc_start``, is the document's date (what the event will be dated)."""
    if doc_start is None and (a.time is None or b.time is None):
        return True
    a0, a1 = (a.time.earliest, a.time.latest) if a.time is not None else (doc_start, doc_start)
    b0, b1 = (b.time.earliest, b.time.latest) if b.time is not None else (doc_start, doc_start)
    return a0 <= b1 and b0 <= a1  # type: ignore[operator]


def resolve_denials(cands: list[Candidate], sides: tuple[str, str]) -> list[Candidate]:
    """Give denials the event they deny; drop those that deny nothing found."""
    out: list[Candidate] = []
    for c in cands:
        if c.denial_of_previous:
            target = _denied_claim(c, out)
            if target is None:
                continue
            # "X nam A, B en C in. Y ontkent dat.": one denial of each item of the list
            for claim in _same_statement(target, out):
                denial = copy_candidate(c)
                denial.type, denial.place, denial.actor = claim.type, claim.place, claim.actor
                if denial.time is None:
                    denial.time = claim.time
                denial.rule = f"{claim.rule}+denial"
                out.append(denial)
            continue
        elif c.status == "denied":
            denied = _denied_at_anaphor(c, out) or next(
                (
                    o
                    for o in reversed(out)
                    if o.type == c.type
                    and o.status != "denied"
                    and (c.place is None or place_key(o.place) == place_key(c.place))
                ),
                None,
            )
            if denied is not None:
                if c.actor is None or c.actor.country is None:
                    c.actor = denied.actor
                if c.place is None:
                    c.place = denied.place
                if c.time is None:
                    c.time = denied.time
            elif c.type in VIOLENT and c.place is None and c.place_ref is None:
                continue  # "denied bombing the theatre", with no bombing told to place it
            if (c.actor is None or c.actor.country is None) and c.type in VIOLENT and c.claimant:
                # "Rusland ontkent de aanval": the denier is the alleged attacker
                c.actor = Actor(c.claimant.country, "military")
                if denied is not None and (denied.actor is None or denied.actor.country is None):
                    denied.actor = c.actor
        out.append(c)
    return out


def _denied_at_anaphor(c: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """ "Rockets hit Kramatorsk. The rebels denied firing at the town.": a denial whose place
    is an anaphor denies the event of its type told just before it, if that event's place is
    one the anaphor can name; the denial takes that place (the anaphor had been read as the
    place in focus of the whole text)."""
    ref = c.place_ref
    if ref is None or ref.anaphor is None or ref.mention is not None or ref.plural or ref.group:
        return None  # a plural ("the villages") stands for a list named before
    told = next((o for o in reversed(earlier) if o.type == c.type and o.status != "denied"), None)
    if told is None or told.place is None or not _told_just_before(told, c):
        return None
    if not compatible(ref.anaphor, told.place):
        return None
    c.place = told.place
    return told


def _same_statement(claim: Candidate, earlier: list[Candidate]) -> list[Candidate]:
    """The claim and the other events its trigger produced for a list of places."""
    return [
        o
        for o in earlier
        if o is claim
        or (
            o.sentence is claim.sentence
            and o.trigger.i == claim.trigger.i
            and o.type == claim.type
            and o.status != "denied"
        )
    ]


def _denied_claim(denial: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The claim a denial answers: the last one told before it by someone else, preferring a
    new event to a mention of one ("in the most serious attack on the capital") and, in the
    sentence that told it, what someone claimed to what the text tells as background ("had
    taken Kupiansk, a rail hub that Ukraine recaptured in September 2022. Ukraine's military
    rejected the claim")."""
    denier = denial.claimant.country if denial.claimant else None
    sentence_start = denial.sentence.span.start
    claims = []
    for o in reversed(earlier):
        if o.status == "denied":
            continue
        if o.sentence.span.start < sentence_start - 600:
            break
        if o.claimant is not None and o.claimant.country == denier:
            continue
        if o.sentence is denial.sentence and o.trigger.i >= denial.trigger.j:
            continue  # "dismissed the claim as false and said fighting was going on": told after
        claims.append(o)
    new = [o for o in claims if not o.remention] or claims
    if not new:
        return None
    latest = [o for o in new if o.sentence is new[0].sentence]
    return next((o for o in latest if o.status == "claimed"), new[0])


def drop_attack_rementions(cands: list[Candidate]) -> list[Candidate]:
    """ "Drones struck buildings in Moscow, in the most serious attack on the capital": an
    attack noun in the sentence of a strike at the same place is that strike, not a fight."""
    strikes = {(c.sentence.span.start, place_key(c.place)) for c in cands if c.type == "strike"}
    return [
        c
        for c in cands
        if not (
            c.type == "combat"
            and not c.symmetric
            and (c.sentence.span.start, place_key(c.place)) in strikes
        )
    ]


def merge_remention(cands: list[Candidate]) -> list[Candidate]:
    """ "De inname van het stadje", "its fall": a definite mention of an event already told."""
    out: list[Candidate] = []
    for c in cands:
        if c.remention:
            target = None
            for o in reversed(out):
                if o.type != c.type and not (
                    c.type == "territory.capture" and o.type == "territory.capture"
                ):
                    continue
                if c.place is not None and place_key(o.place) != place_key(c.place):
                    continue
                if not _actor_compatible(o.actor, c.actor):
                    continue
                target = o
                break
            if target is not None and not _same_time(c, target) and _told_just_before(target, c):
                # "Melitopol is sinds begin maart in Russische handen. Het ministerie claimde
                # de inname al op 26 februari": the capture as claimed at another date (both
                # dated, as an unknown time meets any) is a report of its own, at the place of
                # the one it names
                c.place = c.place or target.place
                if c.actor is None or c.actor.country is None:
                    c.actor = target.actor
                c.target = c.target or target.target
            elif target is not None and not _denies(c, target):
                absorb(target, c, take_claim=False)
                continue
            if c.place is None:
                continue  # a definite mention of nothing we know, without a place
        out.append(c)
    return out


def _told_just_before(told: Candidate, c: Candidate) -> bool:
    """``told`` comes from ``c``'s sentence or the one read right before it."""
    return 0 <= c.sentence.index - told.sentence.index <= 1


def _denies(c: Candidate, claim: Candidate) -> bool:
    """ "Moscow denied the attack": a denial naming the event is the denier's version of it,
    kept beside the claim rather than merged into it."""
    if c.status != "denied" or claim.status == "denied":
        return False
    denier = c.claimant.country if c.claimant is not None else None
    return claim.claimant is None or claim.claimant.country != denier


def merge_headings(cands: list[Candidate]) -> list[Candidate]:
    """A headline restating the lede is the lede's event, with both spans as evidence."""
    body = [c for c in cands if not c.heading]
    out: list[Candidate] = []
    for c in cands:
        if not c.heading:
            out.append(c)
            continue
        match = None
        for b in body:
            if b.type != c.type or not _actor_compatible(b.actor, c.actor):
                continue
            if not _times_compatible(b, c) or (
                b.amount and c.amount and b.amount.value != c.amount.value
            ):
                continue
            if (
                c.place is None
                or b.place is None
                or place_key(b.place) == place_key(c.place)
                or _contains(c.place, b.place)
            ):
                match = b
                break
            if (
                place_level(b.place) in _REGION_LEVELS
                and place_level(c.place) > max(_REGION_LEVELS)
                and _contains(b.place, c.place)
            ):
                # "aanval op controlepost bij Volnovacha" over "een controlepost in de regio
                # Donetsk": the headline names the town in the region the lede names
                match = b
                match.place = c.place
                break
        if match is not None:
            absorb(match, c, take_claim=False)
        # a headline that restates nothing of the body is left out: headlines compress, and
        # what they compress the body tells with its places and sources
    return out


def _contains(region: PlaceMention, place: PlaceMention) -> bool:
    """A headline's "bij Odesa" covers the body's village in the Odesa region."""
    if place.admin1 and (region.name or region.surface):
        name = (region.name or region.surface).casefold()
        admin = place.admin1.casefold()
        return name in admin or admin in name
    return False


def merge_duplicates(cands: list[Candidate]) -> list[Candidate]:
    """The same fact told twice in the body: one event."""
    out: list[Candidate] = []
    for c in cands:
        match = None
        for o in out:
            if not _same_type(o, c) or place_key(o.place) != place_key(c.place):
                continue
            if c.place is None and c.type in TERRITORIAL | VIOLENT:
                continue
            if not _actor_compatible(o.actor, c.actor) or not _times_compatible(o, c):
                continue
            if c.sentence is o.sentence and _parties_apart(o.actor, c.actor):
                continue
            if (o.status == "denied") != (c.status == "denied"):
                continue
            if o.status != c.status and c.sentence is not o.sentence:
                continue  # a claim and a plain report of the same move are told apart
            if o.modality != c.modality:
                continue
            oc = o.claimant.country if o.claimant else None
            cc = c.claimant.country if c.claimant else None
            if o.claimant is not None and c.claimant is not None and oc != cc:
                continue
            if c.type in ("aid",) and o.amount and c.amount and o.amount.value != c.amount.value:
                continue
            if (
                c.type not in TERRITORIAL
                and c.sentence is not o.sentence
                and (o.time is None) != (c.time is None)
            ):
                continue  # one told with a date and one without: two gifts, two attacks
            match = o
            break
        if match is not None:
            absorb(match, c)
            continue
        wider = next((k for k, o in enumerate(out) if _country_and_inside(o, c)), None)
        if wider is None:
            out.append(c)
            continue
        other = out[wider]
        if other.place is not None and is_country_level(other.place):
            absorb(c, other)  # the one at the place inside stays
            out[wider] = c
        else:
            absorb(other, c)
    return out


def _country_and_inside(a: Candidate, b: Candidate) -> bool:
    """One sentence tells an attack on a country and the same attack at a place inside it
    ("launched 337 drones at Russia ... shot down over the Moscow region"): one event, at the
    place inside."""
    if (
        a.sentence is not b.sentence
        or a.type not in VIOLENT
        or not _same_type(a, b)
        or a.place is None
        or b.place is None
        or a.status != b.status
        or not _actor_compatible(a.actor, b.actor)
    ):
        return False
    a_wide, b_wide = is_country_level(a.place), is_country_level(b.place)
    return a_wide != b_wide and a.place.country == b.place.country


def _asserted_gain(c: Candidate) -> bool:
    return (
        c.type in ("territory.capture", "territory.advance")
        and c.status != "denied"
        and c.modality in ("asserted", "possible")
        and c.actor is not None
        and c.actor.country is not None
    )


def _near_in_time(a: Candidate, b: Candidate, doc_interval: tuple[str, str]) -> bool:
    """Intervals (the document's when a candidate has no time) overlap, give or take 45 days."""
    from datetime import date, timedelta

    def span(c: Candidate) -> tuple[date, date]:
        lo, hi = (c.time.earliest, c.time.latest) if c.time is not None else doc_interval
        return date.fromisoformat(lo), date.fromisoformat(hi)

    (a0, a1), (b0, b1) = span(a), span(b)
    slack = timedelta(days=45)
    return a0 <= b1 + slack and b0 <= a1 + slack


def infer_attackers(
    cands: list[Candidate], sides: tuple[str, str], doc_interval: tuple[str, str]
) -> None:
    """Who attacks in a fight or strike the words leave open.

    "Er wordt gevochten om Bachmoet" names no attacker; the document usually does elsewhere: the
    side that captures or advances on that place attacks it (the side withdrawing from it does
    not). Failing that, the side the document shows on the offensive; failing that, a fight or
    strike on one party's territory is presumed to be the other party's (``actor_source``
    "presumed", lower confidence).
    """
    gains: dict[str, int] = {}
    for c in cands:
        country = c.actor.country if c.actor is not None else None
        if _asserted_gain(c) and country is not None and country in sides:
            gains[country] = gains.get(country, 0) + 1
    dominant = None
    if gains:
        ranked = sorted(gains.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            dominant = ranked[0][0]
    for c in cands:
        if c.type not in VIOLENT and not (c.type == "territory.advance" and c.symmetric):
            continue
        known = c.actor is not None and c.actor.country is not None
        if known and not (c.type == "combat" and c.symmetric):
            continue
        key = place_key(c.place)
        attacker: str | None = None
        source = ""
        if key is not None and c.type == "combat":
            around = sorted(
                (
                    o
                    for o in cands
                    if o is not c
                    and place_key(o.place) == key
                    and o.type in TERRITORIAL
                    and o.actor is not None
                    and o.actor.country in sides
                    and o.status != "denied"
                    and o.modality != "negated"
                    and _near_in_time(o, c, doc_interval)
                ),
                key=lambda o: abs(o.position - c.position),
            )
            for o in around:
                if _asserted_gain(o):
                    attacker, source = o.actor.country, "context"  # type: ignore[union-attr]
                    break
                if o.type == "territory.withdrawal":
                    other = other_side(o.actor, sides)
                    attacker, source = (other.country if other else None), "context"
                    break
        if attacker is None and known:
            continue  # an explicit fighter and nothing better: keep it
        if attacker is None and dominant is not None and c.type == "combat":
            attacker, source = dominant, "offensive"
        if attacker is None and c.place is not None:
            # the holder of the place on the day, not the country it lies in: a strike in
            # Crimea after 2014 is presumed Ukraine's
            owner = holder_of_place(c.place, c.time.earliest if c.time else doc_interval[0])
            if owner in sides:
                attacker, source = (sides[1] if owner == sides[0] else sides[0]), "presumed"
        if attacker is not None:
            c.actor = Actor(attacker, "military")
            c.actor_source = source
