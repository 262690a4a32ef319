"""frontwatch: dated news articles turned into an auditable record of an armed conflict.

The public Python API::

    from frontwatch import Document, load_pipeline, read_documents

    nlp = load_pipeline()
    doc = nlp(Document(text="...", date="2024-10"))
    doc.to_dict()
"""

from frontwatch.compiled import warn_if_stale
from frontwatch.pipeline import Pipeline, load_pipeline, register
from frontwatch.records import (
    Actor,
    Amount,
    ControlState,
    Document,
    Event,
    Evidence,
    PlaceMention,
    Span,
    TimeMention,
)

__version__ = "0.1.0"

warn_if_stale()  # an optional compiled build (`make compiled`) older than an edited source

__all__ = [
    "Actor",
    "Amount",
    "ControlState",
    "Document",
    "Event",
    "Evidence",
    "Pipeline",
    "PlaceMention",
    "Span",
    "TimeMention",
    "__version__",
    "load_pipeline",
    "register",
]
