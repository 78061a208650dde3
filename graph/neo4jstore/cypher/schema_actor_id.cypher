// params: none
// Every actor id is unique; the constraint's index serves every lookup by id.
CREATE CONSTRAINT actor_id IF NOT EXISTS
FOR (a:Actor) REQUIRE a.id IS UNIQUE
