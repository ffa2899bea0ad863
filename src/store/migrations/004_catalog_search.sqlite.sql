-- Full-text search over published offerings (SQLite FTS5), kept in step by
-- store::IndexOffering on every write.
CREATE VIRTUAL TABLE offerings_fts USING fts5(
  offering_id UNINDEXED, title, description, institution, specialty,
  tokenize = 'unicode61 remove_diacritics 2'
);
