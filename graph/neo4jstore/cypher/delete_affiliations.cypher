// params: ids
// Removes the affiliations of the given actors before their latest version's
// affiliations are created.
UNWIND $ids AS id
MATCH (:Actor {id: id})-[old:AFFILIATED_WITH]->(:Actor)
DELETE old
