// params: claim, decision
// Keeps a rejected claim, out of the graph, as a RejectedClaim node with the
// claim's properties ($claim: id, type, source, target, article, quote,
// start, end, certainty, confidence, extractor, rule, status), linked to the
// decision that rejected it.
MATCH (d:Decision {key: $decision})
CREATE (d)-[:REJECTED]->(rc:RejectedClaim)
SET rc = $claim
