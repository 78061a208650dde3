// params: id
// The claim in the graph with the given id, with the element id of its
// relationship; one branch per type so each uses its r.id index.
MATCH (s:Actor)-[r:MET]->(t:Actor)
WHERE r.id = $id
RETURN s.id AS source, t.id AS target, r, elementId(r) AS element
UNION ALL
MATCH (s:Actor)-[r:SUPPORTED]->(t:Actor)
WHERE r.id = $id
RETURN s.id AS source, t.id AS target, r, elementId(r) AS element
UNION ALL
MATCH (s:Actor)-[r:OPPOSED]->(t:Actor)
WHERE r.id = $id
RETURN s.id AS source, t.id AS target, r, elementId(r) AS element
