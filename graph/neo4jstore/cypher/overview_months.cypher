// params: certainties, min_confidence, since, types, until
// The claims passing the filter counted by the month of their article's
// date (the first day of the month, or null for undated articles).
MATCH (:Actor)-[r:MET|SUPPORTED|OPPOSED]->(:Actor)
WHERE type(r) IN $types
  AND r.confidence >= $min_confidence
  AND r.certainty IN $certainties
OPTIONAL MATCH (art:Article {id: r.article})
WITH r, art.published AS published
WHERE ($since IS NULL OR published >= $since)
  AND ($until IS NULL OR published <= $until)
RETURN CASE WHEN published IS NULL THEN null ELSE date.truncate('month', published) END AS month,
       count(r) AS claims
