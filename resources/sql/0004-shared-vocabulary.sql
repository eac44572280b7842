-- Schema version 4: the vocabulary that plans, the network and reports share, so that each
-- domain's own migration (0005 plans, 0006 network, 0007 reports) can refer to it.

-- The dimensions of reintegration potential (seed 000): data the centre edits, not code.
CREATE TABLE potential_dimension (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  active   INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

INSERT INTO potential_dimension (code, label, position) VALUES
  ('praca', 'Praca i zawód', 1),
  ('rodzina', 'Rodzina', 2),
  ('zdrowie', 'Zdrowie', 3),
  ('mieszkanie', 'Mieszkanie', 4),
  ('umiejetnosci_spoleczne', 'Umiejętności społeczne', 5),
  ('finanse', 'Gospodarowanie pieniędzmi', 6),
  ('edukacja', 'Edukacja', 7),
  ('aktywnosc_obywatelska', 'Aktywność obywatelska', 8),
  ('radzenie_ze_stygmatyzacja', 'Radzenie sobie ze stygmatyzacją', 9);

-- The 14 areas of social services of the CUS act (ustawa z 19 lipca 2019 r., art. 2 ust. 1).
CREATE TABLE social_area (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO social_area (code, label, position) VALUES
  ('polityka_prorodzinna', 'Polityka prorodzinna', 1),
  ('wspieranie_rodziny', 'Wspieranie rodziny', 2),
  ('piecza_zastepcza', 'Piecza zastępcza', 3),
  ('pomoc_spoleczna', 'Pomoc społeczna', 4),
  ('ochrona_zdrowia', 'Promocja i ochrona zdrowia', 5),
  ('niepelnosprawnosc', 'Wspieranie osób niepełnosprawnych', 6),
  ('edukacja', 'Edukacja publiczna', 7),
  ('przeciwdzialanie_bezrobociu', 'Przeciwdziałanie bezrobociu', 8),
  ('kultura', 'Kultura', 9),
  ('kultura_fizyczna_i_turystyka', 'Kultura fizyczna i turystyka', 10),
  ('aktywnosc_obywatelska', 'Pobudzanie aktywności obywatelskiej', 11),
  ('mieszkalnictwo', 'Mieszkalnictwo', 12),
  ('ochrona_srodowiska', 'Ochrona środowiska', 13),
  ('reintegracja', 'Reintegracja zawodowa i społeczna', 14);

-- A need recorded in a plan (at a review) that the centre's offer does not meet: what the
-- network view lists as the gaps of the local network (seed 000). Written by plans, read by
-- the network.
CREATE TABLE plan_unmet_need (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  dimension_code TEXT REFERENCES potential_dimension (code),
  area_code      TEXT REFERENCES social_area (code),
  description    TEXT NOT NULL,
  recorded_on    TEXT NOT NULL,
  met_on         TEXT
);

CREATE INDEX plan_unmet_need_plan ON plan_unmet_need (plan_id);
