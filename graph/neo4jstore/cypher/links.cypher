// params: certainties, frontier, min_confidence, since, types, until
// The neighbours of each frontier actor over claims passing the filter, in
// either direction, with the number of such claims (graph.LinkFunc). A
// date range ($since, $until: DATEs or null) keeps the claims of articles
// published within it.
UNWIND $frontier AS from_id
MATCH (a:Actor {id: from_id})-[r:MET|SUPPORTED|OPPOSED]-(b:Actor)
WHERE type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
  AND (($since IS NULL AND $until IS NULL) OR EXISTS {
    MATCH (art:Article {id: r.article})
    WHERE ($since IS NULL OR art.published >= $since)
      AND ($until IS NULL OR art.published <= $until)
  })
  AND b.id <> a.id
RETURN a.id AS from_id, b.id AS to_id, b.kind AS to_kind, count(r) AS claims
