// params: none
// The size of the graph.
RETURN COUNT { (:Actor) } AS actors,
       COUNT { (:Article) } AS articles,
       COUNT { (:Actor)-[:MET|SUPPORTED|OPPOSED]->(:Actor) } AS claims
