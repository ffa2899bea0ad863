-- Interviewers as accounts (issue 7; decision 014 addendum): a slot names
-- staff accounts of its institution as interviewers, besides the free-text
-- names kept in interview_slots.interviewers for outside interviewers.
CREATE TABLE interview_slot_interviewers (
  slot_id TEXT NOT NULL REFERENCES interview_slots (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  position INTEGER NOT NULL,     -- order the coordinator chose them in
  PRIMARY KEY (slot_id, user_id)
);
CREATE INDEX interview_slot_interviewers_user ON interview_slot_interviewers (user_id, institution_id);
