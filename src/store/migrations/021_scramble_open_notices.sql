-- The "scramble is open" e-mail (issue 9): set by the one process that wins
-- the conditional UPDATE when a scramble round's window opens; the e-mails go
-- to the outbox in the same transaction. '' = not sent yet.
ALTER TABLE scramble_rounds ADD COLUMN notice_claimed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE scramble_rounds ADD COLUMN notice_claimed_by TEXT NOT NULL DEFAULT '';
