-- Schema version 6: the local reintegration network (seed 000): partners of types A, B and C
-- with their sector, areas and agreement, the service catalogue, and referrals of residents to
-- partners' services, which the map weighs and from which plans draw.  partner and service
-- exist since 0002 and plans refer to service (id): they are extended, never recreated.

-- sector's CHECK is written as ORs, not IN (…): SQLite builds a temporary b-tree for every row
-- written to look up a constant list of three or more (see minority in 0007); same constraint.
ALTER TABLE partner ADD COLUMN sector TEXT NOT NULL DEFAULT 'publiczny'
  CHECK (sector = 'publiczny' OR sector = 'pozarzadowy' OR sector = 'prywatny'
         OR sector = 'koscielny');
ALTER TABLE partner ADD COLUMN contact_person TEXT;
ALTER TABLE partner ADD COLUMN agreement_date TEXT;
ALTER TABLE partner ADD COLUMN agreement_scope TEXT;
ALTER TABLE partner ADD COLUMN agreement_until TEXT;
ALTER TABLE partner ADD COLUMN notes TEXT;
-- Casefolded name: a re-import without NIP matches "MOPS w Krasnymstawie" written in another
-- case.  Kept by the store.
ALTER TABLE partner ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

CREATE INDEX partner_name_key ON partner (name_key);
CREATE INDEX partner_nip ON partner (nip);

-- The CUS act's areas a partner works in (social_area, migration 0004).
CREATE TABLE partner_area (
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  area_code  TEXT NOT NULL REFERENCES social_area (code),
  PRIMARY KEY (partner_id, area_code)
) WITHOUT ROWID;

-- Group B services are either universal (open to everybody: health, culture, sport, school) or
-- tailored to people with particular needs (seed 000); group A has no subtype.
ALTER TABLE service ADD COLUMN subtype TEXT
  CHECK (subtype IS NULL OR subtype IN ('powszechna', 'dopasowana'));
ALTER TABLE service ADD COLUMN dimension_code TEXT REFERENCES potential_dimension (code);
ALTER TABLE service ADD COLUMN capacity INTEGER;
-- Money in grosze, never in floating point.
ALTER TABLE service ADD COLUMN cost_grosze INTEGER;
ALTER TABLE service ADD COLUMN description TEXT;
ALTER TABLE service ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
-- 'broszura' for the rows seeded from seed 000 (which the centre may edit), NULL for its own.
ALTER TABLE service ADD COLUMN source TEXT;

CREATE INDEX service_partner ON service (partner_id);

-- A resident sent to a partner (to one of its services when the catalogue has it), from a plan
-- or directly.
CREATE TABLE referral (
  id          INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  service_id  INTEGER REFERENCES service (id) ON DELETE SET NULL,
  plan_id     INTEGER REFERENCES plan (id) ON DELETE SET NULL,
  referred_on TEXT NOT NULL,
  started_on  TEXT,
  ended_on    TEXT,
  status      TEXT NOT NULL DEFAULT 'planowane'
    CHECK (status IN ('planowane', 'w_trakcie', 'zakonczone', 'przerwane')),
  result      TEXT
);

-- The map counts referrals per partner in a period.
CREATE INDEX referral_partner ON referral (partner_id, referred_on);
CREATE INDEX referral_resident ON referral (resident_id);
CREATE INDEX referral_date ON referral (referred_on);

-- Seed 000, "Katalog usług z zakresu tradycyjnie rozumianej reintegracji społecznej i
-- zawodowej" (27 services) and the group A life-skills trainings ("umiejętności życiowe", 6):
-- rows the centre edits and gives providers to.  Group, area and dimension are our reading of
-- the brochure.
INSERT INTO service (name, grp, subtype, area, dimension_code, source) VALUES
  ('Spotkania służące diagnozie potrzeb, problemów i zasobów społecznych', 'A', NULL, 'reintegracja', NULL, 'broszura'),
  ('Warsztaty', 'B', 'dopasowana', 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Szkolenia', 'B', 'dopasowana', 'edukacja', 'edukacja', 'broszura'),
  ('Sesje grup terapeutycznych', 'A', NULL, 'ochrona_zdrowia', 'zdrowie', 'broszura'),
  ('Sesje grup samopomocowych', 'A', NULL, 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Sesje treningowe', 'A', NULL, 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Udział w imprezach integracyjnych', 'B', 'powszechna', 'aktywnosc_obywatelska', 'aktywnosc_obywatelska', 'broszura'),
  ('Udział w akcjach charytatywnych', 'B', 'powszechna', 'aktywnosc_obywatelska', 'aktywnosc_obywatelska', 'broszura'),
  ('Wizyty w instytucjach', 'B', 'dopasowana', 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Kształtowanie umiejętności poruszania się na rynku pracy', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Kształtowanie umiejętności i nawyków utrzymania się na stanowisku pracy', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Kształtowanie umiejętności prowadzenia działalności gospodarczej', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Kształtowanie kwalifikacji zawodowych', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Podnoszenie poziomu edukacji ogólnej', 'B', 'powszechna', 'edukacja', 'edukacja', 'broszura'),
  ('Zatrudnienie subsydiowane', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Zatrudnienie w ramach prac interwencyjnych', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Zatrudnienie w spółdzielniach socjalnych', 'B', 'dopasowana', 'reintegracja', 'praca', 'broszura'),
  ('Pomoc w znalezieniu pracy na otwartym rynku dla osób długotrwale pozbawionych pracy', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Pomoc w samozatrudnieniu', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Terapia uzależnień', 'A', NULL, 'ochrona_zdrowia', 'zdrowie', 'broszura'),
  ('Poradnictwo wobec problemów rodzinnych', 'B', 'dopasowana', 'wspieranie_rodziny', 'rodzina', 'broszura'),
  ('Kursy komputerowe (formy indywidualne i grupowe)', 'B', 'powszechna', 'edukacja', 'edukacja', 'broszura'),
  ('Nauka załatwiania spraw formalno-urzędowych', 'B', 'dopasowana', 'pomoc_spoleczna', 'umiejetnosci_spoleczne', 'broszura'),
  ('Zajęcia ogólnorozwojowe', 'B', 'powszechna', 'kultura', 'umiejetnosci_spoleczne', 'broszura'),
  ('Zajęcia z przedsiębiorczości', 'B', 'dopasowana', 'przeciwdzialanie_bezrobociu', 'praca', 'broszura'),
  ('Nauka podstaw savoir-vivre''u', 'B', 'dopasowana', 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Promocja zdrowego trybu życia', 'B', 'powszechna', 'ochrona_zdrowia', 'zdrowie', 'broszura'),
  ('Trening umiejętności kierowania własnym życiem (uczenie się, decyzje, rozwiązywanie problemów)', 'A', NULL, 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Trening umiejętności społecznych (komunikacja, współpraca, rozwiązywanie konfliktów)', 'A', NULL, 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Trening umiejętności osiągania satysfakcji życiowej (autoprezentacja, samoocena, samodyscyplina)', 'A', NULL, 'reintegracja', 'umiejetnosci_spoleczne', 'broszura'),
  ('Trening umiejętności angażowania się w sprawy obywatelskie', 'A', NULL, 'aktywnosc_obywatelska', 'aktywnosc_obywatelska', 'broszura'),
  ('Trening konstruowania planów życiowych (samorozwój, własne starania, gospodarowanie środkami)', 'A', NULL, 'reintegracja', 'finanse', 'broszura'),
  ('Trening radzenia sobie z przynależnością do grupy stygmatyzowanej', 'A', NULL, 'reintegracja', 'radzenie_ze_stygmatyzacja', 'broszura');
