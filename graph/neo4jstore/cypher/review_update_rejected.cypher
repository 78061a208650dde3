// params: id, props
// Changes the properties of a rejected claim (after a merge: its id, source
// and target).
MATCH (rc:RejectedClaim {id: $id})
SET rc += $props
