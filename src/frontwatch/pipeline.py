"""Pipeline components: registered by name, assembled from configuration.

A component is a callable ``Document -> Document`` that adds one kind of annotation (the
language, the sentences, the places...). Components are registered by name with
:func:`register`; a :class:`Pipeline` is built from a configuration that lists the names in
order plus per-component settings, the way spaCy assembles its pipelines::

    [pipeline]
    components = ["language", "sentences"]

    [components.sentences]
    max_sentence_chars = 2000

Built-in components are imported lazily (so the CLI starts fast and a component's heavy
dependencies load only when it is used); third-party packages can add their own through the
``frontwatch.components`` entry-point group, each entry pointing at a factory.
"""

from __future__ import annotations

import gc
import importlib
import logging
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from frontwatch.records import Document

log = logging.getLogger(__name__)


class Component(Protocol):
    """One job in the pipeline: read a document, add annotations, return it."""

    def __call__(self, doc: Document) -> Document: ...


ComponentFactory = Callable[..., Component]

# Documents a batch runs through the components together (Pipeline.run_batch): enough for each
# component's tables to stay in the processor's caches, few enough to keep memory small.
DEFAULT_BATCH_SIZE = 64


class PipelineError(RuntimeError):
    """The configuration names an unknown component or cannot be built."""


# name -> "module:attribute" of a factory, imported on first use.
_BUILTIN: dict[str, str] = {
    "language": "frontwatch.language:LanguageIdentifier",
    "sentences": "frontwatch.sentences:SentenceSplitter",
    "places": "frontwatch.places:PlaceRecognizer",
    "times": "frontwatch.times:TimeTagger",
    "events": "frontwatch.events:EventExtractor",
}
_REGISTERED: dict[str, ComponentFactory] = {}


def register(name: str) -> Callable[[ComponentFactory], ComponentFactory]:
    """Register a component factory under ``name`` (decorator).

    The factory is called with the component's configuration section as keyword arguments.
    """

    def deco(factory: ComponentFactory) -> ComponentFactory:
        _REGISTERED[name] = factory
        return factory

    return deco


def register_builtin(name: str, target: str) -> None:
    """Register a lazily imported factory given as ``"module:attribute"``."""
    _BUILTIN[name] = target


def available_components() -> list[str]:
    names = set(_BUILTIN) | set(_REGISTERED)
    names |= {ep.name for ep in entry_points(group="frontwatch.components")}
    return sorted(names)


def get_factory(name: str) -> ComponentFactory:
    """The factory registered under ``name``."""
    if name in _REGISTERED:
        return _REGISTERED[name]
    target = _BUILTIN.get(name)
    if target is None:
        for ep in entry_points(group="frontwatch.components"):
            if ep.name == name:
                factory = ep.load()
                _REGISTERED[name] = factory
                return factory
        raise PipelineError(
            f"unknown pipeline component {name!r}; available: {', '.join(available_components())}"
        )
    module, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module), attr)
    _REGISTERED[name] = factory
    return factory


