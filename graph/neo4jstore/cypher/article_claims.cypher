// params: article
// The claims of an article, one branch per type so each uses its r.article index.
MATCH (s:Actor)-[r:MET]->(t:Actor)
WHERE r.article = $article
RETURN s.id AS source, t.id AS target, r
UNION ALL
MATCH (s:Actor)-[r:SUPPORTED]->(t:Actor)
WHERE r.article = $article
RETURN s.id AS source, t.id AS target, r
UNION ALL
MATCH (s:Actor)-[r:OPPOSED]->(t:Actor)
WHERE r.article = $article
RETURN s.id AS source, t.id AS target, r
