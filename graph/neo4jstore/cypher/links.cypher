// params: certainties, frontier, min_confidence, types
// The neighbours of each frontier actor over claims passing the filter, in
// either direction, with the number of such claims (graph.LinkFunc).
UNWIND $frontier AS from_id
MATCH (a:Actor {id: from_id})-[r:MET|SUPPORTED|OPPOSED]-(b:Actor)
WHERE type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
  AND b.id <> a.id
RETURN a.id AS from_id, b.id AS to_id, b.kind AS to_kind, count(r) AS claims
