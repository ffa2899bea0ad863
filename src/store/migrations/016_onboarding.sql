-- Onboarding after acceptance (issue 7; decision 013). A coordinator's items
-- per offering (orientation, badge photo, information, policies), what an
-- applicant recorded for each item of their placement, and the institution's
-- letterhead for visitor-visa invitation letters. Times UTC.
CREATE TABLE onboarding_items (
  id TEXT PRIMARY KEY,
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,           -- orientation | badge_photo | information | policy
  title TEXT NOT NULL,
  body TEXT NOT NULL,           -- information / policy text; orientation notes
  local_date TEXT NOT NULL,     -- orientation: YYYY-MM-DD as typed, institution's zone
  local_time TEXT NOT NULL,     -- orientation: HH:MM as typed
  starts_at TEXT NOT NULL,      -- orientation: UTC, from the two above and the zone
  place TEXT NOT NULL,
  version INTEGER NOT NULL,     -- +1 whenever the title or text changes
  text_hash TEXT NOT NULL,      -- SHA-256 hex of title + body: what a signature binds to
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX onboarding_items_offering ON onboarding_items (offering_id, position);

-- One row per placement and item: the latest acknowledgement or signature
-- (earlier ones stay in the audit log).
CREATE TABLE onboarding_records (
  placement_id TEXT NOT NULL REFERENCES placements (id),
  item_id TEXT NOT NULL,
  action TEXT NOT NULL,         -- acknowledge | sign
  text_hash TEXT NOT NULL,      -- sign: the policy text signed
  version INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (placement_id, item_id)
);

CREATE TABLE institution_letterheads (
  institution_id TEXT PRIMARY KEY REFERENCES institutions (id),
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  signatory_name TEXT NOT NULL,
  signatory_title TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
