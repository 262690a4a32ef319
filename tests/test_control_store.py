"""The control layer in the store (incremental, order-independent, atomic) and its commands."""

import json
import random
import sqlite3
from pathlib import Path

import pytest

from control_samples import document
from frontwatch.cli import main
from frontwatch.control import storage
from frontwatch.store import Store, StoreError, apply_migrations

CAPTURE, ADVANCE = "territory.capture", "territory.advance"


def kupiansk_spring():
    text = ("Russian forces took control of Kupiansk on Sunday, the town's mayor said. "
            "The railway hub on the Oskil river fell without a fight.")
    return document(text, "2022-02-28", [
        {"kind": CAPTURE, "actor": "RUS", "place": "Kupiansk", "surface": "Kupiansk",
         "earliest": "2022-02-27", "status": "claimed", "claimant": "UKR",
         "sentence": "Russian forces took control of Kupiansk on Sunday, the town's mayor said."},
    ], url="https://wire.example.com/kupiansk-falls")


def kupiansk_centre():
    text = ("Oekraïense troepen zijn zaterdag het centrum van Koepjansk binnengetrokken. "
            "Rusland spreekt van een hergroepering.")
    return document(text, "2022-09-10", [
        {"kind": ADVANCE, "actor": "UKR", "place": "Kupiansk", "surface": "Koepjansk",
         "earliest": "2022-09-10",
         "sentence": "Oekraïense troepen zijn zaterdag het centrum van Koepjansk "
                     "binnengetrokken."},
    ], lang="nl", url="https://nieuws.example.nl/koepjansk")


def kupiansk_liberated():
    text = ("Ukraine says Kupiansk has been fully liberated. In the east, Russia claims to have "
            "taken Soledar, which Kyiv denies.")
    return document(text, "2022-09-26", [
        {"kind": CAPTURE, "actor": "UKR", "place": "Kupiansk", "surface": "Kupiansk",
         "earliest": "2022-09-24", "latest": "2022-09-26", "status": "claimed",
         "claimant": "UKR", "sentence": "Ukraine says Kupiansk has been fully liberated."},
    ], url="https://daily.example.org/kupiansk-liberated")


def toretsk_claim():
    text = ("Moscow announced on Friday that its forces had taken Toretsk. "
            "Kyiv denied that Toretsk had fallen.")
    return document(text, "2025-02-08", [
        {"kind": CAPTURE, "actor": "RUS", "place": "Toretsk", "earliest": "2025-02-07",
         "status": "claimed", "claimant": "RUS",
         "sentence": "Moscow announced on Friday that its forces had taken Toretsk."},
        {"kind": CAPTURE, "actor": "RUS", "place": "Toretsk", "earliest": "2025-02-07",
         "status": "denied", "claimant": "UKR",
         "sentence": "Kyiv denied that Toretsk had fallen."},
    ], url="https://wire.example.com/toretsk")


def all_documents():
    return [kupiansk_spring(), kupiansk_centre(), kupiansk_liberated(), toretsk_claim()]


def snapshot(store: Store):
    conn = storage.connection(store)
    states = storage.load_states(conn)
    clusters = conn.execute(
        "SELECT cluster_id, place_key, type, earliest, latest, documents, sources, data "
        "FROM event_clusters ORDER BY cluster_id"
    ).fetchall()
    members = conn.execute(
        "SELECT cluster_id, event_id, doc_id FROM event_cluster_members ORDER BY 1, 2"
    ).fetchall()
    return states, [tuple(r) for r in clusters], [tuple(r) for r in members]


@pytest.fixture()
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "fw.db"
    with Store(path) as store:
        for doc in all_documents():
            assert store.add(doc)
    return path


def test_storing_documents_builds_the_timeline_in_the_store(filled: Path) -> None:
    with Store(filled) as store:
        states = storage.load_states(storage.connection(store))
    kupiansk = [s for s in states if s["place"]["geonameid"] == 703656]
    assert [s["controller"] for s in kupiansk] == ["RUS", "contested", "UKR"]
    assert kupiansk[0]["until"] == kupiansk[1]["since"] == {
        "earliest": "2022-09-10", "latest": "2022-09-10"}
    (toretsk,) = [s for s in states if s["place"]["geonameid"] == 709354]
    assert toretsk["status"] == "claimed" and len(toretsk["events"]) == 2
    roles = sorted(item["role"] for item in toretsk["evidence"])
    assert roles == ["denial", "support"]
    assert all(item["url"] == "https://wire.example.com/toretsk" for item in toretsk["evidence"])


