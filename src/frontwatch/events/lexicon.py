"""A language's event lexicon, compiled once from ``data/lang/<lang>/events.toml``.

The data file says *what* words mean (triggers, actors, cues, grammar words, number words); this
module turns it into matchers and sets the engine queries. One engine serves every language that
has such a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Final

from frontwatch.events.tokens import PhraseMatcher, fold, phrase_set, phrase_tokens, word_set
from frontwatch.records import Role
from frontwatch.resources import has_lang_data, load_lang_data

TERRITORIAL: Final = frozenset({"territory.capture", "territory.withdrawal", "territory.advance"})
VIOLENT: Final = frozenset({"combat", "strike"})


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """What a trigger word means and how its arguments are found."""

    type: str
    rule: str
    kind: str = "verb"  # verb | noun | state | fall | loss
    strength: str = "strong"  # strong | weak
    place_preps: frozenset[str] = frozenset()
    actor_preps: frozenset[tuple[str, ...]] = frozenset()
    target_preps: frozenset[str] = frozenset()
    exclude_preps: frozenset[str] = frozenset()  # places these introduce are not the event's
    recapture: bool = False
    object_check: bool = False
    needs_anchor: bool = False
    symmetric: bool = False  # "gevechten": says nothing of who attacks
    patient_subject: bool = False  # "zaten ingesloten": the subject is encircled, not encircling
    defender_subject: bool = (
        False  # "repelled the attack": the subject defends; the other side attacks
    )
    # "left": an event only when an armed force (not a government) is the actor
    needs_force: bool = False
    # "persconferentie", "press conference": diplomacy only with a foreign party named
    needs_counterpart: bool = False
    # "give Ukraine tanks": aid only when a country follows as the recipient
    recipient_object: bool = False
    # "sprak dinsdag in Washington met Witkoff": a common verb is diplomacy only with a foreign
    # party after "met"/"with"
    counterpart_with: bool = False
    particle: str | None = None  # separable verbs: the particle that must close the clause
    particle_next: frozenset[str] = frozenset()
    # words after the trigger that make it the first half of a compound ("supply lines")
    not_before: frozenset[str] = frozenset()
    # "destroyed a Russian brigade": a force as the object is beaten in a fight, no strike
    thing_object: bool = False

    @property
    def territorial(self) -> bool:
        return self.type in TERRITORIAL


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A lexicon actor: a named entity, a country, a role noun, a demonym..."""

    kind: str  # named | country | metonym | demonym | role | proxy_marker
    country: str | None = None
    role: Role = "unknown"
    name: str | None = None


@dataclass(slots=True)
class NumberWords:
    units: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    fractions: dict[str, float] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    # "Canadian dollars", "Canadese dollar": a currency word that a qualifier before it names
    qualified_currencies: dict[tuple[str, ...], str] = field(default_factory=dict)
    compound_joiner: str = ""
    decimal_separator: str = "."
    thousands_separator: str = ","
    vague: frozenset[tuple[str, ...]] = frozenset()
    approximate: frozenset[tuple[str, ...]] = frozenset()
    discard: frozenset[tuple[str, ...]] = frozenset()
    death_nouns: frozenset[tuple[str, ...]] = frozenset()
    death_phrases: frozenset[tuple[str, ...]] = frozenset()
    injury_nouns: frozenset[tuple[str, ...]] = frozenset()
    injury_phrases: frozenset[tuple[str, ...]] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    # "kwamen ... om": the particle that closes a split verb of dying (Dutch)
    death_particles: frozenset[str] = frozenset()
    # "gestegen tot dertig": prepositions before the new value of a rising count
    rise_preps: frozenset[str] = frozenset()
    # "killing four people", "doodde drie burgers": verbs whose object is the count
    kill_verbs: frozenset[str] = frozenset()
    injure_verbs: frozenset[str] = frozenset()


