// params: kinds, needle
// Search candidates without the full-text index: every actor one of whose
// normalised names (search_keys) contains $needle. SearchActors falls back to
// it when the index refuses a query; the candidates still include every match.
MATCH (a:Actor)
WHERE a.kind IN $kinds
  AND any(k IN a.search_keys WHERE k CONTAINS $needle)
RETURN a, COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles
