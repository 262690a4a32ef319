"""Cross-article fusion and the territorial control timeline.

Pure functions over plain event dicts (``Event.to_dict()`` plus ``doc_id``, ``source``,
``doc_date`` and, when known, ``url`` and ``lang``: the shape ``Store.events()`` yields):

- :func:`fuse` clusters reports of the same real event (:mod:`frontwatch.control.fusion`);
- :func:`build_timeline` / :func:`build_periods` derive each place's control periods
  (:mod:`frontwatch.control.timeline`);
- :mod:`frontwatch.control.query` answers "who held PLACE on DATE", "what changed between D1 and
  D2" and draws the front on a date;
- :mod:`frontwatch.control.storage` keeps clusters and states in the SQLite store, updated in the
  same transaction as each document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from frontwatch.control.fusion import Cluster, fuse, place_key
from frontwatch.control.timeline import (
    CONTESTED,
    ControlPeriod,
    build_periods,
    build_timeline,
)


def periods_from_events(events: Iterable[dict[str, Any]]) -> list[ControlPeriod]:
    """Fuse ``events`` and build every place's control periods in one call."""
    return build_periods(fuse(events))


def events_of_documents(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of ``Document.to_dict()`` dicts, each with its document's id, source, date."""
    events: list[dict[str, Any]] = []
    for doc in documents:
        for event in doc.get("events") or []:
            events.append(
                {
                    **event,
                    "doc_id": doc.get("doc_id"),
                    "source": doc.get("source"),
                    "url": doc.get("url"),
                    "lang": doc.get("lang"),
                    "doc_date": doc.get("date"),
                }
            )
    return events


__all__ = [
    "CONTESTED",
    "Cluster",
    "ControlPeriod",
    "build_periods",
    "build_timeline",
    "events_of_documents",
    "fuse",
    "periods_from_events",
    "place_key",
]
