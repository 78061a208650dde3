// params: url
// Loads actors.csv of a neo4j-csv export (neo4j-admin's header) with LOAD
// CSV, for a Neo4j that is not empty or stopped (neo4j-admin database import
// needs both). Run 1_ to 4_ in order, $url the file's URL, e.g.
// 'file:///actors.csv' for a file in the server's import directory.
LOAD CSV WITH HEADERS FROM $url AS row
MERGE (a:Actor {id: row['id:ID(Actor)']})
SET a.name = row.name,
    a.name_ar = coalesce(row.name_ar, ''),
    a.aliases = CASE WHEN row['aliases:string[]'] IS NULL THEN null ELSE split(row['aliases:string[]'], ';') END,
    a.aliases_text = coalesce(row.aliases_text, ''),
    a.search_keys = CASE WHEN row['search_keys:string[]'] IS NULL THEN [] ELSE split(row['search_keys:string[]'], ';') END,
    a.kind = row.kind,
    a.affiliation = row.affiliation
FOREACH (_ IN CASE WHEN row.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN row.kind = 'state' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN row.kind = 'organisation' THEN [1] ELSE [] END | SET a:Organisation)
