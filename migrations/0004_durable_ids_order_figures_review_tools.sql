-- redline:foreign-keys-off
-- One migration for what the workbench, fix-once, bilingual and hardening issues share, so the
-- model is designed once:
-- * ids are never reused (AUTOINCREMENT): a deleted article's ids no longer come back, so a saved
--   browser draft or an old link can never land on another article's sentence;
-- * reading order in blocks and slots, so splitting or merging a sentence renumbers at most one block
--   instead of every later sentence;
-- * articles can carry a source text and its language, and keep an imported XLIFF file verbatim;
-- * imports become visible only when complete (state 'importing' until the last chunk);
-- * batches of revisions, QA findings, comments, glossary entries, idempotency keys;
-- * stored per-article figures, kept up to date by every change, so overviews read one row per article;
-- * a trigram full-text index over the MT and the current text.
-- Tables are rebuilt with SQLite's documented procedure (create, copy, drop, rename) while foreign
-- keys are off (the header line above); migrate() checks foreign keys before committing.

-- Articles ---------------------------------------------------------------------------------------
CREATE TABLE articles_new (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  title               TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- How the article came in. 'text' and 'markdown' also decide how the Markdown export renders headings.
  format              TEXT    NOT NULL CHECK (format IN ('text', 'markdown', 'xliff', 'tsv', 'csv', 'text-pair')),
  -- BCP 47 tags. source_language is NULL when the article has no source text.
  source_language     TEXT,
  target_language     TEXT    NOT NULL DEFAULT 'en',
  leading             TEXT    NOT NULL,
  -- 'importing' while a chunked import is being written: no page, list, count, export or search shows
  -- it; the last chunk makes it 'ready'. Leftovers of a crash (heartbeat too old) are removed.
  state               TEXT    NOT NULL DEFAULT 'ready' CHECK (state IN ('importing', 'ready')),
  import_heartbeat    TEXT,
  -- The version of the QA checks last run over every segment (src/qa); lower = re-check in the background.
  qa_version          INTEGER NOT NULL DEFAULT 0,
  created_by          TEXT    NOT NULL,
  created_by_user_id  INTEGER,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL
);
INSERT INTO articles_new (id, title, format, leading, created_by, created_at, updated_at)
  SELECT id, title, format, leading, created_by, created_at, updated_at FROM articles;
DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;
CREATE INDEX idx_articles_state_updated ON articles (state, updated_at);

-- An imported bilingual file, kept verbatim: the export writes the corrected targets and states into
-- it and leaves every other byte as it was.
CREATE TABLE article_documents (
  article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('xliff-1.2', 'xliff-2.0')),
  file_name   TEXT,
  content     TEXT    NOT NULL,
  meta        TEXT                          -- JSON the interchange writer needs at document level
);

-- Reading order. A segment's 0-based position is start + slot of its block; see DESIGN in the README.
CREATE TABLE article_blocks (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  block       INTEGER NOT NULL,
  start       INTEGER NOT NULL,             -- position of the block's first segment
  size        INTEGER NOT NULL CHECK (size >= 0),
  PRIMARY KEY (article_id, block)
) WITHOUT ROWID;

-- Segments ---------------------------------------------------------------------------------------
CREATE TABLE segments_new (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- Reading order: ORDER BY block, slot. Both NULL once the segment was merged into its predecessor.
  block          INTEGER,
  slot           INTEGER,
  paragraph      INTEGER NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('sentence', 'heading', 'meta')),
  -- The source-language text when the article has one; 'paragraph' scope = the whole paragraph's source
  -- beside each of its MT sentences (they could not be aligned one to one).
  source         TEXT,
  source_scope   TEXT    CHECK (source_scope IN ('segment', 'paragraph')),
  -- The machine translation. Only a split or merge changes it, recorded in the revision's detail.
  mt             TEXT    NOT NULL,
  codes          TEXT,                      -- JSON InlineCode[] (src/codes) when the segment has inline codes
  anchor         TEXT,                      -- JSON: where the segment lives in the original file (src/interchange)
  separator      TEXT    NOT NULL,
  text           TEXT    NOT NULL,
  status         TEXT    NOT NULL CHECK (status IN ('new', 'edited', 'approved', 'rejected')),
  version        INTEGER NOT NULL,
  note           TEXT,
  updated_by     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  -- Σ measured editing time of its revisions, in whole milliseconds (no float drift in the stored sums).
  editing_ms     INTEGER NOT NULL DEFAULT 0,
  -- Counts kept in step with findings and comments, for row markers and filters.
  open_findings  INTEGER NOT NULL DEFAULT 0,
  open_comments  INTEGER NOT NULL DEFAULT 0,
  merged_into    INTEGER REFERENCES segments_new (id)
);
INSERT INTO segments_new (id, article_id, block, slot, paragraph, kind, mt, separator, text, status, version, note,
                          updated_by, updated_at, editing_ms)
  SELECT s.id, s.article_id, s.position / 1024, s.position % 1024, s.paragraph, s.kind, s.mt, s.separator, s.text,
         s.status, s.version, s.note, s.updated_by, s.updated_at,
         coalesce((SELECT CAST(round(sum(r.editing_seconds) * 1000) AS INTEGER)
                     FROM revisions r WHERE r.segment_id = s.id AND r.editing_seconds IS NOT NULL), 0)
    FROM segments s;
