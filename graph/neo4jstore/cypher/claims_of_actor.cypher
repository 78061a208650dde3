// params: certainties, id, min_confidence, since, types, until
// Every claim an actor takes part in, in either direction, passing the
// filter: its types and certainties, at least $min_confidence, and, with a
// date range ($since, $until: DATEs or null), of an article published
// within it.
MATCH (x:Actor {id: $id})-[r:MET|SUPPORTED|OPPOSED]-(:Actor)
WHERE type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
  AND (($since IS NULL AND $until IS NULL) OR EXISTS {
    MATCH (art:Article {id: r.article})
    WHERE ($since IS NULL OR art.published >= $since)
      AND ($until IS NULL OR art.published <= $until)
  })
RETURN startNode(r).id AS source, endNode(r).id AS target, r
