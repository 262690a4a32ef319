-- frontwatch store, schema version 1: the records of SCHEMA.md as tables.
-- Offsets are character offsets into documents.text; dates are ISO 8601 strings, which sort
-- correctly as text. Every child row belongs to one document and goes with it (ON DELETE CASCADE).

CREATE TABLE documents (
    doc_id         TEXT PRIMARY KEY,
    source         TEXT,
    date           TEXT NOT NULL,            -- as given: YYYY, YYYY-MM or YYYY-MM-DD
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    date_earliest  TEXT NOT NULL,            -- first day the date can mean
    date_latest    TEXT NOT NULL,            -- last day the date can mean
    lang           TEXT,
    title          TEXT,
    url            TEXT,
    text           TEXT NOT NULL,
    ingested_at    TEXT NOT NULL             -- UTC, ISO 8601
);
CREATE INDEX documents_lang ON documents (lang);
CREATE INDEX documents_date ON documents (date_earliest, date_latest);

CREATE TABLE sentences (
    doc_id  TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE places (
    doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    surface    TEXT NOT NULL,
    geonameid  INTEGER,
    name       TEXT,
    feature    TEXT,
    admin1     TEXT,
    country    TEXT,                          -- ISO 3166-1 alpha-2
    lat        REAL,
    lon        REAL,
    confidence REAL NOT NULL,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE INDEX places_geonameid ON places (geonameid);

CREATE TABLE times (
    doc_id      TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    id          TEXT,                         -- "t<ordinal>" inside the document
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    value       TEXT NOT NULL,
    earliest    TEXT NOT NULL,
    latest      TEXT NOT NULL,
    granularity TEXT NOT NULL,
    anchor      TEXT NOT NULL,
    dating      INTEGER NOT NULL,             -- 0/1: may this time date an event
    PRIMARY KEY (doc_id, ordinal)
);

-- One row per event. The columns are for querying; `data` holds the whole Event.to_dict()
-- JSON so that nothing is lost and fields added later survive a round trip.
CREATE TABLE events (
    event_id          TEXT PRIMARY KEY,
    doc_id            TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,
    type              TEXT NOT NULL,
    actor_country     TEXT,
    actor_role        TEXT,
    actor_name        TEXT,
    target_country    TEXT,
    target_role       TEXT,
    target_name       TEXT,
    claimant_country  TEXT,
    claimant_role     TEXT,
    claimant_name     TEXT,
    place_surface     TEXT,
    place_geonameid   INTEGER,
    place_name        TEXT,
    place_admin1      TEXT,
    place_country     TEXT,
    place_lat         REAL,
    place_lon         REAL,
    place_feature     TEXT,
    time_surface      TEXT,
    time_value        TEXT,
    time_earliest     TEXT,
    time_latest       TEXT,
    time_granularity  TEXT,
    time_anchor       TEXT,
    fatalities        INTEGER,
    injured           INTEGER,
    amount_value      REAL,
    amount_currency   TEXT,
    status            TEXT NOT NULL,
    modality          TEXT NOT NULL,
    confidence        REAL NOT NULL,
    rule              TEXT,
    data              TEXT NOT NULL,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_time ON events (time_earliest, time_latest);
CREATE INDEX events_place_geonameid ON events (place_geonameid);
CREATE INDEX events_status ON events (status);

CREATE TABLE event_evidence (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    "start"  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);

-- Reserved for the territorial control timeline (ControlState records); filled by a later
-- component. Intervals are the since/until TimeMention intervals.
CREATE TABLE control_states (
    state_id        INTEGER PRIMARY KEY,
    place_geonameid INTEGER,
    place_name      TEXT,
    controller      TEXT NOT NULL,            -- ISO3 or 'contested'
    since_earliest  TEXT,
    since_latest    TEXT,
    until_earliest  TEXT,
    until_latest    TEXT,
    status          TEXT NOT NULL,
    confidence      REAL NOT NULL,
    data            TEXT NOT NULL             -- ControlState.to_dict() JSON
);
CREATE INDEX control_states_place ON control_states (place_geonameid);
