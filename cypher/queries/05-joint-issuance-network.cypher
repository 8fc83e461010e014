// The joint-issuance network of agencies
// Agencies linked through the documents they issued together; Browser draws it as a graph (switch to Table for the rows).
MATCH p = (a:Agency)-[:ISSUED]->(doc:Entity)<-[:ISSUED]-(b:Agency)
WHERE elementId(a) < elementId(b)
RETURN p
LIMIT 300
