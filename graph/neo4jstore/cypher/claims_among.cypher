// params: certainties, ids, min_confidence, since, types, until
// Every claim passing the filter whose two actors are both among $ids. A
// date range ($since, $until: DATEs or null) keeps the claims of articles
// published within it.
UNWIND $ids AS id
MATCH (s:Actor {id: id})-[r:MET|SUPPORTED|OPPOSED]->(t:Actor)
WHERE t.id IN $ids
  AND type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
  AND (($since IS NULL AND $until IS NULL) OR EXISTS {
    MATCH (art:Article {id: r.article})
    WHERE ($since IS NULL OR art.published >= $since)
      AND ($until IS NULL OR art.published <= $until)
  })
RETURN s.id AS source, t.id AS target, r
