-- Rotation completion (issue 8, docs/completion.md). The dates a placement
-- actually started and finished (set when it moves; '' before), the
-- preceptor's attendance record and end-of-rotation evaluation, the issued
-- certificates (one per completed placement, a unique human-friendly code),
-- and the applicants' anonymous feedback on rotations. Times UTC.
ALTER TABLE placements ADD COLUMN started_on TEXT NOT NULL DEFAULT '';
ALTER TABLE placements ADD COLUMN finished_on TEXT NOT NULL DEFAULT '';
CREATE INDEX placements_preceptor ON placements (preceptor_id, start_date);

CREATE TABLE placement_attendance (
  placement_id TEXT NOT NULL REFERENCES placements (id),
  day TEXT NOT NULL,          -- YYYY-MM-DD within the placement
  status TEXT NOT NULL,       -- present | absent
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (placement_id, day)
);

CREATE TABLE evaluations (
  placement_id TEXT PRIMARY KEY REFERENCES placements (id),
  preceptor_id TEXT NOT NULL,
  hands_on INTEGER NOT NULL,  -- the wording the preceptor rated with
  ratings TEXT NOT NULL,      -- JSON {competency key: 1..5}
  comments TEXT NOT NULL,
  status TEXT NOT NULL,       -- draft | submitted (locked) | released (the applicant sees it)
  version INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  released_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE certificates (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,               -- CLK-XXXX-XXXX-XC (core/completion.h)
  placement_id TEXT NOT NULL UNIQUE REFERENCES placements (id),
  applicant_id TEXT NOT NULL REFERENCES users (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  facts TEXT NOT NULL,                     -- JSON: the facts as issued (stable)
  issued_on TEXT NOT NULL,
  revoked_at TEXT NOT NULL,                -- '' while valid
  revoked_reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX certificates_applicant ON certificates (applicant_id);
CREATE INDEX certificates_institution ON certificates (institution_id);

CREATE TABLE rotation_feedback (
  placement_id TEXT PRIMARY KEY REFERENCES placements (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  ratings TEXT NOT NULL,      -- JSON {question key: 1..5}
  comment TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX rotation_feedback_offering ON rotation_feedback (offering_id);
