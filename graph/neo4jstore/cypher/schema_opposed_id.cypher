// params: none
// Finds a OPPOSED claim by its id, for review decisions.
CREATE INDEX opposed_id IF NOT EXISTS
FOR ()-[r:OPPOSED]-() ON (r.id)
