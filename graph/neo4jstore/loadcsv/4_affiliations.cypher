// params: url
// Loads affiliations.csv of a neo4j-csv export with LOAD CSV. See
// 1_actors.cypher.
LOAD CSV WITH HEADERS FROM $url AS row
MATCH (a:Actor {id: row[':START_ID(Actor)']})
MATCH (b:Actor {id: row[':END_ID(Actor)']})
MERGE (a)-[:AFFILIATED_WITH]->(b)
