// Title: Edges resting only on allegations
// Purpose: pairs whose every claim of a type is alleged (no article asserts
//   or reports it): the links to verify before relying on them.
// params: none
MATCH (s:Actor)-[r:MET|SUPPORTED|OPPOSED]->(t:Actor)
WITH s, t, type(r) AS type, collect(r) AS claims
WHERE all(c IN claims WHERE c.certainty = 'alleged')
RETURN s.id AS source,
       type,
       t.id AS target,
       size(claims) AS claims,
       [c IN claims | c.article] AS articles,
       [c IN claims | c.quote] AS quotes
ORDER BY source, type, target
