// params: url
// Loads articles.csv of a neo4j-csv export (metadata only: the export has no
// article text) with LOAD CSV. See 1_actors.cypher.
LOAD CSV WITH HEADERS FROM $url AS row
MERGE (art:Article {id: row['id:ID(Article)']})
SET art.title = coalesce(row.title, ''),
    art.source = coalesce(row.source, ''),
    art.url = coalesce(row.url, ''),
    art.published = CASE WHEN row['published:date'] IS NULL THEN null ELSE date(row['published:date']) END,
    art.date_source = row.date_source,
    art.language = coalesce(row.language, ''),
    art.sha256 = coalesce(row.sha256, '')
