-- Interviews, the rest of issue 7 (docs/decisions/014-fair-release-and-scorecards.md):
-- fair release per offering (randomized turns or ranked preferences assigned
-- in one batch) and interviewers' scorecards. Times UTC, ISO 8601.

-- One row per offering that left first come, first served. No row = first_come.
CREATE TABLE interview_release (
  offering_id TEXT PRIMARY KEY REFERENCES offerings (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  mode TEXT NOT NULL,                -- first_come | randomized | preferences
  release_at TEXT NOT NULL,          -- randomized: when turn 0 opens ('' otherwise)
  window_minutes INTEGER NOT NULL,   -- randomized: minutes between two turns
  preference_deadline TEXT NOT NULL, -- preferences: rankings close ('' otherwise)
  seed TEXT NOT NULL,                -- decimal uint64 of the draw, kept for audit
  assigned_at TEXT NOT NULL,         -- preferences: when the batch ran ('' before)
  version INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Randomized mode: the drawn order of the applicants invited when the
-- coordinator saved the settings (turn = position).
CREATE TABLE interview_turns (
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  turn_index INTEGER NOT NULL,   -- 0-based position in the draw
  opens_at TEXT NOT NULL,
  PRIMARY KEY (offering_id, application_id)
);

-- Preferences mode: an applicant's ranked slots (rank 1 = best; no ties).
CREATE TABLE interview_preferences (
  application_id TEXT NOT NULL REFERENCES applications (id),
  slot_id TEXT NOT NULL REFERENCES interview_slots (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  choice INTEGER NOT NULL,       -- 1 = best
  updated_at TEXT NOT NULL,
  PRIMARY KEY (application_id, slot_id)
);
CREATE INDEX interview_preferences_offering ON interview_preferences (offering_id, application_id, choice);

-- An interviewer's scorecard for a booked interview: one per booking and
-- staff member; drafts are seen by their author only. Never shown to applicants.
CREATE TABLE interview_scorecards (
  booking_id TEXT NOT NULL REFERENCES interview_bookings (id),
  interviewer_id TEXT NOT NULL REFERENCES users (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  scores TEXT NOT NULL,          -- JSON object criterion key → 1..5
  total INTEGER NOT NULL,        -- weighted, hundredths of a point (0..10000)
  recommendation TEXT NOT NULL,  -- strong_yes | yes | no | strong_no ('' in a draft)
  notes TEXT NOT NULL,
  status TEXT NOT NULL,          -- draft | submitted
  version INTEGER NOT NULL,      -- optimistic concurrency
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (booking_id, interviewer_id)
);
CREATE INDEX interview_scorecards_application ON interview_scorecards (application_id);
