// params: none
// The one ReviewLog node that every review transaction locks and whose seq
// numbers the decisions.
CREATE CONSTRAINT review_log_id IF NOT EXISTS
FOR (log:ReviewLog) REQUIRE log.id IS UNIQUE
