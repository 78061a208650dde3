// params: article
// Deletes an article node (its claims are cleared by clear_article first) and
// reports how many nodes it deleted: 0 means the article was unknown.
MATCH (art:Article {id: $article})
DETACH DELETE art
RETURN count(*) AS deleted
