// params: actors, article
// Makes each of $actors mentioned in the article, once if it was not.
UNWIND $actors AS actor_id
MATCH (a:Actor {id: actor_id})
MATCH (art:Article {id: $article})
MERGE (a)-[m:MENTIONED_IN]->(art)
ON CREATE SET m.count = 1
