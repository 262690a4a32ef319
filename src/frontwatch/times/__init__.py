"""Time expressions: find them, and normalise them against the article's date.

- :class:`TimeTagger` is the ``times`` pipeline component: it sets ``doc.times``.
- :func:`tag_times` tags a plain text given its date and language.
- :func:`anaphoric_time` resolves "toen"/"destijds"/"then" to the time expression they point
  back to, for components that date events in such sentences.

The engine (:mod:`frontwatch.times.engine`) is language-independent; what Dutch or English
time expressions look like is data in ``data/lang/<lang>/times.toml``.
"""

from frontwatch.times.component import TimeTagger, anaphoric_time
from frontwatch.times.engine import TimeEngine, engine_for, tag_times

__all__ = ["TimeEngine", "TimeTagger", "anaphoric_time", "engine_for", "tag_times"]
