// params: id
// Deletes an actor merged into another, with what is left of its
// relationships (its own affiliation).
MATCH (a:Actor {id: $id})
DETACH DELETE a
