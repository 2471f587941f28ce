-- Translation quality: MQM error annotations on the MT with their append-only
-- history, the scoring settings, time spent editing, and a cache of the per-sentence
-- TER/chrF statistics. Only adds; users are referred to by name (author) and by an
-- id without a foreign key, because accounts arrive in a later migration.

-- Seconds of active editing that led to this revision (measured by the browser);
-- NULL when unknown (imports, API clients that do not measure, older revisions).
ALTER TABLE revisions ADD COLUMN editing_seconds REAL
  CHECK (editing_seconds IS NULL OR (editing_seconds >= 0 AND editing_seconds <= 86400));

-- One row per annotation with its current state, copied from its latest revision
-- (the same pattern as segments/revisions). A removed annotation keeps its row with
-- deleted_at set, so its history stays reachable.
CREATE TABLE mqm_annotations (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- [span_start, span_end) in UTF-16 code units of segments.mt, which never changes;
  -- span_start = span_end marks an omission at that point.
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
  -- Codes such as 'accuracy/mistranslation' or 'terminology'. The list lives in
  -- src/quality/mqm.ts and is checked there: a new subcategory should not need a
  -- table rebuild, while the four severities are MQM's and fixed.
  category    TEXT    NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
  severity    TEXT    NOT NULL CHECK (severity IN ('neutral', 'minor', 'major', 'critical')),
  comment     TEXT,
  version     INTEGER NOT NULL,
  deleted_at  TEXT,
  author      TEXT    NOT NULL,             -- who created it
  user_id     INTEGER,                      -- the creator's account, when known
  created_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE INDEX idx_mqm_annotations_segment_id ON mqm_annotations (segment_id, span_start);
CREATE INDEX idx_mqm_annotations_article_id ON mqm_annotations (article_id);

CREATE TABLE mqm_annotation_revisions (
  id             INTEGER PRIMARY KEY,
  annotation_id  INTEGER NOT NULL REFERENCES mqm_annotations (id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,          -- 1 = created
  action         TEXT    NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  category       TEXT    NOT NULL,
  severity       TEXT    NOT NULL,
  comment        TEXT,
  author         TEXT    NOT NULL,          -- who made this change
  user_id        INTEGER,
  created_at     TEXT    NOT NULL
);
CREATE UNIQUE INDEX idx_mqm_annotation_revisions_version ON mqm_annotation_revisions (annotation_id, version);

-- The scoring settings: exactly one row (id = 1), created here with the defaults
-- (WMT practice: minor 1, major 5, critical 25, minor punctuation 0.1).
CREATE TABLE quality_settings (
  id                        INTEGER PRIMARY KEY CHECK (id = 1),
  weight_neutral            REAL NOT NULL CHECK (weight_neutral >= 0),
  weight_minor              REAL NOT NULL CHECK (weight_minor >= 0),
  weight_major              REAL NOT NULL CHECK (weight_major >= 0),
  weight_critical           REAL NOT NULL CHECK (weight_critical >= 0),
  -- Replaces weight_minor for minor fluency/punctuation errors.
  weight_minor_punctuation  REAL NOT NULL CHECK (weight_minor_punctuation >= 0),
  -- An article passes when its MQM quality score is at least this.
  pass_threshold            REAL NOT NULL CHECK (pass_threshold BETWEEN 0 AND 100),
  updated_by                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
);
INSERT INTO quality_settings VALUES (1, 0, 1, 5, 25, 0.1, 90, 'default', '1970-01-01T00:00:00.000Z');

-- Derived data, safe to delete: the TER and chrF statistics of a segment's current
-- text, keyed by a hash of that text (approving a sentence bumps its version but not
-- its text, so the version would be a poor key) and by the algorithm version in
-- src/quality/metrics.ts (a fix to the metrics invalidates every row).
CREATE TABLE segment_metrics (
  segment_id       INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
  text_hash        TEXT    NOT NULL,
  algorithm        INTEGER NOT NULL,
  insertions       INTEGER NOT NULL,
  deletions        INTEGER NOT NULL,
  substitutions    INTEGER NOT NULL,
  shifts           INTEGER NOT NULL,
  reference_words  INTEGER NOT NULL,
  chrf_stats       TEXT    NOT NULL          -- JSON array: per order 1..6, [hypothesis, reference, matching] n-grams
);
