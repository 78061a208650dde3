// params: none
// Finds the OPPOSED claims of an article when it is reloaded, deleted or read.
CREATE INDEX opposed_article IF NOT EXISTS
FOR ()-[r:OPPOSED]-() ON (r.article)
