-- frontwatch store, schema version 3: cross-article event clusters and the territorial control
-- timeline (frontwatch.control). Both are derived from `events`: when a document is stored, the
-- clusters and control states of every place its events touch are recomputed in the same
-- transaction (Store.add calls frontwatch.control.storage.refresh_document).
--
-- place_key identifies a place across documents: 'g:<geonameid>' for a resolved place,
-- 'n:<folded name>' for one the gazetteer lacks.

CREATE TABLE event_clusters (
    cluster_id TEXT PRIMARY KEY,
    place_key  TEXT NOT NULL,
    type       TEXT NOT NULL,
    earliest   TEXT NOT NULL,                 -- the tightest interval the reports agree on
    latest     TEXT NOT NULL,
    documents  INTEGER NOT NULL,              -- distinct documents reporting it
    sources    INTEGER NOT NULL,              -- independent outlets reporting it
    control_signal TEXT,                      -- controller (ISO3/'contested') it implies, or NULL
    data       TEXT NOT NULL                  -- Cluster.to_dict() JSON, with its "signal"
);
CREATE INDEX event_clusters_place ON event_clusters (place_key, earliest);
CREATE INDEX event_clusters_signal ON event_clusters (place_key, control_signal);
CREATE INDEX event_clusters_time ON event_clusters (earliest, latest);

-- No foreign key to documents/events on purpose: when a document is replaced, its old
-- memberships tell which places must be recomputed.
CREATE TABLE event_cluster_members (
    cluster_id TEXT NOT NULL REFERENCES event_clusters (cluster_id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    PRIMARY KEY (cluster_id, event_id)
);
CREATE INDEX event_cluster_members_event ON event_cluster_members (event_id);
CREATE INDEX event_cluster_members_doc ON event_cluster_members (doc_id);

-- Fusion is recomputed per (place, type) and time window: this index finds the reports of one
-- type at one place in a window without reading the place's other reports.
CREATE INDEX events_place_type_span ON events (place_geonameid, type, span_earliest, span_latest);

-- control_states (reserved in version 1) gets the columns its queries filter on. `data` holds
-- ControlPeriod.to_dict(evidence=True): the ControlState fields plus basis, sources, note and
-- the evidence sentences with their sources.
ALTER TABLE control_states ADD COLUMN place_key TEXT;
ALTER TABLE control_states ADD COLUMN ordinal INTEGER;          -- position in the place's timeline
ALTER TABLE control_states ADD COLUMN place_feature TEXT;
ALTER TABLE control_states ADD COLUMN place_admin1 TEXT;
ALTER TABLE control_states ADD COLUMN place_country TEXT;
ALTER TABLE control_states ADD COLUMN place_lat REAL;
ALTER TABLE control_states ADD COLUMN place_lon REAL;
ALTER TABLE control_states ADD COLUMN last_report TEXT;         -- newest supporting report's date
CREATE INDEX control_states_place_key ON control_states (place_key, ordinal);
CREATE INDEX control_states_since ON control_states (since_earliest, since_latest);

-- A database that already holds events when this migration runs has no clusters yet: the
-- first control query rebuilds them all (frontwatch.control.storage.ensure_built).
CREATE TABLE control_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO control_meta (key, value)
    SELECT 'needs_rebuild', '1' WHERE EXISTS (SELECT 1 FROM events);
