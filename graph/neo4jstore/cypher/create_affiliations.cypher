// params: affiliations
// Links each actor to the actor it belongs to.
UNWIND $affiliations AS row
MATCH (a:Actor {id: row.actor})
MATCH (b:Actor {id: row.affiliation})
MERGE (a)-[:AFFILIATED_WITH]->(b)
