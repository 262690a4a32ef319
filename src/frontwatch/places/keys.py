"""Name keys: how differently romanised spellings of one name come to meet.

Two keys are computed for every name in the gazetteer and every candidate word in a text:

* :func:`fold_key` -- the spelling itself, case- and accent-folded ("Oekraïne" -> "oekraine").
  World cities, countries and exonyms ("Boedapest", "Parijs") are matched this way only.
* :func:`name_key` -- a phonetic *skeleton* of the spelling read as a romanisation of
  Ukrainian or Russian. A text word is first rewritten into a canonical romanisation (kh, ch,
  sh, zh, ts, y) by its language's table (``data/lang/<lang>/places.toml``: Dutch "tsj" -> ch,
  "oe" -> u, "ch" -> kh; German "sch" -> sh, "w" -> v ...); a Cyrillic word by the Cyrillic
  table (``data/gazetteer/cyrillic.toml``). The skeleton then folds what romanisations
  disagree on: g/h, y/j/i, s/z/sh/zh, doubled letters, and the glide "i" between a consonant
  and a vowel (Zaporizhzhia/Zaporizja, Sievierodonetsk/Sjevjerodonetsk).

So Loegansk, Luhansk, Lugansk and Луганськ all key to "luhansk", and Voehledar, Vuhledar and
Wuhledar to "vuhledar" (Угледар/Ugledar to "uhledar", which the gazetteer holds as an
alternate name of the same town). Keys are a rule, not a list of pairs: a spelling nobody
listed meets its place as long as it follows its language's romanisation.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final

# Letters that carry no accent in NFKD but must be folded all the same.
_FOLD_SPECIAL: Final = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ı": "i",
        "ß": "ss",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "‘": "'",
        "´": "'",
    }
)
_APOSTROPHES: Final = re.compile(r"['\"]")
_SEPARATORS: Final = re.compile(r"[\s\-‐‑–—_./,]+")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04FF]")
_VOWELS: Final = "aeiouyаеёиіїоуыэюяє"

# Accented Latin letters whose romanisation value differs from the bare letter; applied after
# a language's own table, for names of unknown language (GeoNames alternate names).
_LATIN_DIACRITICS: Final[dict[str, str]] = {
    "č": "ch",
    "š": "sh",
    "ž": "zh",
    "ż": "zh",
    "ź": "z",
    "ś": "s",
    "ć": "ts",
    "ń": "n",
    "ř": "rzh",
    "ě": "ye",
    "ů": "u",
    "ș": "sh",
    "ş": "sh",
    "ț": "ts",
    "ţ": "ts",
    "ç": "ch",
    "ğ": "g",
    "ł": "l",
    "ą": "on",
    "ę": "en",
}

# Skeleton: canonical digraphs to one symbol each, then the folds (see module docstring).
_SKELETON_GRAPHEMES: Final = {
    "shch": "sc",
    "kh": "x",
    "ch": "c",
    "zh": "s",
    "sh": "s",
    "z": "s",
    "g": "h",
    "y": "i",
    "j": "i",
    "w": "v",
    "ph": "f",
    "q": "k",
}
_SKELETON_RE: Final = re.compile(
    "|".join(sorted(map(re.escape, _SKELETON_GRAPHEMES), key=len, reverse=True))
)
_DOUBLED: Final = re.compile(r"(.)\1+")
_GLIDE: Final = re.compile(r"(?<=[bcdfhklmnprstvx])i(?=[aeou])")
_NOT_KEY: Final = re.compile(r"[^a-z ]+")
_FOREIGN_LETTER: Final = re.compile(r"[^\W\da-zA-Z_]")


def _data_text(path: str) -> str:
    return resources.files("frontwatch").joinpath(f"data/{path}").read_text("utf-8")


@dataclass(frozen=True)
class RomanisationTable:
    """One language's rewrite rules from its press romanisation to the canonical one."""

    lang: str
    rules: dict[str, str] = field(default_factory=dict)

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return _compile_rules(tuple(sorted(self.rules.items())))


@lru_cache(maxsize=64)
def _compile_rules(items: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not items:
        return None
    graphemes = sorted((g for g, _ in items), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, graphemes)))


@lru_cache(maxsize=32)
def romanisation_table(lang: str | None) -> RomanisationTable:
    """The transliteration table of ``data/lang/<lang>/places.toml`` (empty if none)."""
    if not lang or not re.fullmatch(r"[a-z]{2,3}", lang):
        return RomanisationTable(lang or "")
    try:
        data = tomllib.loads(_data_text(f"lang/{lang}/places.toml"))
    except (FileNotFoundError, OSError):
        return RomanisationTable(lang)
    rules = {str(k).lower(): str(v).lower() for k, v in data.get("transliteration", {}).items()}
    return RomanisationTable(lang, rules)


