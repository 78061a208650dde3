// params: id
// Deletes a rejected claim (restored, or a duplicate after a merge).
MATCH (rc:RejectedClaim {id: $id})
DETACH DELETE rc