@dataclass
class StageTiming:
    """Seconds spent in each component, summed over the documents processed."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


@dataclass
class Pipeline:
    """An ordered list of named components."""

    steps: list[tuple[str, Component]]
    timing: StageTiming = field(default_factory=StageTiming)
    _freeze_pending: bool = field(default=False, init=False, repr=False)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Pipeline:
        try:
            names = list(config["pipeline"]["components"])
        except (KeyError, TypeError):
            raise PipelineError("configuration lacks [pipeline] components = [...]") from None
        settings = config.get("components", {})
        steps: list[tuple[str, Component]] = []
        for name in names:
            factory = get_factory(name)
            try:
                steps.append((name, factory(**settings.get(name, {}))))
            except (TypeError, ValueError) as exc:
                raise PipelineError(f"component {name!r}: bad configuration: {exc}") from None
        return cls(steps)

    def __call__(self, doc: Document) -> Document:
        """``doc`` through every component; a component's failure is raised."""
        [result] = self.run_batch([doc])
        if isinstance(result, Exception):
            raise result
        return result

    def run_batch(self, docs: list[Document]) -> list[Document | Exception]:
        """Run ``docs`` through the pipeline one component at a time, each component over the
        whole list before the next starts (as spaCy's ``nlp.pipe`` does), and return them in
        order. A document a component fails on is replaced by the exception, which the later
        components skip; the other documents go on.

        The answers are those of calling the pipeline on each document; what changes is
        locality. Every component has tables of its own (the language model's 40 MB
        automaton, the gazetteer, lexicons, grammars, caches), and one document through the
        whole pipeline evicts each component's tables from the processor's caches before its
        next document comes. In batches of 64 the pipeline benchmark ran about a quarter
        faster compiled (333 against 270 articles/s) and a twelfth in pure Python.
        """
        results: list[Document | Exception] = list(docs)
        for name, component in self.steps:
            t0 = time.perf_counter()
            for k, doc in enumerate(results):
                if isinstance(doc, Exception):
                    continue
                try:
                    results[k] = component(doc)
                except Exception as exc:  # one bad document must not end the batch
                    log.debug("%s failed on %s", name, doc.source or doc.doc_id, exc_info=True)
                    results[k] = exc
            self.timing.add(name, time.perf_counter() - t0)
        self._freeze_if_pending()
        return results

    def pipe(
        self, docs: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Document]:
        """The documents annotated, in order, run ``batch_size`` at a time by
        :meth:`run_batch`; the first failure is raised."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == batch_size:
                yield from self._raising(self.run_batch(batch))
                batch = []
        if batch:
            yield from self._raising(self.run_batch(batch))

    @staticmethod
    def _raising(results: list[Document | Exception]) -> Iterator[Document]:
        for result in results:
            if isinstance(result, Exception):
                raise result
            yield result

    def _freeze_if_pending(self) -> None:
        if self._freeze_pending:
            # The batch's first documents made the components load their tables (gazetteer,
            # lexicons, grammars, models): hundreds of thousands of objects that live as long as
            # the process. Left in the collector's oldest generation, every full collection
            # walks them again; frozen, the collector only looks at what the documents create.
            gc.freeze()
            self._freeze_pending = False

    @contextmanager
    def batch(self, young_threshold: int = 20_000) -> Iterator[None]:
        """Run a batch of documents in a process the caller owns (a command, a benchmark).

        What is alive after the batch's first document, or first :meth:`run_batch` (the
        loaded tables among it), is frozen out of the collector's generations, and the
        collector runs less often: analysing a document allocates many short-lived objects
        and hardly any reference cycles, so the default (a young collection every 700
        allocations) spends its time finding nothing; memory is still freed at once by
        reference counting. The previous thresholds are restored on exit, even when the batch
        fails. Both change the whole process, which is why a plain call of the pipeline (a
        library use) does neither.
        """
        previous = gc.get_threshold()
        gc.set_threshold(young_threshold, *previous[1:])
        self._freeze_pending = True
        try:
            yield
        finally:
            self._freeze_pending = False
            gc.set_threshold(*previous)


def default_config() -> dict[str, Any]:
    """The configuration shipped with the package (``data/pipeline.toml``)."""
    text = resources.files("frontwatch").joinpath("data/pipeline.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """A pipeline configuration from a TOML file, or the default one."""
    if path is None:
        return default_config()
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PipelineError(f"{path}: cannot read pipeline configuration: {exc}") from None


_DEFAULT: Pipeline | None = None


def load_pipeline(config: str | Path | dict[str, Any] | None = None) -> Pipeline:
    """Build a pipeline; the default one is built once per process and reused."""
    global _DEFAULT
    if config is None:
        if _DEFAULT is None:
            _DEFAULT = Pipeline.from_config(default_config())
        return _DEFAULT
    if isinstance(config, dict):
        return Pipeline.from_config(config)
    return Pipeline.from_config(load_config(config))
