-- The rest of applications (issue 6; docs/decisions/015-applications-rest.md):
-- application fee records and school verifications. Times UTC, money in
-- integer cents with its currency.

-- One fee record per application whose offering charges an application fee.
-- While due, the amount follows the offering and the applicant's category;
-- recording the payment freezes it.
CREATE TABLE application_fees (
  application_id TEXT PRIMARY KEY REFERENCES applications (id),
  amount_cents BIGINT NOT NULL,
  currency TEXT NOT NULL,
  category TEXT NOT NULL,        -- student | graduate | '' (profile did not say)
  status TEXT NOT NULL,          -- due | recorded | confirmed | waived | refunded
  method TEXT NOT NULL,          -- recorded by the applicant: card | bank_transfer | check | cash | other
  reference TEXT NOT NULL,       -- receipt or transaction number
  recorded_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,      -- the coordinator who confirmed, waived or refunded ('' before)
  decided_at TEXT NOT NULL,
  note TEXT NOT NULL,            -- the coordinator's note
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The applicant asks their school's dean's office to confirm enrollment or
-- graduation and good standing; the office answers through a private link
-- (a "school_verification" token whose user_id is this row's id).
CREATE TABLE school_verifications (
  id TEXT PRIMARY KEY,
  applicant_id TEXT NOT NULL REFERENCES users (id),
  school_name TEXT NOT NULL,     -- from the profile when asked
  office_name TEXT NOT NULL,
  office_email TEXT NOT NULL,
  status TEXT NOT NULL,          -- requested | verified | declined | cancelled
  claim TEXT NOT NULL,           -- verified: enrolled | graduated
  year INTEGER NOT NULL,         -- verified: (expected) graduation year
  good_standing INTEGER NOT NULL,
  method TEXT NOT NULL,          -- verified: attest | letter
  attester_name TEXT NOT NULL,
  attester_title TEXT NOT NULL,
  reason TEXT NOT NULL,          -- declined: why
  blob TEXT NOT NULL,            -- an uploaded PDF letter ('' when none)
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  responded_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX school_verifications_applicant ON school_verifications (applicant_id, status);
CREATE INDEX school_verifications_blob ON school_verifications (blob);