DROP TABLE segments;
ALTER TABLE segments_new RENAME TO segments;
-- Not unique: a split shifts the later slots of its block in one UPDATE.
CREATE INDEX idx_segments_order ON segments (article_id, block, slot);
CREATE INDEX idx_segments_article_status ON segments (article_id, status, block, slot);
CREATE INDEX idx_segments_open_findings ON segments (article_id, block, slot) WHERE open_findings > 0;
CREATE INDEX idx_segments_open_comments ON segments (article_id, block, slot) WHERE open_comments > 0;

INSERT INTO article_blocks (article_id, block, start, size)
  SELECT article_id, block, min(block * 1024 + slot), count(*) FROM segments GROUP BY article_id, block;

-- Batches and revisions ----------------------------------------------------------------------------
-- One action that changes many segments (find and replace, propagation, "fix all", an undo of one of
-- those): one revision per changed segment shares its id, and undoing it undoes them together.
CREATE TABLE batches (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT    NOT NULL CHECK (kind IN ('replace', 'propagate', 'qa-fix', 'undo')),
  article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,   -- NULL when it spans articles
  note        TEXT    NOT NULL,
  author      TEXT    NOT NULL,
  user_id     INTEGER REFERENCES users (id),
  created_at  TEXT    NOT NULL,
  -- 'applying' while its chunks are written; 'interrupted' when the server stopped before the end
  -- (what landed are normal, undoable revisions).
  state       TEXT    NOT NULL CHECK (state IN ('applying', 'done', 'interrupted')),
  changed     INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  undoes      INTEGER REFERENCES batches (id),
  undone_by   INTEGER REFERENCES batches (id)
);
CREATE INDEX idx_batches_article ON batches (article_id, id);

CREATE TABLE revisions_new (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  segment_id       INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version          INTEGER NOT NULL,
  action           TEXT    NOT NULL CHECK (action IN ('import', 'edit', 'status', 'reset', 'revert', 'undo', 'split', 'merge',
                                                      'replace', 'propagate', 'fix')),
  text             TEXT    NOT NULL,
  status           TEXT    NOT NULL CHECK (status IN ('new', 'edited', 'approved', 'rejected')),
  note             TEXT,
  author           TEXT    NOT NULL,
  user_id          INTEGER REFERENCES users (id),
  editing_seconds  REAL    CHECK (editing_seconds IS NULL OR (editing_seconds >= 0 AND editing_seconds <= 86400)),
  created_at       TEXT    NOT NULL,
  batch_id         INTEGER REFERENCES batches (id),
  -- JSON for what else changed: a split or merge (partner segment, MT and source before and after,
  -- offsets), an undo (the version or batch it undid).
  detail           TEXT
);
INSERT INTO revisions_new (id, segment_id, article_id, version, action, text, status, note, author, user_id, editing_seconds, created_at)
  SELECT id, segment_id, article_id, version, action, text, status, note, author, user_id, editing_seconds, created_at FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_new RENAME TO revisions;
CREATE UNIQUE INDEX idx_revisions_segment_version ON revisions (segment_id, version);
CREATE INDEX idx_revisions_article_id ON revisions (article_id, id);
CREATE INDEX idx_revisions_batch ON revisions (batch_id) WHERE batch_id IS NOT NULL;

-- MQM annotations (rebuilt only for AUTOINCREMENT) ------------------------------------------------
CREATE TABLE mqm_annotations_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  span_start  INTEGER NOT NULL CHECK (span_start >= 0),
  span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
  category    TEXT    NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
  severity    TEXT    NOT NULL CHECK (severity IN ('neutral', 'minor', 'major', 'critical')),
  comment     TEXT,
  version     INTEGER NOT NULL,
  deleted_at  TEXT,
  author      TEXT    NOT NULL,
  user_id     INTEGER,
  created_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
