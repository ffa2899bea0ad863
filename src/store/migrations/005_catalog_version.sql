-- A counter bumped by every change to the published catalog, so each server
-- process knows when to rebuild its in-memory search index.
CREATE TABLE catalog_version (
  id INTEGER PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);
