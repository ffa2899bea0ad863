-- Full-text search over offerings (PostgreSQL tsvector, 'simple' configuration
-- so every language's words are kept as written), set by store::IndexOffering.
ALTER TABLE offerings ADD COLUMN search tsvector;
CREATE INDEX offerings_search ON offerings USING GIN (search);
