// params: none
// Every review decision has a unique key (a hash of what was decided, by
// whom and when), so that replaying a decision records it once.
CREATE CONSTRAINT decision_key IF NOT EXISTS
FOR (d:Decision) REQUIRE d.key IS UNIQUE
