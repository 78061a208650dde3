// params: limit
// The unreviewed claims (no status), lowest confidence first, then by id.
MATCH (s:Actor)-[r:MET|SUPPORTED|OPPOSED]->(t:Actor)
WHERE r.status IS NULL
RETURN s.id AS source, t.id AS target, r
ORDER BY r.confidence, r.id
LIMIT $limit
