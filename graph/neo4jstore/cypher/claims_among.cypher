// params: certainties, ids, min_confidence, types
// Every claim passing the filter whose two actors are both among $ids.
UNWIND $ids AS id
MATCH (s:Actor {id: id})-[r:MET|SUPPORTED|OPPOSED]->(t:Actor)
WHERE t.id IN $ids
  AND type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
RETURN s.id AS source, t.id AS target, r
