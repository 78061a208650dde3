// params: actors
// Upserts the actors of a document: the latest version wins. The kind label is
// set from the fixed enum person/state/organisation, never from input text.
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name,
    a.name_ar = row.name_ar,
    a.aliases = row.aliases,
    a.aliases_text = row.aliases_text,
    a.search_keys = row.search_keys,
    a.kind = row.kind,
    a.affiliation = row.affiliation
REMOVE a:Person:State:Organisation
FOREACH (ignored IN CASE WHEN row.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
FOREACH (ignored IN CASE WHEN row.kind = 'state' THEN [1] ELSE [] END | SET a:State)
FOREACH (ignored IN CASE WHEN row.kind = 'organisation' THEN [1] ELSE [] END | SET a:Organisation)
