// Title: The claims of an article
// Purpose: every claim one article makes, in text order, with who made it
//   (extractor) and the quote.
// params: article
// :param article => '000_8d29e9a6e18a0c13'
MATCH (s:Actor)-[r:MET|SUPPORTED|OPPOSED]->(t:Actor)
WHERE r.article = $article
RETURN r.start AS start,
       r.end AS end_offset,
       type(r) AS type,
       s.id AS source,
       t.id AS target,
       r.certainty AS certainty,
       r.confidence AS confidence,
       r.extractor AS extractor,
       r.quote AS quote
ORDER BY start, r.id
