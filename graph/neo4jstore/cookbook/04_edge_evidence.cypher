// Title: The articles and quotes behind an edge
// Purpose: every claim between two actors (either direction), with its
//   article, date, certainty and the verbatim quote, oldest first.
// params: source, target
// :param source => 'uae'
// :param target => 'khalifa-haftar'
MATCH (:Actor {id: $source})-[r:MET|SUPPORTED|OPPOSED]-(:Actor {id: $target})
MATCH (art:Article {id: r.article})
RETURN type(r) AS type,
       startNode(r).id AS source_actor,
       endNode(r).id AS target_actor,
       r.certainty AS certainty,
       r.confidence AS confidence,
       art.id AS article,
       art.title AS title,
       art.published AS published,
       r.quote AS quote
ORDER BY published, article, r.start
