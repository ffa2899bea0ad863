-- Saved searches of applicants, and when each block first became visible in
-- the published catalog, so alerts announce every new block once.
CREATE TABLE saved_searches (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  query TEXT NOT NULL,        -- parameters of GET /api/search/offerings as a JSON object
  watermark BIGINT NOT NULL,  -- catalog version up to which new blocks were considered
  created_at TEXT NOT NULL,
  last_alert_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX saved_searches_name ON saved_searches (user_id, name);
CREATE INDEX saved_searches_watermark ON saved_searches (watermark);

-- The catalog version at which the block first appeared in search (0: never
-- yet): set when a block is added to a published offering or its offering
-- is published, never changed afterwards.
ALTER TABLE blocks ADD COLUMN published_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX blocks_published_seq ON blocks (published_seq);
-- Blocks already public count as announced.
UPDATE blocks SET published_seq = (SELECT version FROM catalog_version WHERE id = 1)
  WHERE offering_id IN (SELECT id FROM offerings WHERE status = 'published');
