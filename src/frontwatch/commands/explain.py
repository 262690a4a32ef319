"""``frontwatch explain FILE``: each sentence with its events, arguments and rules.

For debugging the event rules, and so that a reader can trust or reject a fact: every sentence
of the article is printed (boilerplate marked as such), and under it every event it gave, with
actor, target, place, time, numbers, who says so, status, modality, confidence and the rule
that produced it (``capture.innemen/actor:agent/place:named``: the trigger rule, how the actor
was found, how the place was found). With ``--mentions`` the place and time mentions of each
sentence are listed too. The full default pipeline runs; ``events`` is added when a custom
configuration lacks it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, UsageError
from frontwatch.commands._batch import add_input_arguments
from frontwatch.pipeline import Pipeline, PipelineError, default_config, load_config
from frontwatch.readers import ReadFailure, ReadOptions, Skipped, iter_inputs
from frontwatch.records import Actor, Document, Event, Span


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="show each sentence with its events and the rules that produced them",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    add_input_arguments(p)
    p.add_argument("--mentions", action="store_true", help="also list place and time mentions")
    p.add_argument("--only-events", action="store_true", help="print only sentences with events")
    p.add_argument("--json", action="store_true", help="one JSON object per sentence instead")
    p.set_defaults(func=run)


def _pipeline(config_path: str | None) -> Pipeline:
    try:
        config = load_config(config_path) if config_path else default_config()
        names = list(config.get("pipeline", {}).get("components", []))
        if "events" not in names:
            names.append("events")
        return Pipeline.from_config(
            {"pipeline": {"components": names}, "components": config.get("components", {})}
        )
    except PipelineError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args.config)
    options = ReadOptions(max_bytes=args.max_bytes, lang=args.lang)
    failed = False
    for item in iter_inputs(args.paths, options):
        if isinstance(item, ReadFailure):
            print(f"error: {item}", file=sys.stderr)
            failed = True
            continue
        if isinstance(item, Skipped):
            continue
        doc = pipeline(item)
        rejected = _rejected(pipeline, doc)
        if args.json:
            for record in sentence_records(doc, rejected):
                if not args.only_events or record["events"]:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            explain_document(
                doc,
                sys.stdout,
                mentions=args.mentions,
                only_events=args.only_events,
                rejected=rejected,
            )
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _rejected(pipeline: Pipeline, doc: Document) -> list[tuple[int, int, int, str, str]]:
    """Trigger words the events component turned down, and why."""
    for _, step in pipeline.steps:
        why_not = getattr(step, "rejected_triggers", None)
        if why_not is not None:
            return list(why_not(doc))
    return []


def _events_by_sentence(doc: Document) -> dict[int, list[Event]]:
    """Each event under the sentence its first evidence span starts in."""
    out: dict[int, list[Event]] = {}
    for event in doc.events:
        if not event.evidence:
            continue
        start = event.evidence[0].start
        for k, s in enumerate(doc.sentences):
            if s.start <= start < s.end:
                out.setdefault(k, []).append(event)
                break
    return out


def sentence_records(
    doc: Document, rejected: Sequence[tuple[int, int, int, str, str]] = ()
) -> list[dict]:
    """One JSON-ready record per sentence: its text, kind, mentions, events and the trigger
    words that gave no event (with the reason)."""
    by_sentence = _events_by_sentence(doc)
    records = []
    for k, s in enumerate(doc.sentences):
        records.append(
            {
                "source": doc.source,
                "sentence": k,
                "kind": s.kind,
                "start": s.start,
                "end": s.end,
                "text": doc.text[s.start : s.end],
                "places": [p.to_dict() for p in doc.places if s.start <= p.start < s.end],
                "times": [t.to_dict() for t in doc.times if s.start <= t.start < s.end],
                "events": [e.to_dict() for e in by_sentence.get(k, [])],
                "rejected": [
                    {"trigger": doc.text[a:b], "start": a, "end": b, "rule": rule, "reason": why}
                    for start, a, b, rule, why in rejected
                    if start == s.start
                ],
            }
        )
    return records


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    parts = [actor.country or "?", actor.role]
    if actor.name:
        parts.append(actor.name)
    return "/".join(parts)


def _event_lines(event: Event) -> list[str]:
    place = "-"
    if event.place is not None:
        p = event.place
        place = f"{p.surface!r} -> {p.name or '?'}"
        if p.geonameid is not None:
            place += f" ({p.geonameid}, {p.feature or '?'}, {p.country or '?'})"
    time = "-"
    if event.time is not None:
        t = event.time
        what = (
            "document date"
            if t.anchor == "document" and not t.surface.strip(" -0123456789")
            else repr(t.surface)
        )
        time = f"{what} = {t.earliest}..{t.latest}"
    lines = [
        f"  -> {event.type}  [{event.event_id}]  confidence {event.confidence:.2f}",
        f"       actor {_actor(event.actor)}   target {_actor(event.target)}",
        f"       place {place}",
        f"       time  {time}",
        f"       status {event.status}   claimant {_actor(event.claimant)}"
        f"   modality {event.modality}",
    ]
    numbers = []
    if event.fatalities is not None:
        numbers.append(f"fatalities {event.fatalities}")
    if event.injured is not None:
        numbers.append(f"injured {event.injured}")
    if event.amount is not None:
        numbers.append(f"amount {event.amount.value:,.0f} {event.amount.currency or ''}".rstrip())
    if numbers:
        lines.append("       " + "   ".join(numbers))
    if len(event.evidence) > 1:
        others = "; ".join(repr(e.text[:60]) for e in event.evidence[1:])
        lines.append(f"       also from {others}")
    lines.append(f"       rule  {event.rule or '-'}")
    return lines


def _label(span: Span) -> str:
    return f"{span.kind}, boilerplate: never events" if span.is_boilerplate else span.kind


def explain_document(
    doc: Document,
    out: TextIO,
    *,
    mentions: bool = False,
    only_events: bool = False,
    rejected: Sequence[tuple[int, int, int, str, str]] = (),
) -> None:
    """Write the explanation of one processed document to ``out``."""
    by_sentence = _events_by_sentence(doc)
    out.write(
        f"# {doc.source or doc.doc_id}  date {doc.date}  lang {doc.lang}  "
        f"{len(doc.events)} events\n"
    )
    for k, s in enumerate(doc.sentences):
        events = by_sentence.get(k, [])
        if only_events and not events:
            continue
        out.write(f"\n[{k}] ({_label(s)}) {doc.text[s.start : s.end]}\n")
        if mentions:
            for p in doc.places:
                if s.start <= p.start < s.end:
                    out.write(f"    place {p.surface!r} -> {p.name or '?'} ({p.geonameid})\n")
            for t in doc.times:
                if s.start <= t.start < s.end:
                    out.write(
                        f"    time  {t.surface!r} -> {t.earliest}..{t.latest}"
                        f"{'' if t.dating else ' (not dating)'}\n"
                    )
        for event in events:
            out.write("\n".join(_event_lines(event)) + "\n")
        for start, a, b, rule, reason in rejected:
            if start == s.start:
                out.write(f"  x  {doc.text[a:b]!r} ({rule}): no event, {reason}\n")
