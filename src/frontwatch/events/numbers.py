"""Numbers in event sentences: casualty counts and amounts of money.

Counts are integers only when the text states them: "zeven mensen om het leven" is 7, "at least
12 killed" is 12, but "tientallen gewonden" (dozens) and "bijna honderd gewonden" (nearly a
hundred) give none. Amounts read decimal commas or points and scale words per language: "2,6
miljard euro" is 2.6e9 EUR, "$400 million" is 4e8 USD.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from frontwatch.events.lexicon import NumberWords
from frontwatch.events.tokens import Token, norms_of

# Tokens a casualty phrase may stretch over between the number and its death or injury word.
_CASUALTY_WINDOW: Final = 8
_STOP: Final = frozenset({".", ";", ":", "!", "?", "(", ")", '"', "'"})


# Values, never changed once built, though not frozen: mypyc compiles an ``__init__`` written in
# the class, while the one ``@dataclass`` generates runs interpreted (about five times the cost
# of building an instance), and a frozen class could only assign through ``object.__setattr__``.
@dataclass(slots=True, unsafe_hash=True, init=False)
class NumberSpan:
    i: int
    j: int
    value: float

    def __init__(self, i: int, j: int, value: float) -> None:
        self.i = i
        self.j = j
        self.value = value


@dataclass(slots=True, unsafe_hash=True, init=False)
class AmountSpan:
    i: int
    j: int
    value: float
    currency: str | None

    def __init__(self, i: int, j: int, value: float, currency: str | None) -> None:
        self.i = i
        self.j = j
        self.value = value
        self.currency = currency


@dataclass(slots=True, unsafe_hash=True, init=False)
class CasualtySpan:
    i: int
    j: int
    kind: str  # "killed" | "injured"
    value: int | None  # None: stated vaguely ("tientallen", "bijna honderd")

    def __init__(self, i: int, j: int, kind: str, value: int | None) -> None:
        self.i = i
        self.j = j
        self.kind = kind
        self.value = value


def _digits(text: str, words: NumberWords) -> float | None:
    """A number written in digits with this language's separators ("2,6", "30.000", "2.2")."""
    dec, thou = words.decimal_separator, words.thousands_separator
    parts = text.split(thou)
    # "30.000" in Dutch: groups of three after the first are thousands, not decimals.
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and dec not in parts[-1]:
        text = "".join(parts)
    elif thou in text:
        return None
    text = text.replace(dec, ".")
    try:
        return float(text)
    except ValueError:
        return None


def _word_value(word: str, words: NumberWords) -> float | None:
    """A number word, including Dutch compounds ("eenentwintig", "tweehonderd")."""
    if word in words.units:
        return words.units[word]
    # "tweehonderd", "vijfduizend": a unit glued to the word for a hundred or a thousand
    for big, value in words.units.items():
        if value in (100.0, 1000.0) and word.endswith(big) and word != big:
            head = _word_value(word[: -len(big)], words)
            return head * value if head else None
    joiner = words.compound_joiner
    if joiner and joiner.isalpha():
        for tens, value in words.units.items():
            if value % 10 == 0 and 20 <= value <= 90 and word.endswith(joiner + tens):
                unit = words.units.get(word[: -len(joiner + tens)])
                if unit and unit < 10:
                    return unit + value
    return None


def read_number(tokens: list[Token], i: int, hi: int, words: NumberWords) -> NumberSpan | None:
    """The number starting at token ``i``: digits or words, with an optional scale word."""
    tok = tokens[i]
    j = i + 1
    if tok.norm[:1].isdigit():
        value = _digits(tok.norm, words)
    else:
        value = _word_value(tok.norm, words)
        # "twenty-one": tens, joiner, unit.
        if (
            value is not None
            and words.compound_joiner == "-"
            and j + 1 < hi
            and tokens[j].text == "-"
            and tokens[j + 1].norm in words.units
            and words.units[tokens[j + 1].norm] < 10
        ):
            value += words.units[tokens[j + 1].norm]
            j += 2
    if value is None:
        return None
    # "een kwart miljard": a fraction scales the number before the scale word.
    if j + 1 < hi and tokens[j].norm in words.fractions and tokens[j + 1].norm in words.scales:
        scaled = value * words.fractions[tokens[j].norm] * words.scales[tokens[j + 1].norm]
        return NumberSpan(i, j + 2, scaled)
    if (j < hi and tokens[j].norm in words.scales and tokens[j].norm not in words.units) or (
        j < hi and tokens[j].norm in words.scales and tok.norm[:1].isdigit()
    ):
        value *= words.scales[tokens[j].norm]
        j += 1
    return NumberSpan(i, j, value)