INSERT INTO mqm_annotations_new SELECT id, segment_id, article_id, span_start, span_end, category, severity, comment, version,
  deleted_at, author, user_id, created_at, updated_by, updated_at FROM mqm_annotations;
DROP TABLE mqm_annotations;
ALTER TABLE mqm_annotations_new RENAME TO mqm_annotations;
CREATE INDEX idx_mqm_annotations_segment_id ON mqm_annotations (segment_id, span_start);
CREATE INDEX idx_mqm_annotations_article_id ON mqm_annotations (article_id);

CREATE TABLE mqm_annotation_revisions_new (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  annotation_id  INTEGER NOT NULL REFERENCES mqm_annotations (id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  action         TEXT    NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  category       TEXT    NOT NULL,
  severity       TEXT    NOT NULL,
  comment        TEXT,
  author         TEXT    NOT NULL,
  user_id        INTEGER,
  created_at     TEXT    NOT NULL
);
INSERT INTO mqm_annotation_revisions_new SELECT id, annotation_id, version, action, span_start, span_end, category, severity, comment,
  author, user_id, created_at FROM mqm_annotation_revisions;
DROP TABLE mqm_annotation_revisions;
ALTER TABLE mqm_annotation_revisions_new RENAME TO mqm_annotation_revisions;
CREATE UNIQUE INDEX idx_mqm_annotation_revisions_version ON mqm_annotation_revisions (annotation_id, version);

-- QA findings ------------------------------------------------------------------------------------
CREATE TABLE findings (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  segment_id            INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id            INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  check_id              TEXT    NOT NULL,
  -- [span_start, span_end) in UTF-16 code units of segments.text; equal = something missing there.
  span_start            INTEGER NOT NULL CHECK (span_start >= 0),
  span_end              INTEGER NOT NULL CHECK (span_end >= span_start),
  message               TEXT    NOT NULL,
  fix                   TEXT,               -- replacement for the span, only when the fix is certain
  -- The span's text when found: with check_id it recognises the same finding after an unrelated edit,
  -- so its id and a dismissal survive.
  matched               TEXT    NOT NULL,
  segment_version       INTEGER NOT NULL,
  dismissed_at          TEXT,
  dismissed_by          TEXT,
  dismissed_by_user_id  INTEGER,
  dismiss_reason        TEXT
);
CREATE INDEX idx_findings_segment ON findings (segment_id);
CREATE INDEX idx_findings_article_check ON findings (article_id, check_id);

-- Comments ---------------------------------------------------------------------------------------
CREATE TABLE comments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  segment_id   INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  thread_id    INTEGER REFERENCES comments (id) ON DELETE CASCADE,   -- NULL: the first comment of a thread
  body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  author       TEXT    NOT NULL,
  user_id      INTEGER REFERENCES users (id),
  created_at   TEXT    NOT NULL,
  resolved_at  TEXT,                        -- on a thread's first comment
  resolved_by  TEXT,
  revision_id  INTEGER REFERENCES revisions (id)   -- a rejection's reason opens a thread linked to its revision
);
CREATE INDEX idx_comments_segment ON comments (segment_id, id);
CREATE INDEX idx_comments_thread ON comments (thread_id, id);

