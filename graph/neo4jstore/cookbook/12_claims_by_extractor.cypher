// Title: Claims by extractor
// Purpose: how many claims each extractor (a name/version, or manual)
//   produced per type, with their confidence range: compare a new
//   extractor version with the last one, or with the manual claims.
// params: none
MATCH (:Actor)-[r:MET|SUPPORTED|OPPOSED]->(:Actor)
RETURN r.extractor AS extractor,
       type(r) AS type,
       count(*) AS claims,
       round(avg(r.confidence), 3) AS mean_confidence,
       min(r.confidence) AS min_confidence
ORDER BY extractor, type
