"""Language knowledge for place recognition, read from data files.

``data/lang/<lang>/places.toml`` holds what is specific to a language (cue words such as
"regio"/"oblast", titles that announce a person, vessel nouns, demonyms, stop words);
``data/gazetteer/names.toml`` what is not (organisations and media, persons, given names,
club prefixes). Adding a language is adding a file; nothing here names a language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final

from frontwatch.places.keys import fold_key

_QUOTES: Final = frozenset("\"“”‘’'")
CUE_KINDS: Final = ("region", "city", "river", "district", "island", "base", "plant", "near")


def _read_toml(path: str) -> dict:
    try:
        text = resources.files("frontwatch").joinpath(f"data/{path}").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return tomllib.loads(text)


@dataclass(frozen=True)
class Lexicon:
    """Everything recognition needs to know about one language (plus the shared names)."""

    lang: str
    possessive_suffixes: tuple[str, ...] = ()
    inflection_suffixes: tuple[str, ...] = ()
    stop_words: frozenset[str] = frozenset()
    cues_before: dict[str, str] = field(default_factory=dict)  # folded phrase -> kind
    cues_after: dict[str, str] = field(default_factory=dict)
    vessels: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    org_after: frozenset[str] = frozenset()
    org_before: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)  # folded word -> ISO3
    organisations: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    club_prefixes: frozenset[str] = frozenset()  # folded; abbreviations as written
    connectors: frozenset[str] = frozenset()
    max_cue_words: int = 1
    cue_last_words: frozenset[str] = frozenset()  # last words of the phrases in cues_before
    gap_words: frozenset[str] = frozenset()  # may stand between a cue and the name
    max_after_words: int = 1  # most words of a phrase in cues_after ("air base")
    # Heads of compound titles ("separatistenleider"): a word ending in one is a title.
    person_title_heads: tuple[str, ...] = ()
    speech_after: frozenset[str] = frozenset()  # "Bell said": a person speaks
    speech_before: frozenset[str] = frozenset()  # "zei Bell", "aldus Bell"
    # Capitalised words that head an organisation's name ("Organization", "Council") and the
    # lower-case words that may join its parts ("for", "of"): "Council of Europe".
    org_heads: frozenset[str] = frozenset()
    org_joiners: frozenset[str] = frozenset()
    # Articles that rivers take and settlements do not ("de Dnipro", "the Dnipro").
    river_articles: frozenset[str] = frozenset()
    # Plural endings of nouns ("regions", "regio's" -> "regios", "oblasten"): a plural cue
    # after a list covers all of its names ("the Ryazan and Saratov regions").
    plural_suffixes: tuple[str, ...] = ("s",)
    # Letter groups the language's romanisation of Ukrainian/Russian never writes ("aa"):
    # a word holding one is matched by its spelling only, not by its skeleton.
    foreign_graphemes: tuple[str, ...] = ()
    # Articles that never stand right before a town's name in this language ("de Moskva" is a
    # ship, "de Dnipro" the river): a name read only as towns after one is no town.
    articles_not_before_towns: frozenset[str] = frozenset()
    # Of those, the ones that are also a subject pronoun ("het") and the subordinators after
    # which they are one: in "dat het Robotyne heeft ingenomen" the town is the object.
    pronoun_articles: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    # Endings that make a feminine given name of a masculine one (Slavic "Yaroslav" ->
    # "Yaroslava", "Oleksandr" -> "Oleksandra"), so the list of given names need not hold both.
    feminine_name_endings: tuple[str, ...] = ()
    # Capitalised nouns after a name that make the whole a street or square named after a
    # person or town ("Pushkin Square"): no mention of the town.
    street_after: frozenset[str] = frozenset()
    # Distances stated after a name ("Ivankiv, zo'n tachtig kilometer ten noordwesten van de
    # hoofdstad"): units with their length in km, and number words with their value.
    distance_units: dict[str, float] = field(default_factory=dict)
    # Words (one or two) that open a list of members of what a cue names ("four regions,
    # including Donetsk", "de regio's, waaronder Cherson", "cities such as Kharkiv"): the cue
    # reaches over them.
    inclusion_words: frozenset[str] = frozenset()
    inclusion_last_words: frozenset[str] = frozenset()  # the last word of each of them
    number_words: dict[str, float] = field(default_factory=dict)
    # Answers of is_person_title by word: the same words recur before every name of a text,
    # and trying every title head on each is the costly part.
    title_answers: dict[str, bool] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def is_person_title(self, folded: str) -> bool:
        """A title or function ("president"), also as the head of a compound
        ("separatistenleider", "legercommandant")."""
        answer = self.title_answers.get(folded)
        if answer is None:
            answer = folded in self.person_titles or (
                bool(self.person_title_heads)
                and len(folded) > 5
                and _ends_in_title(self.person_title_heads, folded)
            )
            if len(self.title_answers) > 50_000:
                self.title_answers.clear()
            self.title_answers[folded] = answer
        return answer

    def is_given_name(self, folded: str) -> bool:
        """A given name ("yaroslav"), also in a feminine form the list lacks ("yaroslava")."""
        if folded in self.given_names:
            return True
        return any(
            folded.endswith(ending) and folded[: -len(ending)] in self.given_names
            for ending in self.feminine_name_endings
        )

    def is_club_prefix(self, word: str) -> bool:
        """ "Dynamo", "Sjachtar", "FC"... (short ones only as written: "AS", not "As")."""
        return (word if len(word) <= 3 else fold_key(word)) in self.club_prefixes

    def cue_before(self, words: list[str]) -> str | None:
        """The kind of place announced by the words just before a name (folded, nearest
        last): "de regio" -> region, "the city of" -> city. An article or "of" may sit
        between the cue and the name."""
        if not words:
            return None
        if self.cue_last_words.isdisjoint(words[-4:]):
            return None  # the common case: nothing before the name announces a kind
        trimmed = list(words)
        for attempt in range(2):
            while trimmed and (trimmed[-1] in self.gap_words or trimmed[-1] in _QUOTES):
                trimmed.pop()  # also quotes: "de 'volksrepublieken' Donetsk en Loegansk"
            if trimmed and trimmed[-1] in self.inclusion_last_words:
                # "four Ukrainian regions, including Donetsk", "cities such as Kharkiv"
                for n in (2, 1):
                    if len(trimmed) >= n and " ".join(trimmed[-n:]) in self.inclusion_words:
                        del trimmed[-n:]
                        if trimmed and trimmed[-1] == ",":
                            trimmed.pop()
                        break
            for n in range(min(self.max_cue_words, len(trimmed)), 0, -1):
                phrase = " ".join(trimmed[-n:])
                if phrase in self.cues_before:
                    return self.cues_before[phrase]
            # One adjective may stand between: "de oostelijke regio X" is handled by the
            # phrase itself, "the outskirts of occupied X" by dropping "occupied".
            last = trimmed[-1] if trimmed else ""
            if (
                attempt
                or len(last) < 4
                or not last.isalpha()
                or last in self.connectors
                or last in self.stop_words
                or last in self.cues_before
            ):
                break  # only a content word (an adjective) may be skipped
            trimmed.pop()
        return None


def _ends_in_title(heads: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` is a compound whose head is one of ``heads``."""
    return any(folded.endswith(h) and len(folded) >= len(h) + 3 for h in heads)


