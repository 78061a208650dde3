// params: none
// TestSchemaMismatch: the actor_names index with another analyzer than the
// arabic one Rawabit creates.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.name_ar, a.aliases_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard'}}
