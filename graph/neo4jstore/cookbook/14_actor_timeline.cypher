// Title: Timeline of an actor
// Purpose: every claim an actor takes part in, by article date (undated
//   articles last), with the quote.
// params: actor
// :param actor => 'khalifa-haftar'
MATCH (:Actor {id: $actor})-[r:MET|SUPPORTED|OPPOSED]-(:Actor)
MATCH (art:Article {id: r.article})
RETURN art.published AS published,
       art.id AS article,
       type(r) AS type,
       startNode(r).id AS source,
       endNode(r).id AS target,
       r.certainty AS certainty,
       r.quote AS quote
ORDER BY published, article, r.start