@dataclass(slots=True)
class Lexicon:
    lang: str
    triggers: PhraseMatcher
    separable: PhraseMatcher  # stems -> TriggerSpec with a particle
    cues: PhraseMatcher  # phrase -> cue category names
    # separable cue verbs: stem -> (particle, category) ("maakte dat zondag bekend")
    separable_cues: PhraseMatcher
    actors: PhraseMatcher  # phrase -> ActorEntry
    strike_modifiers: frozenset[str]
    # ground weapons: an attack with tanks is an assault even with artillery beside them
    assault_weapons: frozenset[str]
    not_before: frozenset[str]
    fall_not_before: frozenset[str]
    nominal_forms: frozenset[str]
    background: frozenset[str]
    deny_anaphora: frozenset[tuple[str, ...]]
    # "denied any direct involvement": the head noun of a denial's object denying a part
    deny_object_nouns: frozenset[str]
    # "noemt dat een leugen", "called the claim nonsense": what a characterising verb calls
    # what was told when it denies it, and the words that may link the two ("as", "een")
    falsehood_labels: frozenset[tuple[str, ...]]
    falsehood_links: frozenset[str]
    # "accuse each other of shelling": each party blames the other
    reciprocals: frozenset[tuple[str, ...]]
    # "when the columns left Ilovaisk": a clause that sets the scene of the main clause's event
    setting_subordinators: frozenset[str]
    # "the town", "het dorp": a small settlement, never the capital
    minor_settlement_nouns: frozenset[str]
    # "geboren in Simferopol", "born in Kharkiv": a biography's place, no event's
    birth_words: frozenset[str]
    pledge_auxiliaries: frozenset[str]
    state_change: frozenset[str]
    state_keep: frozenset[str]
    determiners: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    relative: frozenset[str]
    subordinators: frozenset[str]
    complementizers: frozenset[str]
    coordinators: frozenset[str]
    agent_preps: frozenset[str]
    pronouns: frozenset[str]
    possessives: frozenset[str]
    place_pronouns: frozenset[str]
    demonstrative_pronouns: frozenset[str]
    locators: PhraseMatcher
    origin_preps: frozenset[str]
    prepositions: frozenset[str]
    place_preps: frozenset[str]
    coordination_fillers: frozenset[str]
    object_fillers: frozenset[str]
    topic_preps: frozenset[str]
    # "agreed", "ondertekende": verbs of agreeing, whose object may be another act
    agreement_verbs: frozenset[str]
    # "bezocht", "visited": a visit is diplomacy only abroad or with a foreign party
    visit_words: frozenset[str]
    # "met Poetin", "with Putin": the preposition of a meeting's counterpart
    counterpart_preps: frozenset[str]
    # "erkende", "recognised": recognising a state, or only acknowledging a fact
    recognition_verbs: frozenset[str]
    # "later vandaag", "later today": a time still to come on the day of the report
    later_today: frozenset[tuple[str, ...]]
    # "Iranian-designed", "van Turkse makelij": after a country adjective, who made a weapon
    maker_words: frozenset[str]
    # "most", "many", "de meeste": a quantity opening a noun phrase (a clause's subject)
    quantifiers: frozenset[str]
    # "of", "whether": a complementizer that opens an open question
    open_questions: frozenset[str]
    # "het", "dit": determiners of neuter nouns, the antecedents of a relative "dat"
    neuter_determiners: frozenset[str]
    # "de aanval op de brug": what an attack on infrastructure hits, as words and, where the
    # language compounds, as word endings ("elektriciteitscentrale")
    infrastructure_nouns: frozenset[str]
    infrastructure_endings: tuple[str, ...]
    attack_target_preps: frozenset[str]
    # "vanavond", "tonight": still to come when the clause is not in the past
    rest_of_today: frozenset[tuple[str, ...]]
    object_pronouns: frozenset[str]
    # Particles after a subject-or-object pronoun that make it the object: "blown it up"
    object_particles: frozenset[str]
    plain_relatives: frozenset[str]
    # "haar twaalfde sanctiepakket", "the fifth aid package": an ordinal makes a definite noun
    # a new instance of a series, not a re-mention of an event already told
    series_ordinals: frozenset[str]
    # "which Russian troops have occupied since March": capture verbs that also mean holding,
    # so that "since" with them dates the start of the holding
    holding_forms: frozenset[str]
    # "in supplying": verb forms that stay verbs after a preposition (English gerunds)
    gerund_suffixes: tuple[str, ...]
    # "Vandaag volgden C en D": verbs that repeat the previous event for new places
    continuation_verbs: frozenset[str]
    # Grammatical word classes (see the `[grammar]` comments in the data files)
    auxiliaries: frozenset[str]
    stative_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    place_subject_verbs: frozenset[str]
    expletives: frozenset[str]
    copulas: frozenset[str]
    not_nominal: frozenset[str]
    genitive_preps: frozenset[str]
    beneficiary_preps: frozenset[str]
    recipient_preps: frozenset[str]
    seat_preps: frozenset[str]
    around_preps: frozenset[str]
    regional_adjectives: frozenset[str]
    target_preps: frozenset[str]
    ambiguous_subordinators: frozenset[str]
    temporal_preps: frozenset[str]
    since_preps: frozenset[str]
    # "retook another square kilometre on the flank of X": measures of ground taken
    area_units: frozenset[str]
    # "said ..., adding that": participles of saying that share the speaker before them
    cue_participles: frozenset[str]
    # "aan Oekraïense zijde", "on Ukraine's side": the side a force fights on
    side_preps: frozenset[str]
    side_nouns: frozenset[str]
    conditionals: frozenset[str]
    infinitive_markers: frozenset[str]
    purpose_markers: frozenset[str]
    clause_pronouns: frozenset[str]
    proform_adverbs: frozenset[str]
    that_words: frozenset[str]
    negation_exceptions: frozenset[str]
    negation_follows_verb: bool
    # a relative clause may leave out its relative word before a subject ("the town Ukraine
    # seized"): English may, Dutch ("de stad die Oekraïne innam") may not
    zero_relatives: bool
    go_verbs: frozenset[str]
    go_not_future_before: frozenset[str]
    attributive_ending: str
    participle_endings: tuple[str, ...]
    # "een neergeschoten helikopter": participle endings that take no inflection before a noun
    uninflected_attributive_endings: tuple[str, ...]
    weak_interrogatives: frozenset[str]
    purpose_openers: frozenset[str]
    demonstratives: frozenset[str]
    plural_place_nouns: frozenset[str]
    instrument_preps: frozenset[str]
    inclusion_markers: frozenset[tuple[str, ...]]
    phrase_skippable: frozenset[str]
    part_nouns: frozenset[str]
    # the goal of a movement ("towards Sloviansk"), which a "near" phrase after it does not
    # locate: "attacked towards Sloviansk near Dovhenke" attacked near Dovhenke
    goal_preps: frozenset[str]
    # ... and the proximity phrases ("near", "bij") that then locate the movement
    proximity_locators: frozenset[tuple[str, ...]]
    # "made a breakthrough": verbs whose event-noun object is the subject's act
    light_verbs: frozenset[str]
    # "the Russian defences": a side's defences are what the other side attacks or breaches
    defence_nouns: frozenset[str]
    # "troops loyal to Kiev": the words between a force and the state it serves
    allegiance_phrases: frozenset[tuple[str, ...]]
    # prepositions whose pronoun object is a place ("drove the rebels out of it")
    place_pronoun_preps: frozenset[tuple[str, ...]]
    passive_perfect_auxiliaries: frozenset[str]
    unaccusatives: frozenset[str]
    time_adverbs: frozenset[str]
    state_preps: frozenset[str]
    settlement_nouns: frozenset[str]
    region_nouns: frozenset[str]
    island_nouns: frozenset[str]
    # "het schiereiland", "the peninsula": may be a peninsula that is also a region (Crimea)
    peninsula_nouns: frozenset[str]
    area_nouns: frozenset[str]
    capital_nouns: frozenset[str]
    # "de centrale", "the airfield": a facility named before (an airport, a plant, a dam)
    facility_nouns: frozenset[str]
    settlement_suffixes: tuple[str, ...]
    proxy_markers: PhraseMatcher
    local_officials: frozenset[tuple[str, ...]]
    institutions: frozenset[tuple[str, ...]]
    numbers: NumberWords


