// params: key
// Whether the decision with the given key was recorded by an earlier review
// transaction than the one running: its seq is below the ReviewLog's, which
// the running transaction has just taken (review_lock.cypher).
MATCH (log:ReviewLog {id: 'review'})
RETURN EXISTS { MATCH (d:Decision {key: $key}) WHERE d.seq < log.seq } AS recorded
