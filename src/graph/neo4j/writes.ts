// The write statements of the Neo4j store (ingestion and recomputation), parameterised.
// Labels and relationship types that must be literal for an index to be used come from
// the closed enums in src/types.ts: no text from a user or a page reaches a query string.
import type { NodeLabel, RelationType } from "../../types.js";
import { NODE_LABELS, RELATION_TYPES } from "../../types.js";

/** The label or type itself, once it is known to be one of the closed enums (it will be spliced into Cypher). */
export function checked<T extends string>(value: T, allowed: readonly string[]): T {
  if (!allowed.includes(value)) throw new Error(`not a known label or type: ${value}`);
  return value;
}

export const documentsPlan = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, CASE WHEN d.pending THEN null ELSE coalesce(d.hash, '') END AS hash`;

/** Documents are written first as `pending` and committed (hash set) last: a re-run re-does a half-written one. */
export const documentsStart = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.date = row.date, d.source = row.source, d.byline = row.byline,
    d.language = row.language, d.text = row.text, d.hash = null, d.pending = true`;

export const documentsCommit = `
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.hash = row.hash, d.pending = null`;

/**
 * Take a replaced document's evidence off its relationships; drop those it alone
 * supported. Of the others, the properties it gave are taken back (returned for the
 * client to recompute) and firstDate is recomputed from the remaining evidence.
 */
export const removeDocumentEvidence = `
MATCH (:Document {id: $doc})-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WHERE $doc IN r.docs
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evDoc) - 1) WHERE r.evDoc[i] <> $doc] AS keep,
     [i IN range(0, size(coalesce(r.propDoc, [])) - 1) WHERE r.propDoc[i] <> $doc] AS keepProps
WITH r, keep, keepProps, size(r.evDoc) - size(keep) AS dropped,
     size(coalesce(r.propDoc, [])) > size(keepProps) AS propsChanged
SET r.docs = [x IN r.docs WHERE x <> $doc],
    r.evSentence = [i IN keep | r.evSentence[i]],
    r.evStart = [i IN keep | r.evStart[i]],
    r.evEnd = [i IN keep | r.evEnd[i]],
    r.evRule = [i IN keep | r.evRule[i]],
    r.evDoc = [i IN keep | r.evDoc[i]],
    r.propJson = CASE WHEN propsChanged THEN [i IN keepProps | r.propJson[i]] ELSE r.propJson END,
    r.propDoc = CASE WHEN propsChanged THEN [i IN keepProps | r.propDoc[i]] ELSE r.propDoc END
WITH r, dropped, propsChanged, size(r.docs) = 0 AS gone,
     {key: r.key, source: startNode(r).id, target: endNode(r).id} AS ref
CALL (r, gone) {
  WITH r WHERE NOT gone
  OPTIONAL MATCH (d:Document) WHERE d.id IN r.evDoc
  WITH r, min(d.date) AS first
  SET r.firstDate = first
}
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE r)
RETURN coalesce(sum(dropped), 0) AS evidence, collect(CASE WHEN gone THEN ref.key END) AS removed,
       collect(CASE WHEN propsChanged AND NOT gone THEN ref END) AS recompute`;

/**
 * Then its mentions; entities no document mentions any more go. Entities that stay
 * and to which it gave aliases or properties are returned for recomputing.
 */
export const removeDocumentMentions = `
MATCH (:Document {id: $doc})-[m:MENTIONS]->(e:Entity)
WITH e, m, m.aliases IS NOT NULL OR m.props IS NOT NULL AS contributed
DELETE m
WITH e, contributed
SET e.documentCount = e.documentCount - 1
WITH e, contributed, e.id AS id, e.documentCount <= 0 AS gone
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE e)
RETURN collect(CASE WHEN gone THEN id END) AS removed,
       collect(CASE WHEN contributed AND NOT gone THEN id END) AS recompute`;

/** What the remaining documents contribute to entities whose aliases/properties must be recomputed. */
export const entityContributions = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e) WHERE m.aliases IS NOT NULL OR m.props IS NOT NULL
WITH e, d, m ORDER BY d.id
RETURN e {.*} AS e, collect({aliases: m.aliases, props: m.props}) AS contributions`;

export const relationProperties = `
UNWIND $refs AS ref
MATCH (:Entity {id: ref.source})-[r]->(:Entity {id: ref.target}) WHERE r.key = ref.key
RETURN ref, properties(r) AS props`;

/** Replace every property of an entity (the client computed the full map). */
export const replaceEntityProperties = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e = row.props`;

export const replaceRelationProperties = `
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r]->(:Entity {id: row.target}) WHERE r.key = row.key
SET r = row.props`;

export const existingEntities = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN collect(e.id) AS ids`;

/**
 * Entities the ingest creates (existingEntities found none of them, in this ingest)
 * with their mentions. Property by property in ON CREATE SET: measured cheaper than
 * `SET e = map` (which also makes the planner add an Eager), and MERGE rather than
 * CREATE so that a transaction the driver retries after a lost commit reply
 * writes nothing twice. Extracted properties (`+= row.props`, a map again) only in
 * the variant for rows that have some.
 */
export function createEntities(label: NodeLabel, withProps: boolean): string {
  checked(label, NODE_LABELS);
  return `
UNWIND $rows AS row
MERGE (e:${label} {id: row.id})
ON CREATE SET e:Entity, e.label = row.label, e.name = row.name, e.normName = row.normName,
    e.aliases = row.aliases, e.names = row.names, e.aliasText = row.aliasText,
    e.propKeys = row.propKeys, e.documentCount = size(row.mentions)${withProps ? ", e += row.props" : ""}
