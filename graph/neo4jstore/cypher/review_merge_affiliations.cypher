// params: from, into
// Makes the actors affiliated with actor $from affiliated with actor $into.
MATCH (x:Actor)-[old:AFFILIATED_WITH]->(:Actor {id: $from})
MATCH (i:Actor {id: $into})
MERGE (x)-[:AFFILIATED_WITH]->(i)
SET x.affiliation = $into
DELETE old