def _phrase_before(
    tokens: list[Token], i: int, lo: int, phrases: frozenset[tuple[str, ...]]
) -> int | None:
    """Start of a phrase of ``phrases`` that ends right before token ``i``."""
    if i - 1 < lo or tokens[i - 1].norm not in _last_words(phrases):
        return None  # no phrase ends with the word before (the usual case)
    norms = norms_of(tokens, max(lo, i - 3), i)
    for length in range(len(norms), 0, -1):
        if norms[-length:] in phrases:
            return i - length
    return None


_LAST_WORDS: Final[dict[int, tuple[frozenset[tuple[str, ...]], frozenset[str]]]] = {}


def _last_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words the phrases end with (cached; the phrase set is kept alive with its key)."""
    entry = _LAST_WORDS.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        entry = _LAST_WORDS[id(phrases)] = (phrases, frozenset(p[-1] for p in phrases if p))
    return entry[1]


_FIRST_WORDS: Final[dict[int, tuple[frozenset[tuple[str, ...]], frozenset[str]]]] = {}


def _first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words the phrases start with (cached; the phrase set is kept alive with its key)."""
    entry = _FIRST_WORDS.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        entry = _FIRST_WORDS[id(phrases)] = (phrases, frozenset(p[0] for p in phrases if p))
    return entry[1]


def _phrase_at(
    tokens: list[Token], i: int, hi: int, phrases: frozenset[tuple[str, ...]]
) -> int | None:
    """End of the longest phrase of ``phrases`` starting at token ``i``."""
    if tokens[i].norm not in _first_words(phrases):
        return None
    norms = norms_of(tokens, i, min(hi, i + 4))
    for length in range(len(norms), 0, -1):
        if norms[:length] in phrases:
            return i + length
    return None


def find_amounts(
    tokens: list[Token],
    lo: int,
    hi: int,
    words: NumberWords,
    positions: list[int] | None = None,
) -> list[AmountSpan]:
    """Money amounts: a currency sign or word next to a number ("$400 million", "2,6 miljard euro").

    ``positions``, when given, are the tokens that may start one (numbers, currency signs).
    """
    found: list[AmountSpan] = []
    starts = positions if positions is not None else range(lo, hi)
    i = lo
    for i in starts:
        if found and i < found[-1].j:
            continue
        symbol = words.currencies.get(tokens[i].norm) if not tokens[i].is_word else None
        start = i + 1 if symbol else i
        if start < hi and (tokens[start].norm[:1].isdigit() or tokens[start].norm in words.units):
            num = read_number(tokens, start, hi, words)
            if num is not None:
                currency = symbol
                j = num.j
                qualified = (
                    words.qualified_currencies.get((tokens[j].norm, tokens[j + 1].norm))
                    if currency is None and j + 1 < hi
                    else None
                )
                if qualified is not None:
                    currency, j = qualified, j + 2
                elif currency is None and j < hi and tokens[j].norm in words.currencies:
                    currency = words.currencies[tokens[j].norm]
                    j += 1
                if currency is not None:
                    found.append(AmountSpan(i, j, num.value, currency))
    return found


def find_casualties(
    tokens: list[Token],
    lo: int,
    hi: int,
    words: NumberWords,
    positions: list[int] | None = None,
    timed: frozenset[int] = frozenset(),
) -> list[CasualtySpan]:
    """Counts of killed and injured people stated in tokens ``[lo, hi)``.

    ``positions``, when given, are the tokens that may start a count (numbers, number words);
    ``timed`` are tokens of time expressions, which may stand between a verb and its count
    ("doodde donderdag zeven mensen").
    """
    found: list[CasualtySpan] = []
    vague_first = _first_words(words.vague)
    for i in positions if positions is not None else range(lo, hi):
        norm = tokens[i].norm
        is_number = norm[:1].isdigit() or norm in words.units
        if not is_number and norm not in vague_first:
            continue
        vague = _phrase_at(tokens, i, hi, words.vague)
        if not is_number and vague is None:
            continue
        if vague is not None:
            value: float | None = None
            j = vague
        else:
            if (
                norm in words.units
                and words.units[norm] == 1
                and not any(t.norm in words.person_nouns for t in tokens[i + 1 : min(hi, i + 4)])
            ):
                continue  # "een" is mostly an article: a count of one needs its person noun
            num = read_number(tokens, i, hi, words)
            if num is None:
                continue
            value, j = num.value, num.j
            if _phrase_before(tokens, i, lo, words.discard) is not None:
                value = None
        # Years, percentages and money are not people.
        if j < hi and (tokens[j].text in ("%",) or tokens[j].norm in words.currencies):
            continue
        if i > lo and tokens[i - 1].norm in words.currencies:
            continue
        # the verb that governs the count decides before a death or injury word further on:
        # "killed 12 people and wounded 40" (12 killed)
        kind = (
            _governing_verb_kind(tokens, i, lo, words, timed)
            or _casualty_kind(tokens, j, hi, words)
            or _casualty_kind_before(tokens, i, lo, words)
        )
        if kind is None:
            continue
        count = int(value) if value is not None and value == int(value) else None
        found.append(CasualtySpan(i, j, kind, count))
    return found


