// Title: Common targets of two actors
// Purpose: the actors that both $first and $second opposed (or, with the
//   type changed to SUPPORTED, both supported).
// params: first, second
// :param first => 'usa'
// :param second => 'france'
MATCH (:Actor {id: $first})-[r1:OPPOSED]->(target:Actor)<-[r2:OPPOSED]-(:Actor {id: $second})
RETURN target.id AS target,
       target.name AS name,
       count(DISTINCT r1) AS claims_first,
       count(DISTINCT r2) AS claims_second
ORDER BY target