def _trigger_spec(entry: dict[str, Any], *, recapture: bool = False) -> TriggerSpec:
    return TriggerSpec(
        type=entry["type"],
        rule=entry["rule"],
        kind=entry.get("kind", "verb"),
        strength=entry.get("strength", "strong"),
        place_preps=word_set(entry.get("place_preps", [])),
        actor_preps=phrase_set(entry.get("actor_preps", [])),
        target_preps=word_set(entry.get("target_preps", [])),
        exclude_preps=word_set(entry.get("exclude_preps", [])),
        recapture=recapture,
        object_check=bool(entry.get("object_check", False)),
        needs_anchor=bool(entry.get("needs_anchor", False)),
        patient_subject=bool(entry.get("patient_subject", False)),
        defender_subject=bool(entry.get("defender_subject", False)),
        recipient_object=bool(entry.get("recipient_object", False)),
        needs_counterpart=bool(entry.get("needs_counterpart", False)),
        counterpart_with=bool(entry.get("counterpart_with", False)),
        needs_force=bool(entry.get("needs_force", False)),
        symmetric=bool(entry.get("symmetric", False)),
        particle=fold(entry["particle"]) if entry.get("particle") else None,
        particle_next=word_set(entry.get("particle_next", [])),
        not_before=word_set(entry.get("not_before", [])),
        thing_object=bool(entry.get("thing_object", False)),
    )


