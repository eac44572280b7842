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
