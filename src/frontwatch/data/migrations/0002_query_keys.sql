-- frontwatch store, schema version 2: columns that make the `events` filters cheap.
--
-- place_key / place_name_key: the place surface and gazetteer name folded by fw_fold()
--   (case and diacritics removed, so "Oekraïne" matches "oekraine"); fw_fold is a Python
--   function the store registers on every connection.
-- span_earliest / span_latest: the interval an event happened in: its time when it has one,
--   else its document's date (SCHEMA.md: the time defaults to the document date), so that
--   date filters and ordering need no join.

ALTER TABLE events ADD COLUMN place_key TEXT;
ALTER TABLE events ADD COLUMN place_name_key TEXT;
ALTER TABLE events ADD COLUMN span_earliest TEXT;
ALTER TABLE events ADD COLUMN span_latest TEXT;

UPDATE events SET
    place_key = fw_fold(place_surface),
    place_name_key = fw_fold(place_name),
    span_earliest = COALESCE(
        time_earliest,
        (SELECT d.date_earliest FROM documents AS d WHERE d.doc_id = events.doc_id)),
    span_latest = COALESCE(
        time_latest,
        (SELECT d.date_latest FROM documents AS d WHERE d.doc_id = events.doc_id));

DROP INDEX events_time;
CREATE INDEX events_span ON events (span_earliest, event_id);
CREATE INDEX events_place_key ON events (place_key);
CREATE INDEX events_place_name_key ON events (place_name_key);
