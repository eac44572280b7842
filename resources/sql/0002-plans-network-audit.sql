-- Schema version 2: lifecycle and GDPR fields, the settings that the law makes dated data, the
-- audit trail, and the first tables of plans and of the reintegration network.

ALTER TABLE resident ADD COLUMN extension_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resident ADD COLUMN consent_basis TEXT;
ALTER TABLE resident ADD COLUMN consent_date TEXT;
ALTER TABLE resident ADD COLUMN anonymised INTEGER NOT NULL DEFAULT 0;
-- Casefolded, diacritic-free "surname first-name pesel", kept by the store for search as you
-- type ("lodz" finds "Łódź") with a plain LIKE.
ALTER TABLE resident ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- Legal parameters with the date from which each holds and where it comes from (domain.md:
-- "treat each as a setting with an effective date, never as a constant in code").
CREATE TABLE setting (
  key            TEXT NOT NULL,
  effective_from TEXT NOT NULL DEFAULT '1900-01-01',
  value          TEXT NOT NULL,
  source         TEXT,
  PRIMARY KEY (key, effective_from)
) WITHOUT ROWID;

INSERT INTO setting (key, effective_from, value, source) VALUES
  ('trial_months', '2003-06-13', '1', 'ustawa o zatrudnieniu socjalnym, art. 15'),
  ('participation_months', '2003-06-13', '12', 'ustawa o zatrudnieniu socjalnym, art. 15'),
  ('extension_max_months', '2003-06-13', '12', 'ustawa o zatrudnieniu socjalnym, art. 15'),
  ('limit_warning_days', '1900-01-01', '30', 'ustawienie ośrodka'),
  ('retention_years', '1900-01-01', '10', 'ustawienie ośrodka');

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL,   -- insert, update, delete, anonymise, import, export
  detail    TEXT             -- names of the changed fields, never their values
);

CREATE INDEX audit_entity ON audit (entity, entity_id);

-- type's and level's CHECKs are ORs, not IN (…): see minority in 0007 (a temporary b-tree per row).
CREATE TABLE partner (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type = 'A' OR type = 'B' OR type = 'C'),
  level       TEXT NOT NULL DEFAULT 'lokalny'
                CHECK (level = 'lokalny' OR level = 'regionalny' OR level = 'krajowy'),
  nip         TEXT,
  regon       TEXT,
  address     TEXT,
  phone       TEXT,
  email       TEXT
);

CREATE TABLE service (
  id         INTEGER PRIMARY KEY,
  partner_id INTEGER REFERENCES partner (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  grp        TEXT NOT NULL CHECK (grp IN ('A', 'B')),
  area       TEXT
);

CREATE TABLE plan (
  id          INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('IPZS', 'IPUS')),
  phase       TEXT NOT NULL DEFAULT 'diagnoza',
  start_date  TEXT,
  end_date    TEXT,
  approved_by TEXT
);

CREATE INDEX plan_resident ON plan (resident_id);

-- The list view sorts 100 000 people by name in Polish order; "pl" is the ICU collation that
-- ReiStore registers on every connection it opens.
CREATE INDEX resident_name ON resident (surname COLLATE pl, first_name COLLATE pl);