def _numbers(data: dict[str, Any]) -> NumberWords:
    return NumberWords(
        units={fold(k): float(v) for k, v in data.get("units", {}).items()},
        scales={fold(k): float(v) for k, v in data.get("scales", {}).items()},
        fractions={fold(k): float(v) for k, v in data.get("fractions", {}).items()},
        currencies={fold(k): v for k, v in data.get("currencies", {}).items()},
        qualified_currencies={
            phrase_tokens(k): v for k, v in data.get("qualified_currencies", {}).items()
        },
        compound_joiner=data.get("compound_joiner", ""),
        decimal_separator=data.get("decimal_separator", "."),
        thousands_separator=data.get("thousands_separator", ","),
        vague=phrase_set(data.get("vague", [])),
        approximate=phrase_set(data.get("approximate", [])),
        discard=phrase_set(data.get("discard", [])),
        death_nouns=phrase_set(data.get("death_nouns", [])),
        death_phrases=phrase_set(data.get("death_phrases", [])),
        injury_nouns=phrase_set(data.get("injury_nouns", [])),
        injury_phrases=phrase_set(data.get("injury_phrases", [])),
        person_nouns=word_set(data.get("person_nouns", [])),
        death_particles=word_set(data.get("death_particles", [])),
        rise_preps=word_set(data.get("rise_preps", [])),
        kill_verbs=word_set(data.get("kill_verbs", [])),
        injure_verbs=word_set(data.get("injure_verbs", [])),
    )


def _demonyms(lang: str) -> dict[str, str]:
    """Country adjectives and demonyms (folded word -> ISO3), shared with the places package."""
    from frontwatch.places.lexicon import lexicon as places_lexicon

    return dict(places_lexicon(lang).demonyms)


def _actors(data: dict[str, Any], demonyms: dict[str, str]) -> PhraseMatcher:
    m = PhraseMatcher()
    for entry in data.get("named", []):
        actor = ActorEntry(
            "named", entry.get("country"), entry.get("role", "unknown"), entry.get("name")
        )
        for name in entry["names"]:
            m.add(name, actor)
    for country, names in data.get("countries", {}).items():
        for name in names:
            m.add(name, ActorEntry("country", country, "government"))
    for country, names in data.get("metonyms", {}).items():
        for name in names:
            m.add(name, ActorEntry("metonym", country, "government"))
    for word, country in demonyms.items():
        m.add(word, ActorEntry("demonym", country))
        if " " in word:  # the places package folds hyphens to spaces: "pro-russische"
            m.add(word.replace(" ", "-"), ActorEntry("demonym", country))
    roles: tuple[tuple[str, Role], ...] = (
        ("force_nouns", "military"),
        ("government_nouns", "government"),
        ("media_nouns", "media"),
        ("civilian_nouns", "civilian"),
    )
    for key, role in roles:
        for word in data.get(key, []):
            m.add(word, ActorEntry("role", None, role))
    # A local official ("burgemeester", "city council") is a government speaker: listed once,
    # among the local officials, unless a role list names it already ("government troops")
    listed = {word for key, _ in roles for word in data.get(key, [])}
    for word in data.get("local_officials", []):
        if word not in listed:
            m.add(word, ActorEntry("role", None, "government"))
    for suffix in data.get("force_suffixes", []):
        m.add_suffix(suffix, ActorEntry("role", None, "military"))
    return m


