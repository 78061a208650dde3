// params: url
// Loads claims.csv of a neo4j-csv export with LOAD CSV: one MET, SUPPORTED
// or OPPOSED relationship per claim, merged on its id. See 1_actors.cypher.
LOAD CSV WITH HEADERS FROM $url AS row
MATCH (s:Actor {id: row[':START_ID(Actor)']})
MATCH (t:Actor {id: row[':END_ID(Actor)']})
WITH s, t, row, {
  article: row.article,
  quote: row.quote,
  start: toInteger(row['start:long']),
  end: toInteger(row['end:long']),
  certainty: row.certainty,
  confidence: toFloat(row['confidence:double']),
  extractor: row.extractor,
  rule: coalesce(row.rule, '')
} AS props
FOREACH (_ IN CASE WHEN row[':TYPE'] = 'MET' THEN [1] ELSE [] END |
  MERGE (s)-[r:MET {id: row.id}]->(t) SET r += props)
FOREACH (_ IN CASE WHEN row[':TYPE'] = 'SUPPORTED' THEN [1] ELSE [] END |
  MERGE (s)-[r:SUPPORTED {id: row.id}]->(t) SET r += props)
FOREACH (_ IN CASE WHEN row[':TYPE'] = 'OPPOSED' THEN [1] ELSE [] END |
  MERGE (s)-[r:OPPOSED {id: row.id}]->(t) SET r += props)
