"""Cue words around a place name that qualify a territory event.

- ``inside``: "Russian troops reached the eastern outskirts of Toretsk" makes Toretsk contested;
  "Russian troops are closing in on Toretsk" does not.
- ``partial``: "Wagner claims the eastern part of Bakhmut" is not the capture of Bakhmut.
- ``whole``: "the whole Luhansk region": only such statements give a region a control state.
- ``near``: "retook a square kilometre on the southern flank of Bakhmut" happened next to
  Bakhmut, not in it. Counted only right before the name (a few filler words between).

The words are data (``data/lang/<lang>/control.toml``); this module finds them, only within a
few words of the place name, so that in "troops entered the centre of Kupiansk and advanced
towards Izium" the cue belongs to Kupiansk alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from frontwatch.control.fusion import settings
from frontwatch.resources import load_lang_data

CUE_KINDS: tuple[str, ...] = ("inside", "partial", "whole", "near")


def fold_same_length(text: str) -> str:
    """``text`` case- and diacritic-folded character by character, offsets unchanged."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    ).casefold()
    return base if len(base) == 1 else (char.casefold()[:1] or char)


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    folder = resources.files("frontwatch").joinpath("data", "lang")
    return tuple(
        sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.is_dir() and entry.joinpath("control.toml").is_file()
        )
    )


@lru_cache(maxsize=32)
def cue_patterns(lang: str | None) -> dict[str, re.Pattern[str] | None]:
    """One regex per cue kind for ``lang``, or for every language with cues when unknown."""
    langs = (lang,) if lang in _languages() else _languages()
    words: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    for code in langs:
        data: dict[str, Any] = load_lang_data(code, "control")
        for kind in CUE_KINDS:
            words[kind].update(fold_same_length(str(w)).strip() for w in data.get(kind) or [])
    fillers: set[str] = set()
    relatives: set[str] = set()
    for code in langs:
        data = load_lang_data(code, "control")
        fillers.update(fold_same_length(str(w)).strip() for w in data.get("near_fillers") or [])
        relatives.update(
            fold_same_length(str(w)).strip() for w in data.get("relative_pronouns") or []
        )
    relatives.discard("")
    patterns: dict[str, re.Pattern[str] | None] = {}
    for kind, cues in words.items():
        cues.discard("")
        if not cues:
            patterns[kind] = None
            continue
        alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        if kind == "near":
            # The cue, then at most three filler words, then the end of the text before the name.
            filler = "|".join(re.escape(f) for f in sorted(fillers, key=len, reverse=True))
            between = rf"(?:\s+(?:{filler})){{0,3}}" if filler else ""
            patterns[kind] = re.compile(rf"(?<!\w)(?:{alternatives}){between}\s*$")
        else:
            patterns[kind] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    if relatives:
        alternatives = "|".join(re.escape(r) for r in sorted(relatives, key=len, reverse=True))
        patterns["relative"] = re.compile(rf"^\W{{0,3}}(?:{alternatives})(?!\w)")
    else:
        patterns["relative"] = None
    return patterns


def _place_positions(event: dict[str, Any], text: str, offset: int | None) -> list[int]:
    """Where the place name sits in ``text`` (the evidence), as character positions."""
    place = event.get("place") or {}
    start = place.get("start")
    if isinstance(start, int) and offset is not None and 0 <= start - offset < len(text):
        return [start - offset]
    surface = place.get("surface") or place.get("name")
    if not surface:
        return []
    needle = fold_same_length(str(surface))
    folded = fold_same_length(text)
    return [m.start() for m in re.finditer(re.escape(needle), folded)]


def cues_near_place(event: dict[str, Any]) -> set[str]:
    """The cue kinds (``inside``, ``partial``, ``whole``, ``near``) around the event's place.

    When the place name cannot be located in the evidence, the whole evidence counts: the
    sentence is then all we know.
    """
    timeline = settings()["timeline"]
    before, after = int(timeline["cue_window_before"]), int(timeline["cue_window_after"])
    patterns = cue_patterns(event.get("lang"))
    found: set[str] = set()
    surface_len = len(str((event.get("place") or {}).get("surface") or ""))
    for evidence in event.get("evidence") or []:
        if not isinstance(evidence, dict):
            continue
        text = str(evidence.get("text") or "")
        folded = fold_same_length(text)
        offset = evidence.get("start") if isinstance(evidence.get("start"), int) else None
        positions = _place_positions(event, text, offset)
        windows = (
            [(max(0, p - before), p + surface_len + after) for p in positions]
            if positions
            else [(0, len(folded))]
        )
        relative = patterns.get("relative")
        for kind, pattern in patterns.items():
            if pattern is None or kind in found or kind == "relative":
                continue
            if kind == "near":
                # Only what directly precedes the name: "flank of Bakhmut", "bij het dorp X";
                # unless a relative clause about the place follows it ("bij X, dat ... werd
                # bevrijd": the event is X's own).
                for p in positions:
                    if not pattern.search(folded[max(0, p - before) : p]):
                        continue
                    rest = folded[p + surface_len : p + surface_len + 12]
                    if relative is None or not relative.search(rest):
                        found.add(kind)
                        break
                continue
            for low, high in windows:
                # The cue must lie inside the window; a cue straddling its edge still counts.
                if any(m.start() < high and m.end() > low for m in pattern.finditer(folded)):
                    found.add(kind)
                    break
    return found


__all__ = ["CUE_KINDS", "cue_patterns", "cues_near_place", "fold_same_length"]