def _fold_all(words: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words if fold_key(w))


@lru_cache(maxsize=32)
def lexicon(lang: str | None) -> Lexicon:
    """The lexicon for ``lang``; English conventions fill in for a language without a file."""
    shared = _read_toml("gazetteer/names.toml")
    code = lang if lang and re.fullmatch(r"[a-z]{2,3}", lang) else "en"
    data = _read_toml(f"lang/{code}/places.toml") or _read_toml("lang/en/places.toml")
    recognition = data.get("recognition", {})
    cues = data.get("cues", {})
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    gap_words = _fold_all(cues.get("gap_words", []))
    for kind in CUE_KINDS:
        for word in cues.get(kind, []):
            parts = fold_key(word).split()
            while len(parts) > 1 and parts[-1] in gap_words:
                parts.pop()  # "rand van" is found as "rand" once articles are trimmed
            before.setdefault(" ".join(parts), kind)
    for kind in CUE_KINDS:
        for word in cues.get(f"{kind}_after", []):
            after[fold_key(word)] = kind
    for word in cues.get("river", []):
        after.setdefault(fold_key(word), "river")
    for word in cues.get("base", []):
        after.setdefault(fold_key(word), "base")
    for word in cues.get("island", []):
        after.setdefault(fold_key(word), "island")
    demonyms: dict[str, str] = {}
    for iso3, words in data.get("demonyms", {}).items():
        for w in words:
            demonyms[fold_key(w).strip()] = iso3
    max_cue = max((len(k.split()) for k in before), default=1)
    return Lexicon(
        lang=code,
        possessive_suffixes=tuple(recognition.get("possessive_suffixes", [])),
        inflection_suffixes=tuple(recognition.get("inflection_suffixes", [])),
        stop_words=_fold_all(recognition.get("stop_words", [])),
        cues_before=before,
        cues_after=after,
        vessels=_fold_all(cues.get("vessel", [])),
        person_titles=_fold_all(cues.get("person_titles", [])),
        org_after=_fold_all(cues.get("org_after", [])),
        org_before=_fold_all(cues.get("org_before", [])),
        demonyms=demonyms,
        organisations=_fold_all(shared.get("organisations", [])),
        persons=_fold_all(shared.get("persons", [])),
        given_names=_fold_all(shared.get("given_names", [])),
        club_prefixes=frozenset(
            fold_key(w) if len(w) > 3 else w for w in shared.get("club_prefixes", [])
        ),
        connectors=frozenset(fold_key(w) or w for w in recognition.get("connectors", [","])),
        max_cue_words=max_cue,
        cue_last_words=frozenset(k.split()[-1] for k in before),
        gap_words=gap_words,
        max_after_words=max((len(k.split()) for k in after), default=1),
        person_title_heads=tuple(sorted(_fold_all(cues.get("person_title_heads", [])))),
        speech_after=_fold_all(cues.get("speech_after", [])),
        speech_before=_fold_all(cues.get("speech_before", [])),
        org_heads=_fold_all(cues.get("org_heads", [])),
        org_joiners=_fold_all(cues.get("org_joiners", [])),
        river_articles=_fold_all(cues.get("river_articles", [])),
        plural_suffixes=tuple(recognition.get("plural_suffixes", ["s"])),
        articles_not_before_towns=_fold_all(recognition.get("articles_not_before_towns", [])),
        pronoun_articles=_fold_all(recognition.get("pronoun_articles", [])),
        subordinators=_fold_all(recognition.get("subordinators", [])),
        feminine_name_endings=tuple(
            fold_key(e) for e in recognition.get("feminine_name_endings", [])
        ),
        street_after=_fold_all(cues.get("street_after", [])),
        inclusion_words=_fold_all(recognition.get("inclusion_words", [])),
        inclusion_last_words=frozenset(
            fold_key(w).split()[-1] for w in recognition.get("inclusion_words", [])
        ),
        distance_units={
            fold_key(k): float(v) for k, v in data.get("distance", {}).get("units", {}).items()
        },
        number_words={
            fold_key(k): float(v) for k, v in data.get("distance", {}).get("numbers", {}).items()
        },
        foreign_graphemes=tuple(fold_key(g) for g in recognition.get("foreign_graphemes", [])),
    )


def country_of_adjective(word: str, lang: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-3 country an adjective or demonym names, if any.

    >>> country_of_adjective("Oekraïense", "nl")
    'UKR'
    >>> country_of_adjective("British", "en")
    'GBR'
    """
    return lexicon(lang).demonyms.get(fold_key(word))


__all__ = ["CUE_KINDS", "Lexicon", "country_of_adjective", "lexicon"]
