// params: from, into
// Adds the mentions of actor $from to those of actor $into, article by
// article, and deletes them.
MATCH (f:Actor {id: $from})-[m:MENTIONED_IN]->(art:Article)
MATCH (i:Actor {id: $into})
MERGE (i)-[n:MENTIONED_IN]->(art)
ON CREATE SET n.count = 0
SET n.count = n.count + m.count
DELETE m
