// Which zones cluster an industry, and where the text says so
// Development zones and parks by the industry they focus on, with one evidence sentence and its article for each. To ask about one industry, add WHERE industry.name CONTAINS '人工智能' below the first MATCH line.
MATCH (zone:Zone)-[f:FOCUSES_ON]->(industry:Industry)
MATCH (d:Document {id: f.evDoc[0]})
RETURN industry.name AS industry,
       zone.name AS zone,
       f.metric AS metric,
       f.evSentence[0] AS evidence,
       d.title AS article,
       d.date AS date
ORDER BY industry, zone
LIMIT 200
