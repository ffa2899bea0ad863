-- Match rounds (issue 9): a clearinghouse round over chosen blocks, rank
-- lists of applicants, couples and blocks, and the stored result. Times UTC
-- (ISO 8601); '' = not yet.
CREATE TABLE match_rounds (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,              -- draft | open | ranking_closed | matched | published
  applications_close TEXT NOT NULL,
  rank_lists_due TEXT NOT NULL,
  match_day TEXT NOT NULL,
  created_by TEXT NOT NULL,
  stats TEXT NOT NULL,               -- JSON from the run ('' before)
  stable INTEGER NOT NULL,           -- 1 when the verifier found no blocking pair
  blocking_pairs TEXT NOT NULL,      -- JSON array from the run ('[]' before)
  matched_at TEXT NOT NULL,
  published_at TEXT NOT NULL,        -- results are visible from this moment
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE match_round_blocks (
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  block_id TEXT NOT NULL REFERENCES blocks (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  quota INTEGER NOT NULL,
  PRIMARY KEY (round_id, block_id)
);
CREATE INDEX match_round_blocks_block ON match_round_blocks (block_id);
CREATE INDEX match_round_blocks_institution ON match_round_blocks (institution_id, round_id);

-- A rank list: an applicant's own (owner = user id, kind 'applicant'), a
-- block's (owner = block id, kind 'program') or a couple's (owner = couple
-- id, kind 'couple'). Entries live in match_rank_entries.
CREATE TABLE match_rank_lists (
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  kind TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  certified_at TEXT NOT NULL,        -- '' until certified; an edit clears it
  certified_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, kind, owner_id)
);

-- position 1.. for ranked entries; 0 = "do not rank" (program lists).
-- item/item2: block ids (applicant lists; couples: first and second member's
-- block, '' = unmatched) or applicant ids (program lists).
CREATE TABLE match_rank_entries (
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  kind TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  position INTEGER NOT NULL,
  item TEXT NOT NULL,
  item2 TEXT NOT NULL,
  PRIMARY KEY (round_id, kind, owner_id, seq)
);

CREATE TABLE match_couples (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  first_id TEXT NOT NULL REFERENCES users (id),    -- who invited
  second_id TEXT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL,              -- pending | confirmed | dissolved
  created_at TEXT NOT NULL,
  confirmed_at TEXT NOT NULL
);
CREATE INDEX match_couples_round ON match_couples (round_id, status);

-- One row per applicant of the round after the run: the block matched
-- ('' = not matched) and the application it came from; placement_id after
-- publish ('' when unmatched, or when the seat was gone at publish).
CREATE TABLE match_results (
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  block_id TEXT NOT NULL,
  application_id TEXT NOT NULL,
  placement_id TEXT NOT NULL,
  outcome TEXT NOT NULL,             -- matched | not_matched | seat_gone
  PRIMARY KEY (round_id, applicant_id)
);
