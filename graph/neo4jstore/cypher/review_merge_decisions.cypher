// params: from, into
// Makes the decisions about actor $from concern actor $into.
MATCH (d:Decision)-[c:CONCERNS]->(:Actor {id: $from})
MATCH (i:Actor {id: $into})
MERGE (d)-[:CONCERNS]->(i)
DELETE c
