-- An imported file's text is kept in a table of its own, apart from what is known about it (issue 10).
--
-- The text is known when an import starts: it is the upload itself when the file is UTF-8 or came as
-- text. Its kind and meta are known only once the whole file was read. In one row, the text had to
-- wait for the import's last step, which then wrote the whole file (2.9 MB for a 10,000-unit XLIFF:
-- ~14 ms of its ~400) while the import could do nothing else; the first step now writes it while the
-- server waits for the reader's second chunk anyway. (Writing the row early and completing it late
-- would write the text twice: SQLite rewrites a whole row on UPDATE.)
CREATE TABLE article_document_texts (
  article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  -- The decoded file (a BOM kept as U+FEFF); the export encodes it back in article_documents.meta's encoding.
  content     TEXT    NOT NULL
);
INSERT INTO article_document_texts (article_id, content) SELECT article_id, content FROM article_documents;
ALTER TABLE article_documents DROP COLUMN content;
