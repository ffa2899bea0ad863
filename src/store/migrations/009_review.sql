-- The institution side of applications (issue 6): timeline, rubric scores,
-- messages with read markers, waitlist rank and review targets. Times UTC.
CREATE TABLE application_events (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  seq INTEGER NOT NULL,          -- order within the application (times can tie)
  kind TEXT NOT NULL,            -- status | message | score
  event TEXT NOT NULL,           -- the state-machine event ('' for messages)
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_id TEXT NOT NULL,        -- user id or '' for the system
  actor_kind TEXT NOT NULL,      -- applicant | reviewer | coordinator | system
  detail TEXT NOT NULL,          -- reason, question, answer
  created_at TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, seq);

-- Rubric per institution: JSON array of {"key","label","weight"}; none → the default.
CREATE TABLE institution_review_settings (
  institution_id TEXT PRIMARY KEY REFERENCES institutions (id),
  rubric TEXT NOT NULL,
  target_days INTEGER NOT NULL,  -- review target (default 14)
  updated_at TEXT NOT NULL
);

CREATE TABLE scores (
  application_id TEXT NOT NULL REFERENCES applications (id),
  reviewer_id TEXT NOT NULL REFERENCES users (id),
  scores TEXT NOT NULL,          -- JSON object criterion key → 1..5
  total INTEGER NOT NULL,         -- weighted, in hundredths of a point (0..10000 = 0..100)
  note TEXT NOT NULL,            -- private to the institution's staff
  version INTEGER NOT NULL,      -- optimistic concurrency
  updated_at TEXT NOT NULL,
  PRIMARY KEY (application_id, reviewer_id)
);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  sender_id TEXT NOT NULL REFERENCES users (id),
  sender_side TEXT NOT NULL,     -- applicant | institution
  seq INTEGER NOT NULL,          -- order within the thread (times can tie)
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_application ON messages (application_id, sender_side, seq);

-- How many of the other side's messages a user has seen in a thread
-- (a count, not a time: several messages can share a second).
CREATE TABLE message_reads (
  application_id TEXT NOT NULL REFERENCES applications (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  seen INTEGER NOT NULL,
  PRIMARY KEY (application_id, user_id)
);

-- What the applicant sent, frozen at submission; the queue filters on the
-- copied-out columns (exams_passed is ",exam,exam," for a LIKE match).
CREATE TABLE application_snapshots (
  application_id TEXT PRIMARY KEY REFERENCES applications (id),
  profile TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  search_name TEXT NOT NULL,     -- lower-case for the name search
  school_name TEXT NOT NULL,
  school_country TEXT NOT NULL,
  exams_passed TEXT NOT NULL,
  exams_summary TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Aggregates the review queue reads in its one query (kept by the services;
-- score_avg and score_spread in hundredths of a point, spread = max - min).
ALTER TABLE applications ADD COLUMN score_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN score_avg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN score_spread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN waitlist_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN first_decision_at TEXT NOT NULL DEFAULT '';
CREATE INDEX applications_offering_submitted ON applications (offering_id, submitted_at);
CREATE INDEX applications_institution_decided ON applications (institution_id, first_decision_at);
