// Title: Shortest paths between two actors
// Purpose: every shortest chain of claims (any type, either direction, at
//   most 6 hops) linking $from to $to. Replace the RETURN clause by
//   RETURN p to see the paths drawn in Neo4j Browser.
// params: from, to
// :param from => 'egypt'
// :param to => 'fayez-al-sarraj'
MATCH (a:Actor {id: $from})
MATCH (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:MET|SUPPORTED|OPPOSED*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS actors,
       [r IN relationships(p) | type(r) + ' ' + startNode(r).id + '->' + endNode(r).id + ' @' + r.article] AS claims
LIMIT 25
