-- Schema version 3: the legal bases on which a centre processes a resident's data (GDPR
-- art. 6, and art. 9 for the special categories), as a lookup table, so that the consent basis
-- of a resident is one of a known list rather than free text that no report can count.

CREATE TABLE legal_basis (
  code     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO legal_basis (code, label, position) VALUES
  ('zgoda', 'Zgoda osoby (art. 6 ust. 1 lit. a i art. 9 ust. 2 lit. a RODO)', 1),
  ('obowiazek_prawny', 'Obowiązek prawny (art. 6 ust. 1 lit. c RODO, ustawa o zatrudnieniu socjalnym)', 2),
  ('zadanie_publiczne', 'Zadanie realizowane w interesie publicznym (art. 6 ust. 1 lit. e RODO)', 3),
  ('zabezpieczenie_spoleczne', 'Obowiązki w dziedzinie zabezpieczenia społecznego i ochrony socjalnej (art. 9 ust. 2 lit. b RODO)', 4);

-- Bases typed in by hand before this table existed stay valid: each becomes a row of its own,
-- labelled with its text, for the office to map or keep.  Otherwise the next save of such a
-- resident would be refused.
INSERT OR IGNORE INTO legal_basis (code, label, position)
  SELECT DISTINCT consent_basis, consent_basis, 100 FROM resident WHERE consent_basis IS NOT NULL;
