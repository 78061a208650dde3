// Title: Actors by degree
// Purpose: the most connected actors: distinct neighbours over claims of
//   any type, then claims, then articles mentioning them.
// params: limit
// :param limit => 25
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:MET|SUPPORTED|OPPOSED]-(b:Actor)
WITH a, count(DISTINCT b) AS neighbours, count(r) AS claims
RETURN a.id AS actor,
       a.kind AS kind,
       neighbours,
       claims,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
ORDER BY neighbours DESC, claims DESC, actor
LIMIT $limit