def test_out_of_order_ingestion_gives_the_same_tables(tmp_path: Path) -> None:
    docs = all_documents()
    orders = [docs, docs[::-1]] + [random.Random(seed).sample(docs, len(docs)) for seed in (1, 2)]
    snapshots = []
    for index, order in enumerate(orders):
        with Store(tmp_path / f"order{index}.db") as store:
            for doc in order:
                store.add(doc)
            snapshots.append(snapshot(store))
    assert all(s == snapshots[0] for s in snapshots[1:])
    assert len(snapshots[0][0]) == 4  # RUS, contested, UKR at Kupiansk; RUS at Toretsk


def test_a_document_updates_only_the_places_and_times_it_touches(tmp_path, monkeypatch) -> None:
    timelines: list[str] = []
    components: list[tuple[str, str, int]] = []
    real_timeline, real_component = storage.refresh_timeline, storage.component_events

    def recording_timeline(conn, key):
        timelines.append(key)
        return real_timeline(conn, key)

    def recording_component(conn, key, event_type, seed):
        found = real_component(conn, key, event_type, seed)
        components.append((key, event_type, len(found)))
        return found

    monkeypatch.setattr(storage, "refresh_timeline", recording_timeline)
    monkeypatch.setattr(storage, "component_events", recording_component)
    with Store(tmp_path / "fw.db") as store:
        conn = storage.connection(store)
        store.add(toretsk_claim())
        store.add(kupiansk_spring())
        store.add(kupiansk_liberated())
        assert timelines == ["g:709354", "g:703656", "g:703656"]
        text = "A missile struck a school in Kupyansk on Tuesday."
        store.add(document(text, "2023-05-02", [
            {"kind": "strike", "actor": "RUS", "place": "Kupiansk", "earliest": "2023-05-02",
             "sentence": text}]))
        after = conn.execute("SELECT place_key, controller FROM control_states "
                             "ORDER BY place_key, ordinal").fetchall()
    assert timelines == ["g:709354", "g:703656", "g:703656"]  # a strike changes no timeline
    assert components[-1] == ("g:703656", "strike", 1)  # and re-fuses only its own time
    assert [tuple(r) for r in after] == [("g:703656", "RUS"), ("g:703656", "UKR"),
                                         ("g:709354", "RUS")]


def many_documents() -> list:
    """Thirty short reports at three places, with overlapping and far-apart dates."""
    rng = random.Random(11)
    kinds = [(CAPTURE, "RUS"), (CAPTURE, "UKR"), (ADVANCE, "RUS"), ("strike", "RUS"),
             ("combat", "UKR")]
    sentences = {
        CAPTURE: "{actor} forces have taken {place}, officials said.",
        ADVANCE: "{actor} troops entered the outskirts of {place}.",
        "strike": "A missile strike hit {place}.",
        "combat": "Fighting continued in and around {place}.",
    }
    docs = []
    for number in range(30):
        kind, actor = rng.choice(kinds)
        place = rng.choice(["Toretsk", "Kramatorsk", "Vuhledar"])
        day = f"2024-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}"
        sentence = sentences[kind].format(actor=actor, place=place)
        text = f"Report {number}. {sentence}"
        latest = day if rng.random() < 0.7 else day[:8] + "28"
        docs.append(document(text, day, [{"kind": kind, "actor": actor, "place": place,
                                          "earliest": day, "latest": max(day, latest),
                                          "sentence": sentence}]))
    return docs


def test_incremental_updates_equal_a_full_rebuild(tmp_path: Path) -> None:
    docs = many_documents()
    with Store(tmp_path / "fw.db") as store:
        for doc in random.Random(3).sample(docs, len(docs)):
            store.add(doc)
        replaced = docs[4]
        replaced.events[0].time.earliest = replaced.events[0].time.latest = "2024-06-15"
        store.add(replaced, replace=True)
        incremental = snapshot(store)
        conn = storage.connection(store)
        conn.execute("BEGIN IMMEDIATE")
        storage.rebuild(conn)
        conn.execute("COMMIT")
        assert snapshot(store) == incremental
    assert len(incremental[1]) >= 10  # clusters, so the comparison is not trivially empty


def test_a_failed_document_changes_no_timeline(tmp_path: Path) -> None:
    with Store(tmp_path / "fw.db") as store:
        store.add(kupiansk_spring())
        before = snapshot(store)
        broken = kupiansk_liberated()
        broken.events[0].event_id = kupiansk_spring().events[0].event_id  # already used
        with pytest.raises(StoreError):
            store.add(broken)
        assert snapshot(store) == before
        assert not store.has(broken.doc_id)


def test_replacing_a_document_recomputes_the_places_of_its_old_version(tmp_path: Path) -> None:
    with Store(tmp_path / "fw.db") as store:
        conn = storage.connection(store)
        original = toretsk_claim()
        store.add(original)
        store.add(kupiansk_spring())
        corrected = toretsk_claim()
        corrected.events = []  # re-extracted: no event after all
        store.add(corrected, replace=True)
        keys = {r[0] for r in conn.execute("SELECT place_key FROM control_states")}
        clusters = {r[0] for r in conn.execute("SELECT place_key FROM event_clusters")}
    assert keys == clusters == {"g:703656"}


