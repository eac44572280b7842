-- Schema version 9: a project's own indicator thresholds.  A funder's contract may expect more
-- (or less) of one project than the definition's threshold; the project's row overrides the
-- definition's threshold in that project's report only (a year's report keeps the definition's).
CREATE TABLE project_threshold (
  project_id     INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL REFERENCES indicator (code) ON DELETE CASCADE ON UPDATE CASCADE,
  threshold      REAL NOT NULL CHECK (threshold >= 0),
  PRIMARY KEY (project_id, indicator_code)
);
