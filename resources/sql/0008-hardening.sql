-- Schema version 8: an import writes one audit row, not one per person.
--
-- The row (action 'import', entity the kind of record, detail the counts) says who imported how
-- many when; audit_item lists the records that import added or changed, so that a person's
-- history (rei_store_list_audit, the GDPR export) still shows "Imported" on the import's date,
-- with the names of the fields an update changed.  A row here is two integers and a short text
-- in key order, about a third of what an audit row with its index costs.  Like the audit, the
-- list is kept when the record is deleted.

CREATE TABLE audit_item (
  entity    TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  audit_id  INTEGER NOT NULL,   -- audit (id); no foreign key: audit rows are never deleted
  detail    TEXT,               -- for an update, the names of the changed fields; NULL: added
  PRIMARY KEY (entity, entity_id, audit_id)
) WITHOUT ROWID;

-- A person without a PESEL is matched by name and dates (rei_store_find_matching_resident):
-- an import of a sheet without PESELs asks that once per row.  Without this index the question
-- walked every PESEL-less person (through the PESEL index's NULLs), so such an import grew with
-- the square of its size; the index holds only the PESEL-less rows, so an import of people
-- with PESELs does not maintain it.  Binary comparison, as the query's "=" compares.  The
-- condition is written coalesce(pesel, '') = '' (the store keeps no empty PESEL: an empty value
-- is NULL), not "pesel IS NULL": that one the planner would answer from the PESEL's unique
-- index, which it takes for one row, and the query names the same condition.
CREATE INDEX resident_match ON resident (surname, first_name, birth_date, admission_date)
  WHERE coalesce(pesel, '') = '';
