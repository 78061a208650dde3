// params: none
// Every article id is unique; the constraint's index serves every lookup by id.
CREATE CONSTRAINT article_id IF NOT EXISTS
FOR (art:Article) REQUIRE art.id IS UNIQUE
