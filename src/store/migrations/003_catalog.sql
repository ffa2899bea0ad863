-- The rotation catalog: specialties (a controlled list admins extend),
-- offerings, and their blocks. Structured details (eligibility, documents,
-- fees, practical facts) are one JSON text column; what search filters on is
-- in columns of its own.
CREATE TABLE specialties (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO specialties (code, name, created_at) VALUES ('internal_medicine', 'Internal medicine', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('surgery', 'Surgery', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('pediatrics', 'Pediatrics', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('obstetrics_gynecology', 'Obstetrics and gynecology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('psychiatry', 'Psychiatry', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('family_medicine', 'Family medicine', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('emergency_medicine', 'Emergency medicine', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('neurology', 'Neurology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('cardiology', 'Cardiology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('oncology', 'Oncology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('dermatology', 'Dermatology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('radiology', 'Radiology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('anesthesiology', 'Anesthesiology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('pathology', 'Pathology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('gastroenterology', 'Gastroenterology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('nephrology', 'Nephrology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('pulmonology', 'Pulmonology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('infectious_disease', 'Infectious disease', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('endocrinology', 'Endocrinology', '2026-11-27T00:00:00Z');
INSERT INTO specialties (code, name, created_at) VALUES ('orthopedic_surgery', 'Orthopedic surgery', '2026-11-27T00:00:00Z');

CREATE TABLE offerings (
  id TEXT PRIMARY KEY,
  institution_id TEXT NOT NULL REFERENCES institutions (id),
  status TEXT NOT NULL,
  title TEXT NOT NULL,
  specialty TEXT NOT NULL REFERENCES specialties (code),
  type TEXT NOT NULL,
  hands_on INTEGER NOT NULL,
  description TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  country TEXT NOT NULL,
  duration_weeks INTEGER NOT NULL,
  currency TEXT NOT NULL,
  fee_min_cents BIGINT NOT NULL,  -- lowest all-in cost over the eligible applicant categories
  visas TEXT NOT NULL,            -- ' j1 b1_b2 ' (space-delimited codes) for the visa facet
  details TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX offerings_institution ON offerings (institution_id, status);
CREATE INDEX offerings_facets ON offerings (status, specialty, type);

CREATE TABLE blocks (
  id TEXT PRIMARY KEY,
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  seats INTEGER NOT NULL,
  opens_on TEXT NOT NULL,
  deadline TEXT NOT NULL,
  applications INTEGER NOT NULL DEFAULT 0,
  filled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX blocks_offering ON blocks (offering_id, start_date);
CREATE INDEX blocks_start ON blocks (start_date);
