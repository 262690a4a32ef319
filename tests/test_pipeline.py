"""Assembling the pipeline from configuration and the component registry."""

import gc

import pytest

from frontwatch.pipeline import (
    Pipeline,
    PipelineError,
    available_components,
    batch_collection,
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


def test_pipeline_freezes_what_its_first_document_loaded_and_nothing_after() -> None:
    class LoadsOnFirstUse:
        table: list[dict[str, int]] | None = None

        def __call__(self, doc: Document) -> Document:
            if self.table is None:
                self.table = [{"n": k} for k in range(1000)]
            return doc

    gc.unfreeze()
    try:
        pipeline = Pipeline([("lazy", LoadsOnFirstUse())])
        pipeline(Document(text=TEXT, date="2024-02-17"))
        frozen = gc.get_freeze_count()
        assert frozen >= 1000  # the table left the collector's generations
        garbage = [[k] for k in range(500)]
        pipeline(Document(text=TEXT, date="2024-02-18"))
        assert gc.get_freeze_count() == frozen  # later documents' objects are collected as usual
        assert garbage
    finally:
        gc.unfreeze()


def test_batch_collection_restores_the_thresholds_when_a_batch_fails() -> None:
    before = gc.get_threshold()
    with (
        pytest.raises(RuntimeError, match="document"),
        batch_collection(young_threshold=12_345),
    ):
        assert gc.get_threshold() == (12_345, *before[1:])
        raise RuntimeError("a document failed")
    assert gc.get_threshold() == before
