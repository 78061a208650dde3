// Title: Most supported actors
// Purpose: the actors with the most distinct supporters, then the most
//   SUPPORTED claims.
// params: limit
// :param limit => 20
MATCH (supporter:Actor)-[r:SUPPORTED]->(a:Actor)
RETURN a.id AS actor,
       a.name AS name,
       a.kind AS kind,
       count(DISTINCT supporter) AS supporters,
       count(r) AS claims,
       count(DISTINCT r.article) AS articles
ORDER BY supporters DESC, claims DESC, actor
LIMIT $limit
