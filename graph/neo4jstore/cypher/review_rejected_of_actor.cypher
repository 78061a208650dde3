// params: id
// The rejected claims whose source or target is the given actor: those a
// merge renames.
MATCH (rc:RejectedClaim)
WHERE rc.source = $id OR rc.target = $id
RETURN rc
