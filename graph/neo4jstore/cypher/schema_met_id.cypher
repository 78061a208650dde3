// params: none
// Finds a MET claim by its id, for review decisions.
CREATE INDEX met_id IF NOT EXISTS
FOR ()-[r:MET]-() ON (r.id)
