// Which agencies issue documents together most often
// Pairs of agencies with the number of documents they issued jointly and a few titles.
MATCH (a:Agency)-[:ISSUED]->(doc:Entity)<-[:ISSUED]-(b:Agency)
WHERE a.name < b.name
RETURN a.name AS agency,
       b.name AS partner,
       count(DISTINCT doc) AS jointDocuments,
       collect(DISTINCT doc.name)[..5] AS examples
ORDER BY jointDocuments DESC, agency, partner
LIMIT 100
