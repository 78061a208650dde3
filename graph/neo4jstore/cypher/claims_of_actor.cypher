// params: id, types
// Every claim of the given types an actor takes part in, in either direction.
MATCH (x:Actor {id: $id})-[r:MET|SUPPORTED|OPPOSED]-(:Actor)
WHERE type(r) IN $types
RETURN startNode(r).id AS source, endNode(r).id AS target, r