-- Glossary ---------------------------------------------------------------------------------------
CREATE TABLE glossary_entries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER REFERENCES articles (id) ON DELETE CASCADE,    -- NULL: the shared glossary
  term        TEXT    NOT NULL CHECK (length(term) BETWEEN 1 AND 200),       -- as the MT writes it, or a forbidden variant
  preferred   TEXT    NOT NULL CHECK (length(preferred) BETWEEN 1 AND 200),
  note        TEXT,
  match_case  INTEGER NOT NULL DEFAULT 0 CHECK (match_case IN (0, 1)),
  whole_word  INTEGER NOT NULL DEFAULT 1 CHECK (whole_word IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  created_by  TEXT    NOT NULL,
  user_id     INTEGER REFERENCES users (id),
  created_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE INDEX idx_glossary_entries_article ON glossary_entries (article_id, term);

-- Idempotent imports: a retried POST with the same Idempotency-Key returns the first article. A failed
-- import takes its key with it (the article's rows cascade).
CREATE TABLE idempotency_keys (
  user_id     INTEGER NOT NULL,
  key         TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  created_at  TEXT    NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- Stored figures ---------------------------------------------------------------------------------
-- Kept up to date in the same transaction as every change, so that the quality overview and reports
-- read one row per article instead of recomputing every segment. "Covered" = a sentence or heading
-- whose status is not 'new' (someone edited, approved or rejected it). Derived data: `npx redline
-- recount` rebuilds it from the segments. An article without a row is filled at start-up.
CREATE TABLE article_stats (
  article_id           INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  metrics_version      INTEGER NOT NULL,     -- src/metrics algorithm version the sums were made with
  segments             INTEGER NOT NULL DEFAULT 0,
  new_count            INTEGER NOT NULL DEFAULT 0,
  edited_count         INTEGER NOT NULL DEFAULT 0,
  approved_count       INTEGER NOT NULL DEFAULT 0,
  rejected_count       INTEGER NOT NULL DEFAULT 0,
  evaluated_segments   INTEGER NOT NULL DEFAULT 0,
  evaluated_words      INTEGER NOT NULL DEFAULT 0,
  covered_segments     INTEGER NOT NULL DEFAULT 0,
  covered_words        INTEGER NOT NULL DEFAULT 0,
  ter_insertions       INTEGER NOT NULL DEFAULT 0,
  ter_deletions        INTEGER NOT NULL DEFAULT 0,
  ter_substitutions    INTEGER NOT NULL DEFAULT 0,
  ter_shifts           INTEGER NOT NULL DEFAULT 0,
  ter_reference_words  INTEGER NOT NULL DEFAULT 0,
  chrf_stats           TEXT    NOT NULL DEFAULT '[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]',
  unchanged_segments   INTEGER NOT NULL DEFAULT 0,
  editing_ms           INTEGER NOT NULL DEFAULT 0,
  timed_segments       INTEGER NOT NULL DEFAULT 0,
  timed_words          INTEGER NOT NULL DEFAULT 0,
  open_findings        INTEGER NOT NULL DEFAULT 0,
  open_comments        INTEGER NOT NULL DEFAULT 0,
  last_change          TEXT    NOT NULL
);
CREATE TABLE article_mqm_counts (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  category    TEXT    NOT NULL,
  severity    TEXT    NOT NULL,
  count       INTEGER NOT NULL,
  PRIMARY KEY (article_id, category, severity)
) WITHOUT ROWID;
CREATE TABLE article_hter_buckets (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  bucket      INTEGER NOT NULL,
  count       INTEGER NOT NULL,
  PRIMARY KEY (article_id, bucket)
) WITHOUT ROWID;
CREATE TABLE article_change_hours (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  hour        TEXT    NOT NULL,             -- 'YYYY-MM-DDTHH' in UTC
  count       INTEGER NOT NULL,
  PRIMARY KEY (article_id, hour)
) WITHOUT ROWID;
INSERT INTO article_change_hours (article_id, hour, count)
  SELECT article_id, substr(created_at, 1, 13), count(*) FROM revisions WHERE action <> 'import' GROUP BY article_id, substr(created_at, 1, 13);

-- Search -----------------------------------------------------------------------------------------
-- Trigram index (substrings of 3+ characters, case- and accent-folded) over the MT and the current
-- text. Contentless: it holds only the index; rowid = segment id. `text` is indexed as '' while it
-- equals the MT, which halves the index. Results are always verified against the real strings.
CREATE VIRTUAL TABLE segment_search USING fts5 (
  mt, text, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1
);
INSERT INTO segment_search (rowid, mt, text)
  SELECT id, mt, CASE WHEN text = mt THEN '' ELSE text END FROM segments;
CREATE TRIGGER segments_search_insert AFTER INSERT ON segments BEGIN
  INSERT INTO segment_search (rowid, mt, text) VALUES (new.id, new.mt, CASE WHEN new.text = new.mt THEN '' ELSE new.text END);
END;
CREATE TRIGGER segments_search_update AFTER UPDATE OF mt, text ON segments
  WHEN old.mt IS NOT new.mt OR old.text IS NOT new.text BEGIN
  DELETE FROM segment_search WHERE rowid = old.id;
  INSERT INTO segment_search (rowid, mt, text) VALUES (new.id, new.mt, CASE WHEN new.text = new.mt THEN '' ELSE new.text END);
END;
CREATE TRIGGER segments_search_delete AFTER DELETE ON segments BEGIN
  DELETE FROM segment_search WHERE rowid = old.id;
END;
