// Who announced what
// Programmes, policies and events that an agency, person, company or institute launched or unveiled, with the article that reports it.
MATCH (who:Entity)-[r:ANNOUNCED]->(what:Entity)
MATCH (d:Document {id: r.evDoc[0]})
RETURN who.name AS announcer,
       who.label AS announcerKind,
       what.name AS announced,
       what.label AS kind,
       d.title AS article,
       d.date AS date
ORDER BY date DESC, announcer
LIMIT 200
