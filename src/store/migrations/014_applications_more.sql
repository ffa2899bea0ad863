-- What an application carries besides the vault (issue 6): its own cover
-- letter (written in the app, or an uploaded PDF in the encrypted file store)
-- and the CV choice (generated from the profile, or a vault document). At
-- submission the CV is frozen into cv_blob (the generated PDF, or the chosen
-- document's current version). Times UTC.
CREATE TABLE application_materials (
  application_id TEXT PRIMARY KEY REFERENCES applications (id),
  cover_letter_text TEXT NOT NULL,      -- '' when none or when a PDF was uploaded
  cover_letter_blob TEXT NOT NULL,      -- '' when none or when written
  cover_letter_filename TEXT NOT NULL,
  cover_letter_pages INTEGER NOT NULL,
  cover_letter_size INTEGER NOT NULL,
  cv_kind TEXT NOT NULL,                -- '' (not chosen) | generated | document
  cv_document_id TEXT NOT NULL,         -- cv_kind = document: the applicant's vault document
  cv_blob TEXT NOT NULL,                -- frozen at submission
  cv_pages INTEGER NOT NULL,
  frozen_at TEXT NOT NULL,              -- '' while the application is a draft
  updated_at TEXT NOT NULL
);
