"""Assembling the pipeline from configuration and the component registry."""

import gc

import pytest

from frontwatch.pipeline import (
    Pipeline,
    PipelineError,
    available_components,
    default_config,
    load_config,
    load_pipeline,
    register,
)
from frontwatch.records import Document, PlaceMention

TEXT = "Russische troepen hebben Avdiivka ingenomen. Dat meldt het leger."


def test_default_pipeline_identifies_language_and_splits_sentences() -> None:
    doc = load_pipeline()(Document(text=TEXT, date="2024-02-17"))
    assert doc.lang == "nl"
    assert [TEXT[s.start : s.end] for s in doc.sentences] == [
        "Russische troepen hebben Avdiivka ingenomen.",
        "Dat meldt het leger.",
    ]
    assert default_config()["pipeline"]["components"][:2] == ["language", "sentences"]


def test_registered_component_runs_in_configured_order_with_its_settings() -> None:
    @register("test-marker")
    class Marker:
        def __init__(self, word: str) -> None:
            self.word = word

        def __call__(self, doc: Document) -> Document:
            start = doc.text.index(self.word)
            doc.places.append(PlaceMention(start, start + len(self.word), self.word))
            return doc

    config = {
        "pipeline": {"components": ["sentences", "test-marker"]},
        "components": {"test-marker": {"word": "Avdiivka"}},
    }
    nlp = Pipeline.from_config(config)
    assert nlp.names == ["sentences", "test-marker"]
    doc = nlp(Document(text=TEXT, date="2024-02", lang="nl"))
    assert [(p.start, p.surface) for p in doc.places] == [(25, "Avdiivka")]
    assert set(nlp.timing.seconds) == {"sentences", "test-marker"}
    assert "test-marker" in available_components()


def test_unknown_component_and_bad_settings_are_clear_errors(tmp_path) -> None:
    with pytest.raises(PipelineError, match="unknown pipeline component 'parser'"):
        Pipeline.from_config({"pipeline": {"components": ["parser"]}})
    with pytest.raises(PipelineError, match="component 'sentences': bad configuration"):
        Pipeline.from_config(
            {"pipeline": {"components": ["sentences"]}, "components": {"sentences": {"x": 1}}}
        )
    with pytest.raises(PipelineError, match="component 'events': bad configuration"):
        Pipeline.from_config(
            {
                "pipeline": {"components": ["events"]},
                "components": {"events": {"conflict_start": "spring 2014"}},
            }
        )
    with pytest.raises(PipelineError, match=r"lacks \[pipeline\]"):
        Pipeline.from_config({})
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\ncomponents = 1", encoding="utf-8")
    with pytest.raises(PipelineError, match=r"bad\.toml: cannot read pipeline configuration"):
        load_config(bad)


def _tracked(obj: object) -> bool:
    """``obj`` is in one of the collector's generations (frozen objects are in none)."""
    return any(o is obj for o in gc.get_objects())


class _LoadsOnFirstUse:
    def __init__(self) -> None:
        self.table: list[dict[str, int]] | None = None

    def __call__(self, doc: Document) -> Document:
        if self.table is None:
            self.table = [{"n": k} for k in range(1000)]
        return doc


def test_a_batch_freezes_what_its_first_document_loaded_and_nothing_after() -> None:
    gc.unfreeze()
    component = _LoadsOnFirstUse()
    pipeline = Pipeline([("lazy", component)])
    try:
        with pipeline.batch():
            pipeline(Document(text=TEXT, date="2024-02-17"))
            assert not _tracked(component.table)  # out of the collector's generations
            garbage = [[k] for k in range(500)]
            pipeline(Document(text=TEXT, date="2024-02-18"))
            assert _tracked(garbage)  # what later documents make is collected as usual
    finally:
        gc.unfreeze()


def test_a_plain_call_leaves_the_collector_alone() -> None:
    gc.unfreeze()
    component = _LoadsOnFirstUse()
    try:
        Pipeline([("lazy", component)])(Document(text=TEXT, date="2024-02-17"))
        assert _tracked(component.table)
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_a_batch_restores_the_collectors_thresholds_when_it_fails() -> None:
    before = gc.get_threshold()
    pipeline = Pipeline([("lazy", _LoadsOnFirstUse())])
    with pytest.raises(RuntimeError, match="document"), pipeline.batch(young_threshold=12_345):
        assert gc.get_threshold() == (12_345, *before[1:])
        raise RuntimeError("a document failed")
    assert gc.get_threshold() == before


class _Recorder:
    """Notes which component saw which document, in order; fails on a marked text."""

    def __init__(self, name: str, log: list[tuple[str, str]], fail_on: str = "") -> None:
        self.name, self.log, self.fail_on = name, log, fail_on

    def __call__(self, doc: Document) -> Document:
        self.log.append((self.name, doc.text))
        if self.fail_on and self.fail_on in doc.text:
            raise ValueError(f"{self.name} cannot read {doc.text!r}")
        doc.title = (doc.title or "") + self.name
        return doc


def test_a_batch_runs_each_component_over_every_document_before_the_next() -> None:
    log: list[tuple[str, str]] = []
    pipeline = Pipeline(
        [("first", _Recorder("A", log)), ("second", _Recorder("B", log, fail_on="kapot"))]
    )
    docs = [Document(text=t, date="2024-02-17") for t in ("een", "kapot", "drie")]
    results = pipeline.run_batch(docs)
    texts = ["een", "kapot", "drie"]
    assert log == [("A", t) for t in texts] + [("B", t) for t in texts]
    assert [r.title for r in results if isinstance(r, Document)] == ["AB", "AB"]
    assert isinstance(results[1], ValueError) and "kapot" in str(results[1])
    assert set(pipeline.timing.seconds) == {"first", "second"}


def test_a_document_that_fails_is_skipped_by_the_later_components() -> None:
    log: list[tuple[str, str]] = []
    pipeline = Pipeline(
        [("first", _Recorder("A", log, fail_on="kapot")), ("second", _Recorder("B", log))]
    )
    docs = [Document(text=t, date="2024-02-17") for t in ("kapot", "twee")]
    results = pipeline.run_batch(docs)
    assert ("B", "kapot") not in log and ("B", "twee") in log
    assert isinstance(results[0], ValueError) and isinstance(results[1], Document)


def test_pipe_gives_the_answers_of_one_document_at_a_time_in_order() -> None:
    texts = [TEXT, "Oekraïense troepen heroverden Cherson. Dat meldt Kyiv.", TEXT.upper()]
    pipeline = load_pipeline()
    alone = [pipeline(Document(text=t, date="2024-02-17")).to_dict() for t in texts]
    docs = (Document(text=t, date="2024-02-17") for t in texts * 2)
    together = [d.to_dict() for d in pipeline.pipe(docs, batch_size=2)]
    assert together == alone + alone
    with pytest.raises(ValueError, match="at least 1"):
        list(pipeline.pipe([], batch_size=0))


def test_pipe_raises_the_failure_of_a_document() -> None:
    pipeline = Pipeline([("first", _Recorder("A", [], fail_on="kapot"))])
    docs = (Document(text=t, date="2024-02-17") for t in ("een", "kapot"))
    with pytest.raises(ValueError, match="cannot read 'kapot'"):
        list(pipeline.pipe(docs))
