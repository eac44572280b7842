-- Schema version 7: what funders ask for.  Projects with their partners, tasks and targets; a
-- resident's enrolment in a project with how it ended; the centre's funding by year and source;
-- indicator definitions as rows (a new funder's definition is data, not code); and the coded
-- lookups the EFS participant system (CST2021) expects instead of free text.

-- Projects: the table exists since schema 1 with its title, period, applicant, targets and money.
ALTER TABLE project ADD COLUMN code TEXT;
ALTER TABLE project ADD COLUMN programme TEXT;
-- Projects made from the residents CSV's `projekt` column have no code until the coordinator
-- imports or edits them; several NULLs are allowed by a unique index.
CREATE UNIQUE INDEX project_code ON project (code);

CREATE TABLE project_partner (
  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, partner_id)
);

-- Zadanie 1..n, each carried out by one partner (NULL: the centre itself).
CREATE TABLE project_task (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  title      TEXT NOT NULL,
  partner_id INTEGER REFERENCES partner (id) ON DELETE SET NULL,
  UNIQUE (project_id, number)
);

-- The situation in the 4 weeks after leaving (CST2021's immediate result indicators: working
-- and job seeking are mutually exclusive, the last status counts, so one column holds it).
CREATE TABLE status_after (
  code      TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  position  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO status_after (code, label, position) VALUES
  ('pracujacy', 'Osoba pracująca (w tym prowadząca działalność na własny rachunek)', 1),
  ('poszukujacy_pracy', 'Osoba poszukująca pracy', 2),
  ('ksztalcenie', 'Osoba podejmująca kształcenie lub szkolenie', 3),
  ('bierny', 'Osoba bierna zawodowo', 4);

-- A resident in a project.  path_completed and social_progress are 1, 0 or NULL (not known yet).
CREATE TABLE enrolment (
  id              INTEGER PRIMARY KEY,
  resident_id     INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  project_id      INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  joined_on       TEXT,
  left_on         TEXT,
  path_completed  INTEGER,
  status_after    TEXT REFERENCES status_after (code),
  social_progress INTEGER,
  UNIQUE (resident_id, project_id)
);

CREATE INDEX enrolment_project ON enrolment (project_id);
CREATE INDEX enrolment_left_on ON enrolment (left_on);
CREATE INDEX enrolment_joined_on ON enrolment (joined_on);

-- The residents CSV's `projekt` column (and the detail pane) write resident_project: a project
-- named there is an enrolment from the admission date.  A trigger keeps that true for every
-- writer without the residents code knowing about enrolments; an enrolment already recorded
-- (with its own dates) is left as it is.
INSERT OR IGNORE INTO enrolment (resident_id, project_id, joined_on)
  SELECT rp.resident_id, rp.project_id, r.admission_date
  FROM resident_project rp JOIN resident r ON r.id = rp.resident_id;

CREATE TRIGGER resident_project_enrolment AFTER INSERT ON resident_project
BEGIN
  INSERT OR IGNORE INTO enrolment (resident_id, project_id, joined_on)
    SELECT NEW.resident_id, NEW.project_id, r.admission_date FROM resident r
    WHERE r.id = NEW.resident_id;
END;

-- Funding: per year and source, executed (wykonanie) or planned (plan); amounts in grosze.
CREATE TABLE funding_source (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO funding_source (code, label, position) VALUES
  ('budzet_miasta', 'Budżet miasta', 1),
  ('efs', 'Europejski Fundusz Społeczny', 2),
  ('pfron', 'PFRON', 3),
  ('inne', 'Inne źródła', 4);

CREATE TABLE funding (
  id          INTEGER PRIMARY KEY,
  year        INTEGER NOT NULL,
  source_code TEXT NOT NULL REFERENCES funding_source (code),
  kind        TEXT NOT NULL DEFAULT 'wykonanie' CHECK (kind IN ('wykonanie', 'plan')),
  amount      INTEGER NOT NULL,
  UNIQUE (year, source_code, kind)
);

-- Indicator definitions.  The base says who is counted at all:
--   absolwenci    residents who ended as graduates (end_reason.graduate) within the period;
--   zakonczone    enrolments that ended (left_on) within the period;
--   uczestnictwa  enrolments that overlap the period.
-- sex narrows the base; base_requires 'sciezka' keeps only completed paths in it.
-- The numerator: counts 'wszyscy' (everyone in the base), 'sciezka' (path completed), 'postep'
-- (social progress), or NULL: those whose outcome (indicator_outcome, for graduates) or
-- status after leaving (indicator_status, for enrolments) is listed.  A flag and a list both
-- given must both hold.  The denominator: the base, or 'cel', the project's target (by sex).
-- scope: 'rok' only for a calendar year, 'projekt' only for a project, NULL both.
-- threshold: the percentage a funder expects, NULL when there is none.
ALTER TABLE indicator ADD COLUMN base TEXT NOT NULL DEFAULT 'absolwenci'
  CHECK (base IN ('absolwenci', 'zakonczone', 'uczestnictwa'));
ALTER TABLE indicator ADD COLUMN scope TEXT CHECK (scope IN ('rok', 'projekt'));
ALTER TABLE indicator ADD COLUMN sex TEXT CHECK (sex IN ('K', 'M'));
ALTER TABLE indicator ADD COLUMN base_requires TEXT CHECK (base_requires IN ('sciezka'));
ALTER TABLE indicator ADD COLUMN counts TEXT CHECK (counts IN ('wszyscy', 'sciezka', 'postep'));
ALTER TABLE indicator ADD COLUMN denominator TEXT NOT NULL DEFAULT 'baza'
  CHECK (denominator IN ('baza', 'cel'));
ALTER TABLE indicator ADD COLUMN threshold REAL;

UPDATE indicator SET scope = 'rok' WHERE code IN ('usamodzielnienie', 'spoleczno_zatrudnieniowy');

CREATE TABLE indicator_status (
  indicator_code TEXT NOT NULL REFERENCES indicator (code) ON DELETE CASCADE,
  status_code    TEXT NOT NULL REFERENCES status_after (code) ON DELETE CASCADE,
  PRIMARY KEY (indicator_code, status_code)
) WITHOUT ROWID;

INSERT INTO indicator (code, label, position, base, scope, sex, base_requires, counts, denominator, threshold) VALUES
  ('uczestnicy_k', 'Uczestniczki projektu (kobiety) wobec celu', 10, 'uczestnictwa', 'projekt', 'K', NULL, 'wszyscy', 'cel', 100),
  ('uczestnicy_m', 'Uczestnicy projektu (mężczyźni) wobec celu', 11, 'uczestnictwa', 'projekt', 'M', NULL, 'wszyscy', 'cel', 100),
  ('ukonczona_sciezka', 'Zakończenie udziału zgodnie ze ścieżką', 12, 'zakonczone', NULL, NULL, NULL, 'sciezka', 'baza', NULL),
  ('zatrudnienie_po', 'Pracujący po zakończeniu ścieżki', 13, 'zakonczone', NULL, NULL, 'sciezka', NULL, 'baza', NULL),
  ('efektywnosc_spoleczna', 'Efektywność społeczna', 14, 'zakonczone', NULL, NULL, NULL, 'postep', 'baza', 34),
  ('efektywnosc_zatrudnieniowa', 'Efektywność zatrudnieniowa', 15, 'zakonczone', NULL, NULL, NULL, NULL, 'baza', 22);

INSERT INTO indicator_status (indicator_code, status_code) VALUES
  ('zatrudnienie_po', 'pracujacy'),
  ('efektywnosc_zatrudnieniowa', 'pracujacy');

-- CST2021's dictionaries.  The resident's education, labour-market status and citizenship were
-- free text; they now hold one of these codes (a text typed before stays and is exported as
-- typed, so nothing is lost; the office maps it when it edits the person).
CREATE TABLE education_level (
  code TEXT PRIMARY KEY, label TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO education_level (code, label, position) VALUES
  ('isced0', 'Brak (ISCED 0)', 1),
  ('isced1', 'Podstawowe (ISCED 1)', 2),
  ('isced2', 'Gimnazjalne (ISCED 2)', 3),
  ('isced3', 'Ponadgimnazjalne (ISCED 3)', 4),
  ('isced4', 'Policealne (ISCED 4)', 5),
  ('isced5_8', 'Wyższe (ISCED 5-8)', 6);

CREATE TABLE labour_status (
  code TEXT PRIMARY KEY, label TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO labour_status (code, label, position) VALUES
  ('bezrobotny_zarejestrowany', 'Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy', 1),
  ('bezrobotny_niezarejestrowany', 'Osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy', 2),
  ('bierny', 'Osoba bierna zawodowo', 3),
  ('pracujacy', 'Osoba pracująca', 4);

CREATE TABLE citizenship (
  code TEXT PRIMARY KEY, label TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
  foreign_origin INTEGER NOT NULL DEFAULT 0,   -- "Osoba obcego pochodzenia"
  third_country  INTEGER NOT NULL DEFAULT 0    -- "Osoba z państwa trzeciego"
) WITHOUT ROWID;
INSERT INTO citizenship (code, label, position, foreign_origin, third_country) VALUES
  ('pl', 'Obywatelstwo polskie', 1, 0, 0),
  ('ue', 'Brak polskiego obywatelstwa – obywatel kraju UE', 2, 1, 0),
  ('spoza_ue', 'Brak polskiego obywatelstwa lub bezpaństwowiec', 3, 1, 1);

CREATE TABLE degurba (
  code TEXT PRIMARY KEY, label TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO degurba (code, label, position) VALUES
  ('1', '1 – Miasta (obszary gęsto zaludnione)', 1),
  ('2', '2 – Małe miasta i przedmieścia (obszary o pośredniej gęstości zaludnienia)', 2),
  ('3', '3 – Obszary wiejskie (obszary słabo zaludnione)', 3);

-- What CST2021 asks and the resident did not hold yet.
ALTER TABLE resident ADD COLUMN voivodeship TEXT;
ALTER TABLE resident ADD COLUMN county TEXT;
ALTER TABLE resident ADD COLUMN degurba TEXT;
-- The CHECK is written as ORs, not as IN ('tak', 'nie', 'odmowa'): SQLite looks a constant list
-- of three or more up in a temporary b-tree built anew for every row written, which was 13 % of
-- an import's instructions.  The constraint is the same; databases made before keep the IN form,
-- correct and only slower (changing a CHECK would need a rebuild of resident, which others use).
ALTER TABLE resident ADD COLUMN minority TEXT
  CHECK (minority = 'tak' OR minority = 'nie' OR minority = 'odmowa');
