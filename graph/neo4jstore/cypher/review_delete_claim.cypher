// params: element
// Deletes one claim relationship, found by its element id.
MATCH (:Actor)-[r:MET|SUPPORTED|OPPOSED]->(:Actor)
WHERE elementId(r) = $element
DELETE r
