-- Interviews (issue 7): slots a coordinator publishes for an offering, the
-- applicants' bookings, private calendar feeds, and e-mail attachments
-- (the .ics invitation). Times UTC; the wall clock the coordinator typed is
-- kept with its zone.
CREATE TABLE interview_slots (
  id TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  starts_at TEXT NOT NULL,       -- UTC, ISO 8601
  local_date TEXT NOT NULL,      -- as typed, in time_zone
  local_time TEXT NOT NULL,      -- HH:MM
  time_zone TEXT NOT NULL,       -- the institution's zone when published
  minutes INTEGER NOT NULL,
  format TEXT NOT NULL,          -- video | phone | in_person
  location TEXT NOT NULL,        -- video link, phone note or address
  interviewers TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  booked INTEGER NOT NULL DEFAULT 0,  -- kept by a conditional UPDATE (booked < capacity)
  version INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX interview_slots_offering ON interview_slots (offering_id, starts_at);
CREATE INDEX interview_slots_institution ON interview_slots (institution_id, starts_at);

CREATE TABLE interview_bookings (
  id TEXT PRIMARY KEY,
  slot_id TEXT NOT NULL REFERENCES interview_slots (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  status TEXT NOT NULL,          -- booked | cancelled
  sequence INTEGER NOT NULL,     -- iCalendar SEQUENCE: +1 on every reschedule or cancel
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One live booking per application, whatever races.
CREATE UNIQUE INDEX interview_bookings_live ON interview_bookings (application_id) WHERE status = 'booked';
CREATE INDEX interview_bookings_slot ON interview_bookings (slot_id, status);
CREATE INDEX interview_bookings_applicant ON interview_bookings (applicant_id, status);

-- A user's private calendar feed: only the token's hash is kept; a new token
-- replaces the old one (revocation).
CREATE TABLE calendar_feeds (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);

-- One optional attachment per e-mail (the .ics of an interview).
ALTER TABLE outbox ADD COLUMN attachment_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment_type TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN attachment TEXT NOT NULL DEFAULT '';
