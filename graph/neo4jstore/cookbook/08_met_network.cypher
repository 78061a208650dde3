// Title: MET network of a person
// Purpose: who a person met, and whom those met in turn (two hops), as
//   paths for Neo4j Browser's graph view.
// params: person
// :param person => 'khalifa-haftar'
MATCH p = (:Person {id: $person})-[:MET*1..2]-(:Actor)
RETURN p
LIMIT 300
