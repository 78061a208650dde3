// params: id, limit
// The articles that mention an actor, newest first (undated last), then by
// id, without their text (graph.Reader.MentioningArticles).
MATCH (:Actor {id: $id})-[:MENTIONED_IN]->(art:Article)
RETURN art.id AS id, art.title AS title, art.source AS source, art.url AS url,
       art.published AS published, art.date_source AS date_source,
       art.language AS language, art.sha256 AS sha256
ORDER BY art.published IS NULL, art.published DESC, art.id
LIMIT $limit
