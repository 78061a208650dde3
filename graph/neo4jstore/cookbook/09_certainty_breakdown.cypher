// Title: Asserted, reported and alleged claims
// Purpose: how many claims of each type the corpus asserts, reports or only
//   alleges, with their mean confidence.
// params: none
MATCH (:Actor)-[r:MET|SUPPORTED|OPPOSED]->(:Actor)
RETURN type(r) AS type,
       r.certainty AS certainty,
       count(*) AS claims,
       round(avg(r.confidence), 2) AS mean_confidence
ORDER BY type, certainty
