// params: actors, article, key, props
// Records a decision: a Decision node with the properties $props (kind,
// reviewer, time, reason, seq and the fields of its kind), created once per
// key, linked by CONCERNS to the actors and the article it is about.
MERGE (d:Decision {key: $key})
ON CREATE SET d += $props
WITH d
OPTIONAL MATCH (a:Actor)
WHERE a.id IN $actors
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END | MERGE (d)-[:CONCERNS]->(x))
WITH DISTINCT d
OPTIONAL MATCH (art:Article {id: $article})
FOREACH (x IN CASE WHEN art IS NULL THEN [] ELSE [art] END | MERGE (d)-[:CONCERNS]->(x))
RETURN d.seq AS seq
