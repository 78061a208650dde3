// params: none
// Every recorded decision, in the order it was made.
MATCH (d:Decision)
RETURN d
ORDER BY d.seq