def table_languages() -> list[str]:
    """Languages that ship a romanisation table (the gazetteer keys names under each)."""
    base = resources.files("frontwatch").joinpath("data/lang")
    langs = []
    for entry in base.iterdir():
        if entry.is_dir() and entry.joinpath("places.toml").is_file():
            langs.append(entry.name)
    return sorted(langs)


@lru_cache(maxsize=1)
def _cyrillic() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    data = tomllib.loads(_data_text("gazetteer/cyrillic.toml"))
    letters = {k: v for k, v in data["letters"].items()}
    iotated = {k: (v[0], v[1]) for k, v in data.get("iotated", {}).items()}
    return letters, iotated


def cyrillic_to_latin(text: str) -> str:
    """Romanise Ukrainian/Russian Cyrillic into the canonical Latin spelling (lower case).

    >>> cyrillic_to_latin("Луганськ")
    'luhansk'
    """
    letters, iotated = _cyrillic()
    out: list[str] = []
    prev = ""
    for ch in text.lower():
        if ch in iotated:
            after_consonant = prev.isalpha() and prev not in _VOWELS and prev not in "ьъ"
            out.append(iotated[ch][1] if after_consonant else iotated[ch][0])
        elif ch in letters:
            out.append(letters[ch])
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


def strip_accents(text: str) -> str:
    text = text.translate(_FOLD_SPECIAL)
    if text.isascii():
        return text  # nothing to decompose (most words of Dutch and English text)
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed  # no combining mark left to drop
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# fold_key's results by text. A plain dict, not ``lru_cache``: compiled, a call through the
# cache's wrapper is a Python call (about 500 instructions); the places and events stages ask
# for some 600 words an article, and words repeat.
_FOLDED: Final[dict[str, str]] = {}


def fold_key(text: str) -> str:
    """The spelling itself, folded: lower case, no accents or apostrophes, one space between
    words (hyphens count as spaces).

    >>> fold_key("Oekraïne")
    'oekraine'
    >>> fold_key("Ivano-Frankivsk")
    'ivano frankivsk'
    """
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", strip_accents(text.casefold()))).strip()
        if len(_FOLDED) >= 200_000:  # within bounds: start over
            _FOLDED.clear()
        _FOLDED[text] = folded
    return folded


def canonical(text: str, lang: str | None = None) -> str:
    """Rewrite a spelling into the canonical romanisation, reading Latin letters by the
    conventions of ``lang`` and Cyrillic ones by the Cyrillic table."""
    lowered = unicodedata.normalize("NFC", text.translate(_FOLD_SPECIAL).lower())
    if _CYRILLIC.search(lowered):
        lowered = cyrillic_to_latin(lowered)
    table = romanisation_table(lang)
    pattern = table.pattern
    if pattern is not None:
        lowered = pattern.sub(lambda m: table.rules[m.group(0)], lowered)
    if not lowered.isascii():  # (the diacritics are all outside ASCII)
        lowered = "".join(_LATIN_DIACRITICS.get(c, c) for c in lowered)
    return strip_accents(lowered)


def skeleton(canonical_text: str) -> str:
    """Fold a canonical romanisation to its skeleton (see the module docstring). A word
    left with letters of another script (Serbian "љ", Chuvash "ӳ", Greek...) has no
    skeleton: dropping those letters would make it collide with unrelated names."""
    if _FOREIGN_LETTER.search(canonical_text):
        return ""
    text = _APOSTROPHES.sub("", canonical_text.lower())
    text = _SEPARATORS.sub(" ", text)
    text = _NOT_KEY.sub("", text)
    text = _SKELETON_RE.sub(lambda m: _SKELETON_GRAPHEMES[m.group(0)], text)
    text = _DOUBLED.sub(r"\1", text)
    text = _GLIDE.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=400_000)
def name_key(text: str, lang: str | None = None) -> str:
    """The romanisation-independent key of a name as written in language ``lang``.

    >>> name_key("Loegansk", "nl") == name_key("Luhansk", "en") == name_key("Луганськ")
    True
    """
    return skeleton(canonical(text, lang))


def name_keys_all_languages(text: str) -> set[str]:
    """Keys of a name of unknown language: its reading under every shipped table."""
    keys = {name_key(text, None)}
    for lang in table_languages():
        keys.add(name_key(text, lang))
    keys.discard("")
    return keys


__all__ = [
    "RomanisationTable",
    "canonical",
    "cyrillic_to_latin",
    "fold_key",
    "name_key",
    "name_keys_all_languages",
    "romanisation_table",
    "skeleton",
    "strip_accents",
    "table_languages",
]
