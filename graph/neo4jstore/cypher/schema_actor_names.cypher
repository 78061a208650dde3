// params: none
// Full-text index on actor names with Lucene's Arabic analyzer. Full-text
// indexes only index STRING properties, so the aliases list is also stored
// joined into the STRING property aliases_text.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.name_ar, a.aliases_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}}
