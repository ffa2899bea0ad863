-- Offers (issue 7): a coordinator offers one block of an application; the
-- applicant accepts (which takes a seat, store::TakeSeat, and creates a
-- placement) or declines; offers expire, may be rescinded, or lapse when the
-- block filled before acceptance. A pending offer holds no seat. Times UTC.
CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  block_id TEXT NOT NULL REFERENCES blocks (id),
  status TEXT NOT NULL,          -- pending | accepted | declined | expired | rescinded | lapsed
  expires_at TEXT NOT NULL,
  reason TEXT NOT NULL,          -- why rescinded / declined / lapsed, or the coordinator's note
  offered_by TEXT NOT NULL,      -- a user id, or '' when the system promoted from the waitlist
  placement_id TEXT NOT NULL,    -- the placement once accepted, else ''
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX offers_application ON offers (application_id, status);
CREATE INDEX offers_applicant ON offers (applicant_id, status);
CREATE INDEX offers_due ON offers (status, expires_at);
CREATE INDEX offers_block ON offers (block_id, status);
CREATE INDEX offers_offering ON offers (offering_id, created_at);

-- Per offering: how long an offer stays open (1..60 days, default 7) and what
-- happens when a seat comes back (auto: the block's top waitlisted
-- application gets an offer; notify: the coordinators get an e-mail).
CREATE TABLE offer_settings (
  offering_id TEXT PRIMARY KEY REFERENCES offerings (id),
  expiry_days INTEGER NOT NULL,
  waitlist_promotion TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
