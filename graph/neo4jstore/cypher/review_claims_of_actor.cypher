// params: id
// Every claim an actor takes part in, in either direction, with the element
// id of its relationship: the claims a merge moves.
MATCH (:Actor {id: $id})-[r:MET|SUPPORTED|OPPOSED]-(:Actor)
RETURN startNode(r).id AS source, endNode(r).id AS target, r, elementId(r) AS element
