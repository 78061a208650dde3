// params: id
// One actor by id.
MATCH (a:Actor {id: $id})
RETURN a
