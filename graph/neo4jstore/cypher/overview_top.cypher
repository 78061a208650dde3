// params: certainties, kinds, limit, min_confidence, since, types, until
// The actors of $kinds ranked by how many distinct actors they share a claim
// passing the filter with (either direction), then by those claims, then by
// id (graph.Overview.Top).
MATCH (a:Actor)
WHERE a.kind IN $kinds
OPTIONAL MATCH (a)-[r:MET|SUPPORTED|OPPOSED]-(b:Actor)
WHERE type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
  AND (($since IS NULL AND $until IS NULL) OR EXISTS {
    MATCH (art:Article {id: r.article})
    WHERE ($since IS NULL OR art.published >= $since)
      AND ($until IS NULL OR art.published <= $until)
  })
WITH a, count(DISTINCT b) AS neighbours, count(r) AS claims
RETURN a, neighbours, claims
ORDER BY neighbours DESC, claims DESC, a.id
LIMIT $limit
