// params: article, mentions
// Records how often the article names each actor.
UNWIND $mentions AS row
MATCH (a:Actor {id: row.actor})
MATCH (art:Article {id: $article})
CREATE (a)-[:MENTIONED_IN {count: row.count}]->(art)
