// params: none
// Deletes every Rawabit node and relationship (tests only: gives the contract
// suite an empty store). Other labels in the database are left alone.
MATCH (n)
WHERE n:Actor OR n:Article
DETACH DELETE n
