// The evidence behind a relation
// Every sentence that supports a relation, with its article, date and the rule that read it. Add AND s.name = '工业和信息化部' (or AND type(r) = 'ISSUED') to the WHERE to look at one relation.
MATCH (s:Entity)-[r]->(t:Entity)
WHERE r.evDoc IS NOT NULL
UNWIND range(0, size(r.evDoc) - 1) AS i
MATCH (d:Document {id: r.evDoc[i]})
RETURN s.name AS source,
       type(r) AS relation,
       t.name AS target,
       r.evSentence[i] AS sentence,
       d.title AS article,
       d.date AS date,
       r.evRule[i] AS rule
ORDER BY source, relation, target
LIMIT 200
