// params: decision, element
// Marks one claim relationship, found by its element id, as confirmed by the
// decision with key $decision.
MATCH (:Actor)-[r:MET|SUPPORTED|OPPOSED]->(:Actor)
WHERE elementId(r) = $element
SET r.status = 'confirmed', r.decision = $decision