def test_a_database_with_events_from_before_the_control_tables_is_rebuilt(tmp_path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("fw_fold", 1, lambda s: None if s is None else s.casefold())
    apply_migrations(conn, upto=2)  # the schema before the control timeline existed
    for doc in all_documents():  # stored as that version stored them
        Store._insert_document(None, conn, doc)  # type: ignore[arg-type]
        Store._insert_events(None, conn, doc)  # type: ignore[arg-type]
    conn.close()
    with Store(path) as store:
        conn = storage.connection(store)
        assert storage.needs_rebuild(conn)
        assert storage.load_states(conn) == []
        assert storage.ensure_built(conn) is True
        assert len(storage.load_states(conn)) == 4
        assert storage.ensure_built(conn) is False


# -- commands ----------------------------------------------------------------------------------


def test_control_all_exports_every_state_as_jsonl(filled: Path, capsys) -> None:
    assert main(["control", "--all", "--format", "jsonl", "--db", str(filled)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4
    for state in lines:
        assert set(state["place"]) >= {"geonameid", "name", "country", "lat", "lon"}
        assert state["controller"] in ("RUS", "UKR", "contested")
        assert set(state["since"]) == {"earliest", "latest"}
        assert state["events"] and 0.0 < state["confidence"] <= 1.0
        assert "evidence" not in state
    assert {s["place"]["name"] for s in lines} == {"Kupyansk", "Toretsk"}


def test_control_place_on_a_date_names_the_holder_and_the_evidence(filled, capsys) -> None:
    assert main(["control", "Koepjansk", "--on", "2022-09-15", "--db", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "Kupyansk (geonameid 703656" in out
    assert "on 2022-09-15: contested" in out
    assert "het centrum van Koepjansk binnengetrokken" in out
    assert "https://nieuws.example.nl/koepjansk" in out

    assert main(["control", "Toretsk", "--on", "2020-01", "--db", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "on 2020-01-31: unknown" in out
    assert "next known after: RUS since 2025-02-07" in out

    assert main(["control", "Kupiansk", "--format", "json", "--db", str(filled)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert [s["controller"] for s in result["timeline"]] == ["RUS", "contested", "UKR"]


def test_control_of_an_unknown_place_or_without_a_database_fails_clearly(filled, tmp_path,
                                                                          capsys) -> None:
    assert main(["control", "Atlantis", "--db", str(filled)]) == 1
    assert "nothing known about 'Atlantis'" in capsys.readouterr().err
    missing = tmp_path / "nope.db"
    assert main(["control", "--all", "--db", str(missing)]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()
    assert main(["control", "Toretsk", "--on", "2022-13", "--db", str(filled)]) == 2
    assert main(["control", "--db", str(filled)]) == 2


def test_changes_between_dates_with_filters(filled: Path, capsys) -> None:
    args = ["changes", "--since", "2022-09", "--until", "2022-09", "--db", str(filled)]
    assert main([*args, "--format", "jsonl"]) == 0
    changes = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["from"], c["to"]) for c in changes] == [("RUS", "contested"),
                                                       ("contested", "UKR")]
    assert main([*args, "--admin1", "Donetsk", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["changes", "--since", "2020", "--until", "2025", "--near", "Kupiansk",
                 "--km", "5", "--db", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "Kupyansk" in out and "Toretsk" not in out
    assert main([*args, "--near", "Atlantis"]) == 2
    assert main(["changes", "--since", "2023", "--until", "2022", "--db", str(filled)]) == 2


def test_front_writes_geojson_points(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "front.geojson"
    assert main(["front", "--on", "2022-10-01", "-o", str(out), "--db", str(filled)]) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [37.61581, 49.71003]
    assert feature["properties"]["controller"] == "UKR"
    assert feature["properties"]["since"] == "2022-09-24"
    assert feature["properties"]["evidence_count"] == 1
    assert main(["front", "--on", "2022-10-01", "-o", str(tmp_path / "no" / "f.geojson"),
                 "--db", str(filled)]) == 2


def test_control_rebuild_recomputes_everything(filled: Path, capsys) -> None:
    with Store(filled) as store:
        conn = storage.connection(store)
        conn.execute("DELETE FROM control_states")  # as if lost
    assert main(["control", "--rebuild", "--db", str(filled)]) == 0
    assert "rebuilt the control timeline of 2 places" in capsys.readouterr().err
    with Store(filled) as store:
        assert len(storage.load_states(storage.connection(store))) == 4
