// params: batch
// Deletes up to $batch Rawabit nodes with their relationships and returns how
// many it deleted; Store.Clear repeats it, one write transaction each, until
// none is left, so that no transaction outgrows Neo4j's transaction memory.
// Other labels in the database are left alone.
MATCH (n)
WHERE n:Actor OR n:Article
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
