// params: none
// Finds the SUPPORTED claims of an article when it is reloaded, deleted or read.
CREATE INDEX supported_article IF NOT EXISTS
FOR ()-[r:SUPPORTED]-() ON (r.article)
