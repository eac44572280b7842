-- Schema version 5: individual plans (IPZS in a CIS, IPUS in a CUS) from diagnosis to closing,
-- with the case manager's phases of seed 000, reintegration potential per dimension, goals,
-- services, reviews and signed revisions (aneksy).

-- The plan row of 0002 holds the header; phase codes are those of seed 000's table
-- (diagnoza, planowanie, realizacja, monitorowanie, rzecznictwo, zamkniecie).
ALTER TABLE plan ADD COLUMN application_date TEXT;   -- IPUS: the day of the application
ALTER TABLE plan ADD COLUMN approved_on TEXT;        -- IPUS: approved by the director or an OUS
ALTER TABLE plan ADD COLUMN diagnosis_summary TEXT;  -- what the plan starts from
ALTER TABLE plan ADD COLUMN contingency TEXT;        -- the contingency plan
ALTER TABLE plan ADD COLUMN work_started_on TEXT;    -- IPZS: took up work, a cooperative, a business
ALTER TABLE plan ADD COLUMN closed_on TEXT;
ALTER TABLE plan ADD COLUMN achievements TEXT;       -- closing: achievements against goals
ALTER TABLE plan ADD COLUMN further_support TEXT;    -- closing: options for further support
-- The number of the last signed revision (0: never signed) and whether the content may be
-- changed now: a new plan, or an aneks opened with its reason and not yet signed.
ALTER TABLE plan ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan ADD COLUMN editing INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan ADD COLUMN aneks_reason TEXT;

-- The three consultations of the diagnosis (CIS Krasnystaw): social worker, psychologist,
-- vocational counsellor (who also writes down the vocational preferences).
CREATE TABLE plan_opinion (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  role           TEXT NOT NULL CHECK (role IN ('pracownik_socjalny', 'psycholog', 'doradca_zawodowy')),
  author         TEXT NOT NULL,
  written_on     TEXT NOT NULL,
  body           TEXT NOT NULL,
  preferences    TEXT
);
CREATE INDEX plan_opinion_plan ON plan_opinion (plan_id);

CREATE TABLE plan_goal (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL DEFAULT 0,
  title            TEXT NOT NULL,
  term             TEXT NOT NULL DEFAULT 'krotkoterminowy'
                   CHECK (term IN ('krotkoterminowy', 'dlugoterminowy')),
  criterion        TEXT NOT NULL,
  responsible_kind TEXT NOT NULL DEFAULT 'koordynator'
                   CHECK (responsible_kind IN ('koordynator', 'uczestnik', 'partner')),
  responsible      TEXT,
  partner_id       INTEGER REFERENCES partner (id) ON DELETE SET NULL,
  deadline         TEXT,
  status           TEXT NOT NULL DEFAULT 'planowany'
                   CHECK (status IN ('planowany', 'w_realizacji', 'osiagniety', 'nieosiagniety', 'zaniechany'))
);
CREATE INDEX plan_goal_plan ON plan_goal (plan_id);

CREATE TABLE plan_goal_dimension (
  goal_id        INTEGER NOT NULL REFERENCES plan_goal (id) ON DELETE CASCADE,
  dimension_code TEXT NOT NULL REFERENCES potential_dimension (code),
  PRIMARY KEY (goal_id, dimension_code)
);

CREATE TABLE plan_service (
  id            INTEGER PRIMARY KEY,
  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  service_id    INTEGER NOT NULL REFERENCES service (id),
  provider      TEXT,
  hours_planned REAL NOT NULL DEFAULT 0,
  hours_given   REAL NOT NULL DEFAULT 0
);
CREATE INDEX plan_service_plan ON plan_service (plan_id);

-- The labelled scale on which each dimension is scored: data, like the dimensions.
CREATE TABLE potential_scale (
  score INTEGER PRIMARY KEY,
  label TEXT NOT NULL
);
INSERT INTO potential_scale (score, label) VALUES
  (1, 'Bardzo niski'),
  (2, 'Niski'),
  (3, 'Średni'),
  (4, 'Dobry'),
  (5, 'Wysoki');

CREATE TABLE plan_assessment (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  assessed_on TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('wejscie', 'przeglad', 'wyjscie')),
  author      TEXT
);
CREATE INDEX plan_assessment_plan ON plan_assessment (plan_id, assessed_on);

CREATE TABLE plan_score (
  assessment_id  INTEGER NOT NULL REFERENCES plan_assessment (id) ON DELETE CASCADE,
  dimension_code TEXT NOT NULL REFERENCES potential_dimension (code),
  score          INTEGER NOT NULL REFERENCES potential_scale (score),
  resources      TEXT,
  deficits       TEXT,
  PRIMARY KEY (assessment_id, dimension_code)
);

CREATE TABLE plan_review (
  id            INTEGER PRIMARY KEY,
  plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  held_on       TEXT NOT NULL,
  notes         TEXT,
  contingency   TEXT,
  assessment_id INTEGER REFERENCES plan_assessment (id) ON DELETE SET NULL
);
CREATE INDEX plan_review_plan ON plan_review (plan_id, held_on);

CREATE TABLE plan_review_goal (
  review_id INTEGER NOT NULL REFERENCES plan_review (id) ON DELETE CASCADE,
  goal_id   INTEGER NOT NULL REFERENCES plan_goal (id) ON DELETE CASCADE,
  status    TEXT NOT NULL,
  progress  TEXT,
  PRIMARY KEY (review_id, goal_id)
);

-- A signed revision: 1 is the plan as first signed, 2 and on its aneksy.  The snapshot is the
-- whole plan as signed (GVariant text), so that an old revision reads and prints unchanged
-- whatever happens to the plan's rows afterwards.
CREATE TABLE plan_revision (
  plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  number    INTEGER NOT NULL,
  signed_on TEXT NOT NULL,
  reason    TEXT,
  snapshot  TEXT NOT NULL,
  PRIMARY KEY (plan_id, number)
);

-- The legal rules on plans as dated settings (domain.md, "Legal parameters").
INSERT INTO setting (key, effective_from, value, source) VALUES
  ('ipus_max_months', '2019-11-01', '12', 'ustawa o realizowaniu usług społecznych przez CUS'),
  ('ipus_draft_days', '2019-11-01', '30', 'ustawa o realizowaniu usług społecznych przez CUS'),
  ('ipzs_after_work_months', '2003-06-13', '6', 'ustawa o zatrudnieniu socjalnym, art. 13'),
  ('plan_review_months', '1900-01-01', '1', 'ustawienie ośrodka'),
  ('centre_mode', '1900-01-01', 'CIS', 'ustawienie ośrodka');
