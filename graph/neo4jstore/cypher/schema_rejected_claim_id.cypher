// params: none
// A rejected claim is kept once, by its claim id, until it is restored.
CREATE CONSTRAINT rejected_claim_id IF NOT EXISTS
FOR (rc:RejectedClaim) REQUIRE rc.id IS UNIQUE
