// params: none
// Finds a SUPPORTED claim by its id, for review decisions.
CREATE INDEX supported_id IF NOT EXISTS
FOR ()-[r:SUPPORTED]-() ON (r.id)