_KIND_FIRSTS: Final[dict[int, tuple[NumberWords, frozenset[str], frozenset[str]]]] = {}


def _kind_firsts(words: NumberWords) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of injury and of death phrases, built once per language."""
    entry = _KIND_FIRSTS.get(id(words))
    if entry is None or entry[0] is not words:
        injury = _first_words(words.injury_nouns) | _first_words(words.injury_phrases)
        death = _first_words(words.death_nouns) | _first_words(words.death_phrases)
        entry = _KIND_FIRSTS[id(words)] = (words, injury, death)
    return entry[1], entry[2]


def _casualty_kind(tokens: list[Token], j: int, hi: int, words: NumberWords) -> str | None:
    """What the number before token ``j`` counts: "killed", "injured" or nothing."""
    # Dutch verb-final: "kwamen bij de aanval zeker achttien mensen om", "... 21 mensen om, onder
    # wie twee kinderen", also before another count: "kwamen twaalf mensen om en raakten veertig
    # gewond"
    if (
        j + 1 < hi
        and tokens[j].norm in words.person_nouns
        and tokens[j + 1].norm in words.death_particles
    ):
        return "killed"
    end = min(hi, j + _CASUALTY_WINDOW)
    injury_first, death_first = _kind_firsts(words)
    for k in range(j, end):
        tok = tokens[k]
        norm = tok.norm
        if norm in _STOP or (k > j and (norm[:1].isdigit() or tok.text == ",")):
            break  # the count's phrase ends here; a split verb may still close it ("om,")
        if norm in injury_first and (
            _phrase_at(tokens, k, hi, words.injury_nouns)
            or _phrase_at(tokens, k, hi, words.injury_phrases)
        ):
            return "injured"
        if norm in death_first and (
            _phrase_at(tokens, k, hi, words.death_nouns)
            or _phrase_at(tokens, k, hi, words.death_phrases)
        ):
            return "killed"
    return None


def _counts_people(tokens: list[Token], i: int, words: NumberWords) -> bool:
    """The number at ``i`` counts people: a person noun follows it, or nothing does
    ("killing four people", "killing four", not "destroying four tanks")."""
    end = read_number(tokens, i, len(tokens), words)
    j = end.j if end is not None else i + 1
    if j >= len(tokens) or not tokens[j].is_word:
        return True
    return any(t.norm in words.person_nouns for t in tokens[j : j + 3])


def _governing_verb_kind(
    tokens: list[Token], i: int, lo: int, words: NumberWords, timed: frozenset[int]
) -> str | None:
    """ "killing four people", "wounding at least 20", "doodde donderdag zeven mensen": a verb
    of killing or wounding governs N, a time phrase may stand between."""
    k = _phrase_before(tokens, i, lo, words.approximate)
    verb_at = (k if k is not None else i) - 1
    while verb_at in timed:
        verb_at -= 1
    if verb_at < lo:
        return None
    verb = tokens[verb_at].norm
    kind = (
        "killed" if verb in words.kill_verbs else "injured" if verb in words.injure_verbs else None
    )
    return kind if kind is not None and _counts_people(tokens, i, words) else None


def _casualty_kind_before(tokens: list[Token], i: int, lo: int, words: NumberWords) -> str | None:
    """ "Het aantal doden is gestegen tot dertig": the death noun comes first, then "tot" N."""
    if i - 1 < lo or tokens[i - 1].norm not in words.rise_preps:
        # allow an approximation word in between: "tot zeker dertig"
        k = _phrase_before(tokens, i, lo, words.approximate)
        if k is None or k - 1 < lo or tokens[k - 1].norm not in words.rise_preps:
            return None
    # "Het dodental van de raketaanval op een restaurant in het centrum van X is gestegen tot
    # elf": the noun may stand a long way before
    for k in range(max(lo, i - 24), i):
        if _phrase_at(tokens, k, i, words.death_nouns):
            return "killed"
        if _phrase_at(tokens, k, i, words.injury_nouns):
            return "injured"
    return None
