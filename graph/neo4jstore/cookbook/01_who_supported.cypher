// Title: Who supported an actor
// Purpose: every actor that supported $actor, with how many claims and
//   articles say so, the strongest confidence and the certainties seen.
// params: actor
// :param actor => 'khalifa-haftar'
MATCH (supporter:Actor)-[r:SUPPORTED]->(:Actor {id: $actor})
RETURN supporter.id AS supporter,
       supporter.name AS name,
       supporter.name_ar AS name_ar,
       count(r) AS claims,
       count(DISTINCT r.article) AS articles,
       max(r.confidence) AS max_confidence,
       collect(DISTINCT r.certainty) AS certainties
ORDER BY claims DESC, articles DESC, supporter
