// params: article
// One article by id.
MATCH (art:Article {id: $article})
RETURN art
