// Title: Who opposed whom most often
// Purpose: the pairs with the most OPPOSED claims at or above a confidence,
//   with the number of distinct articles behind them.
// params: min_confidence, limit
// :param min_confidence => 0.5
// :param limit => 25
MATCH (opponent:Actor)-[r:OPPOSED]->(opposed:Actor)
WHERE r.confidence >= $min_confidence
RETURN opponent.id AS opponent,
       opposed.id AS opposed,
       count(r) AS claims,
       count(DISTINCT r.article) AS articles
ORDER BY claims DESC, articles DESC, opponent, opposed
LIMIT $limit
