// PolicyGraph's Neo4j schema, applied idempotently (IF NOT EXISTS) before the first write.
// One uniqueness constraint per label on `id`: MERGE on (label, id) is an index seek.
// Every entity node also carries :Entity, with its own constraint, so lookups by id
// that do not know the label (neighbours, paths, relationships) are seeks too.

CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT zone_id IF NOT EXISTS FOR (n:Zone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Substring search on the normalised canonical name (CONTAINS uses a text index).
CREATE TEXT INDEX entity_norm_name IF NOT EXISTS FOR (n:Entity) ON (n.normName);

// Full-text search over names and aliases. The `cjk` analyzer indexes Chinese as
// overlapping bigrams, so a phrase query for 光谷 finds 武汉东湖高新区 through its
// alias text (checked on Neo4j 5.26 with the corpus loaded). Lucene's standard
// analyzer was not compared here: Neo4j refuses a second full-text index on the same
// properties, so that check needs the index dropped first.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Announcements and date filters.
CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date);
