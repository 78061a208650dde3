// params: claims
// The create_claims.cypher of before review (commit ba27835), kept as the
// baseline of BenchmarkCreateClaims. Creates one relationship per claim.
UNWIND $claims AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
FOREACH (ignored IN CASE WHEN row.type = 'MET' THEN [1] ELSE [] END |
  CREATE (s)-[r:MET]->(t) SET r = row.props)
FOREACH (ignored IN CASE WHEN row.type = 'SUPPORTED' THEN [1] ELSE [] END |
  CREATE (s)-[r:SUPPORTED]->(t) SET r = row.props)
FOREACH (ignored IN CASE WHEN row.type = 'OPPOSED' THEN [1] ELSE [] END |
  CREATE (s)-[r:OPPOSED]->(t) SET r = row.props)
