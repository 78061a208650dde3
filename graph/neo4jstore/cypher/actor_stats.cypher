// params: id
// The claim types an actor is the source and the target of, and how many
// articles mention it.
MATCH (a:Actor {id: $id})
RETURN [(a)-[r:MET|SUPPORTED|OPPOSED]->(:Actor) | type(r)] AS outgoing,
       [(a)<-[r:MET|SUPPORTED|OPPOSED]-(:Actor) | type(r)] AS incoming,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
