// params: batch
// Deletes up to $batch Rawabit nodes with their relationships and returns how
// many it deleted; Store.Clear repeats it, one write transaction each, until
// none is left, so that no transaction outgrows Neo4j's transaction memory.
// Rawabit's nodes are the actors and articles and the review's decisions,
// rejected claims and log; other labels in the database are left alone.
MATCH (n)
WHERE n:Actor OR n:Article OR n:Decision OR n:RejectedClaim OR n:ReviewLog
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
