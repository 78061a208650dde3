// params: none
// Finds the MET claims of an article when it is reloaded, deleted or read.
CREATE INDEX met_article IF NOT EXISTS
FOR ()-[r:MET]-() ON (r.article)
