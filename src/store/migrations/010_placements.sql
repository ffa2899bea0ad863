-- A placement: an applicant holds a seat of one block (from an accepted offer
-- or from a match round). Taking it increments blocks.filled with a
-- conditional update (store::TakeSeat), so a block is never overbooked; a
-- cancelled placement gives the seat back (store::ReleaseSeat).
CREATE TABLE placements (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  block_id TEXT NOT NULL REFERENCES blocks (id),
  source TEXT NOT NULL,          -- offer | match
  status TEXT NOT NULL,          -- scheduled | in_progress | completed | incomplete | cancelled
  status_reason TEXT NOT NULL,
  preceptor_id TEXT NOT NULL,    -- a user id, or '' before one is assigned
  start_date TEXT NOT NULL,      -- the block's dates when the seat was taken
  end_date TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX placements_applicant ON placements (applicant_id, status);
CREATE INDEX placements_block ON placements (block_id, status);
CREATE INDEX placements_institution ON placements (institution_id, status, start_date);
CREATE INDEX placements_application ON placements (application_id);
