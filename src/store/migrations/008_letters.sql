-- Letters of recommendation (issue 6; docs/letters.md). A referee without an
-- account uploads the letter through a private link: a "letter" token whose
-- user_id is the letter request's id (several links may be live: request,
-- resend, reminders; cancelling expires them all).
CREATE TABLE letter_requests (
  id TEXT PRIMARY KEY,
  applicant_id TEXT NOT NULL REFERENCES users (id),
  referee_name TEXT NOT NULL,
  referee_email TEXT NOT NULL,
  referee_title TEXT NOT NULL,
  referee_institution TEXT NOT NULL,
  relationship TEXT NOT NULL,
  waived INTEGER NOT NULL,       -- 1: the applicant waived the right to read it (fixed at request time)
  status TEXT NOT NULL,          -- requested | received | cancelled
  blob TEXT NOT NULL,            -- '' until received
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL,     -- '' until received; last replacement time
  first_sent_at TEXT NOT NULL,   -- '' until first part of a submitted application; then frozen
  last_link_at TEXT NOT NULL,    -- when the link was last e-mailed (request or resend)
  reminders INTEGER NOT NULL,    -- reminders sent (7 and 14 days); keys in reminders_sent
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX letter_requests_applicant ON letter_requests (applicant_id, status);
CREATE INDEX letter_requests_status ON letter_requests (status, created_at);
CREATE INDEX letter_requests_blob ON letter_requests (blob);

-- Which received letters an application carries (a letter can go to many).
CREATE TABLE application_letters (
  application_id TEXT NOT NULL REFERENCES applications (id),
  letter_id TEXT NOT NULL REFERENCES letter_requests (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (application_id, letter_id)
);
CREATE INDEX application_letters_letter ON application_letters (letter_id);
