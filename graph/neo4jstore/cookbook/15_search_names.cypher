// Title: Find actors by name (full-text, Arabic analyzer)
// Purpose: look actors up by any part of a name, alias or Arabic name
//   through the actor_names full-text index; $text is a Lucene query, so
//   حفتر, "خليفة حفتر" (a phrase) and Haft* (a prefix) all work.
// params: text
// :param text => 'حفتر'
CALL db.index.fulltext.queryNodes('actor_names', $text) YIELD node, score
RETURN node.id AS actor,
       node.name AS name,
       node.name_ar AS name_ar,
       node.kind AS kind,
       score
ORDER BY score DESC, actor
LIMIT 20
