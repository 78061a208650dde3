// params: kinds, lucene, needle
// Search candidates: the actors the full-text index finds for $lucene (an
// escaped Lucene query) and every actor one of whose normalised names
// (search_keys) contains $needle. The caller ranks them with arabic.MatchScore.
CALL db.index.fulltext.queryNodes('actor_names', $lucene) YIELD node
WITH collect(node) AS found
MATCH (a:Actor)
WHERE a.kind IN $kinds
  AND (a IN found OR any(k IN a.search_keys WHERE k CONTAINS $needle))
RETURN a, COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
