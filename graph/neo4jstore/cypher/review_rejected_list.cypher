// params: limit
// The rejected claims with the decisions that rejected them, most recently
// rejected first.
MATCH (d:Decision)-[:REJECTED]->(rc:RejectedClaim)
RETURN rc, d
ORDER BY d.seq DESC
LIMIT $limit
