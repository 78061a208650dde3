// params: none
// Waits (up to 300 s) until every index is online, so that the first search
// after opening a fresh database does not fail on a populating index.
CALL db.awaitIndexes(300)
