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
