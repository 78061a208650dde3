// params: ids
// The actors among the given ids that exist.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a
