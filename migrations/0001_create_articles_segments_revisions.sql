-- Articles, their segments (sentences, headings, metadata lines) in reading order,
-- and the append-only revision history of every segment.

CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- 'text' or 'markdown': decides how the Markdown export renders headings.
  format      TEXT    NOT NULL CHECK (format IN ('text', 'markdown')),
  -- Layout text before the first segment; with each segment's separator it makes
  -- the exported text identical to the imported one.
  leading     TEXT    NOT NULL,
  created_by  TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);

CREATE TABLE segments (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,             -- 0-based reading order in the article
  paragraph   INTEGER NOT NULL,             -- 0-based paragraph index
  kind        TEXT    NOT NULL CHECK (kind IN ('sentence', 'heading', 'meta')),
  mt          TEXT    NOT NULL,             -- the machine translation, never changed
  separator   TEXT    NOT NULL,             -- layout text up to the next segment
  -- The current state, copied from the segment's latest revision so that the
  -- review page and exports read one row per segment instead of the history.
  text        TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('new', 'edited', 'approved', 'rejected')),
  version     INTEGER NOT NULL,
  note        TEXT,                         -- the latest revision's note (e.g. why it was rejected)
  updated_by  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX idx_segments_article_position ON segments (article_id, position);
CREATE INDEX idx_segments_article_status ON segments (article_id, status, position);

CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,             -- 1 = the imported MT
  action      TEXT    NOT NULL CHECK (action IN ('import', 'edit', 'status', 'reset', 'revert')),
  text        TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('new', 'edited', 'approved', 'rejected')),
  note        TEXT,                         -- rejection reason or the editor's note
  author      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX idx_revisions_segment_version ON revisions (segment_id, version);
-- The article activity view reads the newest revisions of one article.
CREATE INDEX idx_revisions_article_id ON revisions (article_id, id);
