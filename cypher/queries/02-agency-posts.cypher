// Who holds which posts in an agency
// The people the news names with a post in a government or Party body, grouped by body, with their titles. Change :Agency to :Enterprise or :Organization for companies and institutes.
MATCH (person:Person)-[h:HOLDS_POSITION]->(agency:Agency)
RETURN agency.name AS agency,
       collect(person.name + coalesce('（' + h.title + '）', '')) AS people,
       count(DISTINCT person) AS count
ORDER BY count DESC, agency
LIMIT 100
