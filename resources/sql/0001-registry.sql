-- Schema version 1: the registry of residents and what an office exports from its spreadsheet.
-- Codes (categories, end reasons, outcomes) are rows, not enums in C, because the law that
-- defines them changes; the indicator definitions are rows for the same reason.

CREATE TABLE category (
  code        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  legal_basis TEXT,
  position    INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

INSERT INTO category (code, label, legal_basis, position) VALUES
  ('bezdomnosc', 'Bezdomność (realizacja indywidualnego programu wychodzenia z bezdomności)', 'art. 1 ust. 2 pkt 1', 1),
  ('uzaleznienie_alkohol', 'Uzależnienie od alkoholu', 'art. 1 ust. 2 pkt 2', 2),
  ('uzaleznienie_narkotyki', 'Uzależnienie od narkotyków lub innych środków odurzających', 'art. 1 ust. 2 pkt 3', 3),
  ('zaburzenia_psychiczne', 'Choroba psychiczna', 'art. 1 ust. 2 pkt 4', 4),
  ('bezrobocie_dlugotrwale', 'Długotrwałe bezrobocie', 'art. 1 ust. 2 pkt 5', 5),
  ('zwolnienie_z_zakladu_karnego', 'Zwolnienie z zakładu karnego', 'art. 1 ust. 2 pkt 6', 6),
  ('uchodzca', 'Uchodźca realizujący indywidualny program integracji', 'art. 1 ust. 2 pkt 7', 7),
  ('niepelnosprawnosc', 'Niepełnosprawność', 'art. 1 ust. 2 pkt 8', 8);

CREATE TABLE end_reason (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  graduate INTEGER NOT NULL DEFAULT 0   -- a person who ended this way is a graduate (absolwent)
) WITHOUT ROWID;

INSERT INTO end_reason (code, label, graduate) VALUES
  ('ukonczenie', 'Ukończenie programu', 1),
  ('rezygnacja', 'Rezygnacja', 0),
  ('skreslenie', 'Skreślenie z listy', 0),
  ('inny', 'Inny powód', 0);

CREATE TABLE outcome (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO outcome (code, label, position) VALUES
  ('dzialalnosc_gospodarcza', 'Własna działalność gospodarcza', 1),
  ('zatrudnienie', 'Zatrudnienie', 2),
  ('zatrudnienie_wspierane', 'Zatrudnienie wspierane', 3),
  ('spoldzielnia_socjalna', 'Spółdzielnia socjalna', 4),
  ('staz', 'Staż', 5),
  ('prace_spolecznie_uzyteczne', 'Prace społecznie użyteczne', 6),
  ('poszukiwanie_pracy', 'Bezrobotny aktywnie poszukujący pracy', 7),
  ('brak', 'Brak aktywności', 8);

CREATE TABLE indicator (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Which outcomes count in the numerator of which indicator (CIS Krasnystaw's definitions).
CREATE TABLE indicator_outcome (
  indicator_code TEXT NOT NULL REFERENCES indicator (code) ON DELETE CASCADE,
  outcome_code   TEXT NOT NULL REFERENCES outcome (code) ON DELETE CASCADE,
  PRIMARY KEY (indicator_code, outcome_code)
) WITHOUT ROWID;

INSERT INTO indicator (code, label, position) VALUES
  ('usamodzielnienie', 'Wskaźnik usamodzielnienia', 1),
  ('spoleczno_zatrudnieniowy', 'Wskaźnik społeczno-zatrudnieniowy', 2);

INSERT INTO indicator_outcome (indicator_code, outcome_code) VALUES
  ('usamodzielnienie', 'dzialalnosc_gospodarcza'),
  ('usamodzielnienie', 'zatrudnienie'),
  ('usamodzielnienie', 'zatrudnienie_wspierane'),
  ('usamodzielnienie', 'spoldzielnia_socjalna'),
  ('usamodzielnienie', 'staz'),
  ('spoleczno_zatrudnieniowy', 'dzialalnosc_gospodarcza'),
  ('spoleczno_zatrudnieniowy', 'zatrudnienie'),
  ('spoleczno_zatrudnieniowy', 'zatrudnienie_wspierane'),
  ('spoleczno_zatrudnieniowy', 'spoldzielnia_socjalna'),
  ('spoleczno_zatrudnieniowy', 'staz'),
  ('spoleczno_zatrudnieniowy', 'prace_spolecznie_uzyteczne'),
  ('spoleczno_zatrudnieniowy', 'poszukiwanie_pracy');

CREATE TABLE workshop (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE project (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL UNIQUE,
  start_date   TEXT,
  end_date     TEXT,
  applicant    TEXT,
  target_women INTEGER,
  target_men   INTEGER,
  total_value  INTEGER,   -- grosze, so that sums are exact
  grant_value  INTEGER
);

CREATE TABLE resident (
  id               INTEGER PRIMARY KEY,
  first_name       TEXT NOT NULL,
  surname          TEXT NOT NULL,
  pesel            TEXT UNIQUE,
  sex              TEXT CHECK (sex IN ('K', 'M')),
  birth_date       TEXT,
  phone            TEXT,
  email            TEXT,
  address          TEXT,
  postcode         TEXT,
  town             TEXT,
  commune          TEXT,
  citizenship      TEXT,
  referral         TEXT,
  referral_date    TEXT,
  contract_number  TEXT,
  education        TEXT,
  labour_status    TEXT,
  disability       TEXT,
  admission_date   TEXT,
  end_date         TEXT,
  end_reason       TEXT REFERENCES end_reason (code),
  outcome          TEXT REFERENCES outcome (code),
  outcome_date     TEXT,
  workshop_id      INTEGER REFERENCES workshop (id) ON DELETE SET NULL,
  notes            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
);

CREATE INDEX resident_end_date ON resident (end_date);
CREATE INDEX resident_admission_date ON resident (admission_date);
CREATE INDEX resident_workshop ON resident (workshop_id);

CREATE TABLE resident_category (
  resident_id   INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  category_code TEXT NOT NULL REFERENCES category (code),
  PRIMARY KEY (resident_id, category_code)
) WITHOUT ROWID;

CREATE INDEX resident_category_code ON resident_category (category_code);

CREATE TABLE resident_project (
  resident_id INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  PRIMARY KEY (resident_id, project_id)
) WITHOUT ROWID;

CREATE INDEX resident_project_project ON resident_project (project_id);
