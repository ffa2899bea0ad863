-- Match rounds, more (issue 9 "In the product"): timed scramble rounds after
-- publish, scramble applications, scramble offers, and the scheduled match
-- day. Times UTC (ISO 8601); '' = not yet.

-- Per match round: how many scramble applications an unmatched applicant may
-- submit in total over all scramble rounds.
CREATE TABLE scramble_settings (
  round_id TEXT PRIMARY KEY REFERENCES match_rounds (id),
  application_limit INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

-- Scramble rounds of a match round: applications and offers happen between
-- starts_at and ends_at; offers made in a round expire at its ends_at.
CREATE TABLE scramble_rounds (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  seq INTEGER NOT NULL,              -- 1.. in time order
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX scramble_rounds_round ON scramble_rounds (round_id, starts_at);

-- One row per applicant × block applied to in the scramble; application_id is
-- the application the offer goes to (new, or the applicant's open one at the
-- offering).
CREATE TABLE scramble_applications (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES match_rounds (id),
  scramble_round_id TEXT NOT NULL REFERENCES scramble_rounds (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  block_id TEXT NOT NULL REFERENCES blocks (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  created_at TEXT NOT NULL,
  UNIQUE (round_id, applicant_id, block_id)
);
CREATE INDEX scramble_applications_block ON scramble_applications (round_id, block_id);

-- An offer made in a scramble round names it ('' for ordinary offers).
ALTER TABLE offers ADD COLUMN scramble_round_id TEXT NOT NULL DEFAULT '';

-- Scheduled match day: when scheduled = 1 the serve scheduler runs and
-- publishes the round at match_day (once rank lists are due). claimed_at is
-- set by the one process that wins the conditional UPDATE; outcome is
-- published | failed: <reason>.
CREATE TABLE match_day_schedules (
  round_id TEXT PRIMARY KEY REFERENCES match_rounds (id),
  scheduled INTEGER NOT NULL,
  claimed_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  outcome TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Institution groups: a named set of institutions whose managers (coordinators
-- of member institutions) create and run match rounds over the group's
-- offerings. match_round_groups: the group that owns a round (admins' rounds
-- have no row).
CREATE TABLE institution_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE institution_group_members (
  group_id TEXT NOT NULL REFERENCES institution_groups (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  PRIMARY KEY (group_id, institution_id)
);
CREATE TABLE institution_group_managers (
  group_id TEXT NOT NULL REFERENCES institution_groups (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX institution_group_managers_user ON institution_group_managers (user_id);
CREATE TABLE match_round_groups (
  round_id TEXT PRIMARY KEY REFERENCES match_rounds (id),
  group_id TEXT NOT NULL REFERENCES institution_groups (id)
);
CREATE INDEX match_round_groups_group ON match_round_groups (group_id);
