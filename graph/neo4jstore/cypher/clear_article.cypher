// params: article
// Deletes the claims and mentions an article had, before it is reloaded or
// deleted. One MATCH per claim type, so that each uses its r.article index;
// count(*) brings each step back to one row for the next.
OPTIONAL MATCH (:Actor)-[met:MET]->(:Actor)
WHERE met.article = $article
DELETE met
WITH count(*) AS ignored
OPTIONAL MATCH (:Actor)-[supported:SUPPORTED]->(:Actor)
WHERE supported.article = $article
DELETE supported
WITH count(*) AS ignored
OPTIONAL MATCH (:Actor)-[opposed:OPPOSED]->(:Actor)
WHERE opposed.article = $article
DELETE opposed
WITH count(*) AS ignored
OPTIONAL MATCH (:Actor)-[mention:MENTIONED_IN]->(:Article {id: $article})
DELETE mention
