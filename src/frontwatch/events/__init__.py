"""Events: who did what to whom, where, when, by whose account (SCHEMA.md "Events").

A rule-based engine over language data files (``data/lang/<lang>/events.toml``): trigger words
per event type, actors, attribution, negation, modality and number words. The pipeline component
is :class:`EventExtractor`.
"""

from frontwatch.events.component import EventExtractor, document_time
from frontwatch.events.lexicon import Lexicon, has_lexicon, load_lexicon

__all__ = ["EventExtractor", "Lexicon", "document_time", "has_lexicon", "load_lexicon"]