WITH e, row
UNWIND row.mentions AS m
MATCH (d:Document {id: m.doc})
MERGE (d)-[r:MENTIONS]->(e)
ON CREATE SET r.starts = m.starts, r.ends = m.ends, r.texts = m.texts, r.aliases = m.aliases, r.props = m.props`;
}

/**
 * Entities that exist get their new mentions (CREATE: the documents being written
 * have none yet, new or their old ones removed first) and documentCount; with
 * `merge`, also the union of aliases and the merged properties.
 */
export function updateEntities(merge: boolean): string {
  const merging = `
SET e += row.props
SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
    e.names = e.names + [k IN row.names WHERE NOT k IN e.names],
    e.propKeys = e.propKeys + [k IN row.propKeys WHERE NOT k IN e.propKeys]
SET e.aliasText = reduce(s = '', a IN e.aliases | s + a + '\n')`;
  return `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.documentCount = e.documentCount + size(row.mentions)${merge ? merging : ""}
WITH e, row
UNWIND row.mentions AS m
MATCH (d:Document {id: m.doc})
CREATE (d)-[r:MENTIONS]->(e)
SET r.starts = m.starts, r.ends = m.ends, r.texts = m.texts, r.aliases = m.aliases, r.props = m.props`;
}

/** The relationship MERGE both relationship statements share, with what a new one gets from its row. */
function mergeRelation(type: RelationType): string {
  return `UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:${checked(type, RELATION_TYPES)}]->(t)
ON CREATE SET r.key = row.key, r.docs = row.docs, r.evDoc = row.evDoc, r.evSentence = row.evSentence,
    r.evStart = row.evStart, r.evEnd = row.evEnd, r.evRule = row.evRule, r.firstDate = row.firstDate`;
}

/**
 * Relationships that cannot exist yet: one of their ends was created by this
 * ingest, and no earlier statement of it wrote their key. Everything in ON CREATE
 * SET (a retried transaction finds them and writes nothing twice); no created
 * marker, no append path. Measured on 20,000 relationships: about half the server
 * CPU of upsertRelations.
 */
export function createRelations(type: RelationType, withProps: boolean): string {
  checked(type, RELATION_TYPES);
  return `
${mergeRelation(type)}${
    withProps
      ? ",\n    r.propKeys = row.propKeys, r.propDoc = row.propDoc, r.propJson = row.propJson, r += row.props"
      : ""
  }`;
}

/**
 * Evidence lives on the relationship as parallel lists (evDoc[i], evSentence[i] …):
 * one write per relationship, visible in Browser's inspector, and `MATCH (z:Zone)-
 * [:FOCUSES_ON]->(i:Industry)` stays a plain pattern. One MERGE (a single Expand(Into)
 * per row): a new relationship gets its lists in its ON CREATE SET from the row; an
 * existing one appends, and only the evidence of documents not on it yet, so a
 * retried batch adds nothing twice. Measured (PROFILE, 4,470 FOCUSES_ON rows into
 * hub industries): 103k db hits against 256k for OPTIONAL MATCH + MERGE + appends.
 */
export function upsertRelations(type: RelationType): string {
  checked(type, RELATION_TYPES);
  return `
${mergeRelation(type)},
    r.propKeys = CASE WHEN size(row.propKeys) > 0 THEN row.propKeys END,
    r.propDoc = CASE WHEN size(row.propDoc) > 0 THEN row.propDoc END,
    r.propJson = CASE WHEN size(row.propDoc) > 0 THEN row.propJson END, r._new = true
SET r += row.props
WITH r, row, r._new IS NOT NULL AS created
OPTIONAL CALL (r, row, created) {
  WITH r, row WHERE NOT created
  WITH r, row, [i IN range(0, size(row.evDoc) - 1) WHERE NOT row.evDoc[i] IN r.evDoc] AS fresh
  SET r.docs = r.docs + [d IN row.docs WHERE NOT d IN r.docs],
      r.evDoc = r.evDoc + [i IN fresh | row.evDoc[i]],
      r.evSentence = r.evSentence + [i IN fresh | row.evSentence[i]],
      r.evStart = r.evStart + [i IN fresh | row.evStart[i]],
      r.evEnd = r.evEnd + [i IN fresh | row.evEnd[i]],
      r.evRule = r.evRule + [i IN fresh | row.evRule[i]],
      r.firstDate = CASE WHEN row.firstDate IS NOT NULL AND (r.firstDate IS NULL OR row.firstDate < r.firstDate)
                         THEN row.firstDate ELSE r.firstDate END
  FOREACH (_ IN CASE WHEN size(row.propKeys) > 0 THEN [1] ELSE [] END |
    SET r.propKeys = coalesce(r.propKeys, []) + [k IN row.propKeys WHERE NOT k IN coalesce(r.propKeys, [])])
  FOREACH (_ IN CASE WHEN size(row.propDoc) > 0 THEN [1] ELSE [] END |
    SET r.propJson = coalesce(r.propJson, []) + [i IN range(0, size(row.propDoc) - 1)
                       WHERE NOT row.propDoc[i] IN coalesce(r.propDoc, []) | row.propJson[i]],
        r.propDoc = coalesce(r.propDoc, []) + [d IN row.propDoc WHERE NOT d IN coalesce(r.propDoc, [])])
  RETURN size(fresh) AS added
}
REMOVE r._new
RETURN collect(CASE WHEN created THEN row.key END) AS created, count(*) AS total,
       sum(CASE WHEN created THEN size(row.evDoc) ELSE added END) AS evidence`;
}
