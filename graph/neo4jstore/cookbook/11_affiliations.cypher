// Title: Members of an organisation or state
// Purpose: the actors affiliated with $actor, and the claims each made.
// params: actor
// :param actor => 'lna'
MATCH (member:Actor)-[:AFFILIATED_WITH]->(:Actor {id: $actor})
RETURN member.id AS member,
       member.name AS name,
       member.name_ar AS name_ar,
       member.kind AS kind,
       COUNT { (member)-[:MET|SUPPORTED|OPPOSED]->(:Actor) } AS claims_made
ORDER BY member
