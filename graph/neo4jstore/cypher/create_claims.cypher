// params: claims
// Creates one relationship per claim. The type comes from the fixed enum
// MET/SUPPORTED/OPPOSED; row.props holds id, article, quote, start, end,
// certainty, confidence, extractor and rule.
UNWIND $claims AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
FOREACH (ignored IN CASE WHEN row.type = 'MET' THEN [1] ELSE [] END |
  CREATE (s)-[r:MET]->(t) SET r = row.props)
FOREACH (ignored IN CASE WHEN row.type = 'SUPPORTED' THEN [1] ELSE [] END |
  CREATE (s)-[r:SUPPORTED]->(t) SET r = row.props)
FOREACH (ignored IN CASE WHEN row.type = 'OPPOSED' THEN [1] ELSE [] END |
  CREATE (s)-[r:OPPOSED]->(t) SET r = row.props)
