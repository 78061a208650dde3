// params: id
// The rejected claim with the given id and the decision that rejected it.
MATCH (d:Decision)-[:REJECTED]->(rc:RejectedClaim {id: $id})
RETURN rc, d