# The Lexicon fields that hold phrases (folded token tuples) and those that keep an order; every
# other plain list of the ``[grammar]`` table becomes a set of folded words. Named here rather
# than read off the annotations: compiled with mypyc (``scripts/build_compiled.py``), a class
# keeps its annotations as types, and there ``frozenset[str]`` and ``frozenset[tuple[str, ...]]``
# are both ``frozenset`` (a test holds these names to the annotations).
PHRASE_FIELDS: Final = frozenset(
    {
        "deny_anaphora",
        "reciprocals",
        "later_today",
        "rest_of_today",
        "inclusion_markers",
        "proximity_locators",
        "allegiance_phrases",
        "place_pronoun_preps",
        "local_officials",
        "institutions",
        "falsehood_labels",
    }
)
SEQUENCE_FIELDS: Final = frozenset(
    {
        "infrastructure_endings",
        "gerund_suffixes",
        "participle_endings",
        "uninflected_attributive_endings",
        "settlement_suffixes",
    }
)


def _grammar_words(grammar: dict[str, Any], explicit: dict[str, Any]) -> dict[str, Any]:
    """The Lexicon fields not set in ``explicit``: the ``[grammar]`` lists of their names."""
    words: dict[str, Any] = {}
    for f in fields(Lexicon):
        if f.name in explicit:
            continue
        listed = grammar.get(f.name, [])
        if f.name in PHRASE_FIELDS:
            words[f.name] = phrase_set(listed)
        elif f.name in SEQUENCE_FIELDS:
            words[f.name] = tuple(listed)
        else:
            words[f.name] = word_set(listed)
    return words


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build the matchers and sets of one language's data table."""
    triggers = PhraseMatcher()
    for entry in data.get("triggers", []):
        recaptures = {phrase_tokens(f) for f in entry.get("recapture_forms", [])}
        plain = _trigger_spec(entry)
        again = _trigger_spec(entry, recapture=True)
        for form in entry.get("forms", []):
            triggers.add(form, again if phrase_tokens(form) in recaptures else plain)
        for suffix in entry.get("suffixes", []):
            triggers.add_suffix(suffix, plain)
    separable = PhraseMatcher()
    for entry in data.get("separable", []):
        # several particles may close the same verb ("fired 13 missiles at", "launched ...
        # drones at"): one spec each, tried in the order written
        particles = entry["particle"]
        for particle in [particles] if isinstance(particles, str) else particles:
            spec = _trigger_spec({**entry, "particle": particle})
            for stem in entry["stems"]:
                separable.add(stem, spec)
    cues = PhraseMatcher()
    cue_data = data.get("cues", {})
    for category, phrases in cue_data.items():
        if category in (
            "deny_anaphora",
            "deny_object_nouns",
            "falsehood_labels",
            "falsehood_links",
            "pledge_auxiliaries",
            "state_change",
            "state_keep",
        ):
            continue
        for phrase in phrases:
            cues.add(phrase, category)
    separable_cues = PhraseMatcher()
    for entry in data.get("separable_cues", []):
        for stem in entry["stems"]:
            separable_cues.add(stem, (fold(entry["particle"]), entry["category"]))
    grammar = data.get("grammar", {})
    locators = PhraseMatcher()
    for phrase in grammar.get("locator_phrases", []):
        locators.add(phrase, "locator")
    place_nouns = grammar.get("place_nouns", {})
    actor_data = data.get("actors", {})
    proxy = PhraseMatcher()
    for phrase in actor_data.get("proxy_markers", []):
        proxy.add(phrase, "proxy")
    explicit: dict[str, Any] = dict(
        lang=data.get("lang", ""),
        triggers=triggers,
        separable=separable,
        cues=cues,
        separable_cues=separable_cues,
        actors=_actors(actor_data, _demonyms(data.get("lang", "en"))),
        strike_modifiers=word_set(data.get("trigger_context", {}).get("strike_modifiers", [])),
        assault_weapons=word_set(data.get("trigger_context", {}).get("assault_weapons", [])),
        not_before=word_set(data.get("trigger_context", {}).get("not_before", [])),
        fall_not_before=word_set(data.get("trigger_context", {}).get("fall_not_before", [])),
        nominal_forms=word_set(data.get("trigger_context", {}).get("nominal_forms", [])),
        background=word_set(data.get("trigger_context", {}).get("background", [])),
        deny_anaphora=phrase_set(cue_data.get("deny_anaphora", [])),
        deny_object_nouns=word_set(cue_data.get("deny_object_nouns", [])),
        falsehood_labels=phrase_set(cue_data.get("falsehood_labels", [])),
        falsehood_links=word_set(cue_data.get("falsehood_links", [])),
        pledge_auxiliaries=word_set(cue_data.get("pledge_auxiliaries", [])),
        state_change=word_set(w for p in cue_data.get("state_change", []) for w in p.split()),
        state_keep=word_set(w for p in cue_data.get("state_keep", []) for w in p.split()),
        coordinators=word_set(w for p in grammar.get("coordinators", []) for w in p.split()),
        locators=locators,
        negation_follows_verb=bool(grammar.get("negation_follows_verb", False)),
        zero_relatives=bool(grammar.get("zero_relatives", False)),
        attributive_ending=fold(grammar.get("attributive_ending", "")),
        participle_endings=tuple(fold(e) for e in grammar.get("participle_endings", [])),
        uninflected_attributive_endings=tuple(
            fold(e) for e in grammar.get("uninflected_attributive_endings", [])
        ),
        plural_place_nouns=word_set(place_nouns.get("plural", [])),
        settlement_nouns=word_set(place_nouns.get("settlement", [])),
        region_nouns=word_set(place_nouns.get("region", [])),
        island_nouns=word_set(place_nouns.get("island", [])),
        peninsula_nouns=word_set(place_nouns.get("peninsula", [])),
        area_nouns=word_set(place_nouns.get("area", [])),
        capital_nouns=word_set(place_nouns.get("capital", [])),
        facility_nouns=word_set(place_nouns.get("facility", [])),
        settlement_suffixes=tuple(fold(s) for s in place_nouns.get("settlement_suffixes", [])),
        proxy_markers=proxy,
        local_officials=phrase_set(actor_data.get("local_officials", [])),
        institutions=phrase_set(actor_data.get("institutions", [])),
        numbers=_numbers(data.get("numbers", {})),
    )
    return Lexicon(**explicit, **_grammar_words(grammar, explicit))


_LIST_FILLERS: Final[dict[int, tuple[Lexicon, frozenset[str]]]] = {}


def list_fillers(lex: Lexicon) -> frozenset[str]:
    """Words that may stand between two members of a list of places: prepositions,
    determiners, place nouns and the words of locator phrases (built once per lexicon)."""
    known = _LIST_FILLERS.get(id(lex))
    if known is None or known[0] is not lex:
        words = (
            lex.prepositions
            | lex.determiners
            | lex.region_nouns
            | lex.settlement_nouns
            | lex.area_nouns
            | lex.locators.words()
        )
        known = _LIST_FILLERS[id(lex)] = (lex, frozenset(words))
    return known[1]


@lru_cache(maxsize=64)
def has_lexicon(lang: str | None) -> bool:
    """Whether ``lang`` has an events data file (asked once per language, not per document)."""
    return bool(lang) and has_lang_data(lang, "events")  # type: ignore[arg-type]


@lru_cache(maxsize=16)
def load_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (``data/lang/<lang>/events.toml``), built once."""
    return compile_lexicon(load_lang_data(lang, "events"))
