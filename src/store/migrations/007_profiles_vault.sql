-- Applicant profiles, the encrypted document vault, and the minimal
-- application (issue 5; issue 6 grows it). See docs/decisions/005.
CREATE TABLE profiles (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  data TEXT NOT NULL,        -- the profile JSON (services/profile_json)
  legal_name TEXT NOT NULL,  -- copied out for staff lists
  version INTEGER NOT NULL,  -- optimistic concurrency: PUT must name the version it read
  updated_at TEXT NOT NULL
);

-- A checked, encrypted file not yet attached to a document; swept after a day.
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  blob TEXT NOT NULL,        -- 64-hex id in the file store
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  filename TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX uploads_user ON uploads (user_id);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,          -- pending | verified | rejected
  status_reason TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,     -- user id or ''
  reviewed_at TEXT NOT NULL,     -- '' until reviewed
  current_version INTEGER NOT NULL,
  deleted_at TEXT NOT NULL,      -- '' while in the vault
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX documents_user ON documents (user_id, deleted_at);

CREATE TABLE document_versions (
  document_id TEXT NOT NULL REFERENCES documents (id),
  version INTEGER NOT NULL,
  blob TEXT NOT NULL,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  filename TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  vaccines TEXT NOT NULL,        -- JSON array
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (document_id, version)
);
CREATE INDEX document_versions_blob ON document_versions (blob);

CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  applicant_id TEXT NOT NULL REFERENCES users (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  status TEXT NOT NULL,          -- draft | submitted | withdrawn (issue 6 adds the rest)
  status_reason TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX applications_applicant ON applications (applicant_id, status);
CREATE INDEX applications_institution ON applications (institution_id, applicant_id, status);
CREATE INDEX applications_offering ON applications (offering_id, status);

CREATE TABLE application_blocks (
  application_id TEXT NOT NULL REFERENCES applications (id),
  block_id TEXT NOT NULL REFERENCES blocks (id),
  preference INTEGER NOT NULL,
  PRIMARY KEY (application_id, block_id)
);
CREATE INDEX application_blocks_block ON application_blocks (block_id);

-- Documents an application refers to (filled on submit: the vault documents
-- that answered its checklist). A referenced document cannot be deleted.
CREATE TABLE application_documents (
  application_id TEXT NOT NULL REFERENCES applications (id),
  document_id TEXT NOT NULL REFERENCES documents (id),
  PRIMARY KEY (application_id, document_id)
);
CREATE INDEX application_documents_document ON application_documents (document_id);

-- Reminders already sent (one row per reminder key, e.g.
-- "start:<application>:<block>:14"), so a day's run is idempotent.
CREATE TABLE reminders_sent (
  key TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
