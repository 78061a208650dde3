// params: none
// Finds the decisions about a claim id when an article's claims are written
// again, so that they keep their review status.
CREATE INDEX decision_claim IF NOT EXISTS
FOR (d:Decision) ON (d.claim)
