// Title: Actors mentioned together in the most articles
// Purpose: pairs of actors that appear in the same articles most often,
//   whether or not a claim links them, with a few of those articles.
// params: limit
// :param limit => 25
MATCH (a:Actor)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Actor)
WHERE a.id < b.id
RETURN a.id AS actor1,
       b.id AS actor2,
       count(art) AS articles,
       collect(art.id)[..5] AS some_articles
ORDER BY articles DESC, actor1, actor2
LIMIT $limit
