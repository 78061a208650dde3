// params: claims
// Creates one relationship per claim. The type comes from the fixed enum
// MET/SUPPORTED/OPPOSED; row.props holds id, article, quote, start, end,
// certainty, confidence, extractor and rule (and, for a claim review moves
// or restores, status and decision). Review survives reloading an article:
// a claim rejected in review (a RejectedClaim of the same id) is not
// created, and a claim confirmed in review (the latest Decision about its id
// that keeps it) gets its status back.
UNWIND $claims AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
WITH row, s, t, row.props AS p
WHERE NOT EXISTS { MATCH (:RejectedClaim {id: p.id}) }
WITH row, s, t, p, COLLECT {
  MATCH (d:Decision {claim: p.id})
  WHERE d.kind IN ['confirm', 'restore', 'add_claim']
  RETURN d.key ORDER BY d.seq DESC LIMIT 1
} AS decided
WITH row, s, t, p {.*,
  status: coalesce(p.status, CASE WHEN size(decided) = 0 THEN null ELSE 'confirmed' END),
  decision: coalesce(p.decision, decided[0])} AS props
FOREACH (ignored IN CASE WHEN row.type = 'MET' THEN [1] ELSE [] END |
  CREATE (s)-[r:MET]->(t) SET r = props)
FOREACH (ignored IN CASE WHEN row.type = 'SUPPORTED' THEN [1] ELSE [] END |
  CREATE (s)-[r:SUPPORTED]->(t) SET r = props)
FOREACH (ignored IN CASE WHEN row.type = 'OPPOSED' THEN [1] ELSE [] END |
  CREATE (s)-[r:OPPOSED]->(t) SET r = props)
