// Who issued which policies
// Every named policy document and report with the bodies that issued it (several for a joint issuance), newest first. To follow one agency, add AND issuer.name CONTAINS '工业和信息化部' to the WHERE line.
MATCH (issuer:Entity)-[r:ISSUED]->(doc:Entity)
WHERE doc:Policy OR doc:Report
RETURN doc.name AS document,
       doc.label AS kind,
       coalesce(r.date, r.firstDate) AS date,
       collect(DISTINCT issuer.name) AS issuers
ORDER BY date DESC, document
LIMIT 100
