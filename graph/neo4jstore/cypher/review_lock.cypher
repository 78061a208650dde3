// params: none
// Takes the review lock: every review transaction writes the one ReviewLog
// node first, so that reviews run one after the other, and gets from it the
// sequence number of its decision.
MERGE (log:ReviewLog {id: 'review'})
SET log.seq = coalesce(log.seq, 0) + 1
RETURN log.seq AS seq
