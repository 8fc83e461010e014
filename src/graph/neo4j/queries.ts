// The read statements of the Neo4j store (writes are in writes.ts), parameterised.
// The few labels and types that must be literal come from the closed enums in
// src/types.ts: no text from a user or a page ever reaches a query string.
import { NODE_LABELS, RELATION_TYPES } from "../../types.js";

/** A relationship as the stores read it back (toRelation): its type, ends' ids and properties. */
const relationOf = (r: string) =>
  `{type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, props: properties(${r})}`;
const RELATION = relationOf("r");

export const getEntities = `
MATCH (e:Entity) WHERE e.id IN $ids
RETURN e {.*} AS e`;

/** Candidates for exact name lookup: canonical ids, plus full-text hits filtered on normalised names. */
export const findByName = `
CALL () {
  MATCH (e:Entity) WHERE e.id IN $ids RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: 200}) YIELD node AS e
  RETURN e
}
WITH e WHERE $key IN e.names AND ($label IS NULL OR e.label = $label)
RETURN e {.*} AS e`;

export const searchCandidates = `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $phrase, {limit: 2000}) YIELD node AS e
  RETURN e
  UNION
  MATCH (e:Entity) WHERE e.normName CONTAINS $key RETURN e LIMIT 2000
}
WITH e WHERE $labels IS NULL OR e.label IN $labels
RETURN e {.*} AS e`;

/** Every relation of each id with its other end and direction (a fixed fragment, no user input). */
const NEIGHBOUR_ROWS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r]->(o:Entity) WHERE $dir <> 'IN' AND ($types IS NULL OR type(r) IN $types)
  RETURN r, o, 'OUT' AS direction
  UNION ALL
  MATCH (e)<-[r]-(o:Entity) WHERE $dir <> 'OUT' AND ($types IS NULL OR type(r) IN $types)
  RETURN r, o, 'IN' AS direction
}`;

export const neighbours = `${NEIGHBOUR_ROWS}
RETURN id, direction, ${RELATION} AS r, o {.*} AS o`;

/**
 * One page per id in the order both stores share (type, other end's name, its id,
 * direction): rows are sorted as bare references and only the page is projected,
 * so a hub costs a sort, not thousands of relations sent and dropped.
 */
export const neighbourPages = `${NEIGHBOUR_ROWS}
WITH id, r, o, direction ORDER BY type(r), o.name, o.id, direction
WITH id, collect({r: r, o: o, direction: direction}) AS rows
RETURN id, size(rows) AS total,
       [x IN rows[$offset..($offset + $limit)] | {direction: x.direction, o: properties(x.o),
         r: ${relationOf("x.r")}}] AS items`;

export const getDocuments = `
MATCH (d:Document) WHERE d.id IN $ids
RETURN d {.*} AS d`;

export const mentionsOf = `
MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: $id})
RETURN d.id AS doc, m.starts AS starts, m.ends AS ends, m.texts AS texts`;

/**
 * Rows are sorted as bare references (a date and a key read per row) and only the
 * requested page is projected into maps: a speaker with thousands of statements
 * costs a sort, not thousands of evidence lists sent and dropped.
 */
const ANNOUNCE_TAIL = `
WITH s, r, w, coalesce(r.date, w.date, r.firstDate) AS date
WHERE ($since IS NULL OR date >= $since) AND ($until IS NULL OR substring(date, 0, size($until)) <= $until)
WITH s, r, w, date ORDER BY coalesce(date, '') DESC, r.key ASC
WITH collect({s: s, r: r, w: w, date: date}) AS rows
RETURN size(rows) AS total,
       [x IN rows[$offset..($offset + $limit)] | {s: properties(x.s), w: properties(x.w), date: x.date, r: ${relationOf("x.r")}}] AS items`;

const ABOUT = `($about IS NULL OR w.id IN $about OR EXISTS { MATCH (w)--(a:Entity) WHERE a.id IN $about })`;

/** Three entry points, chosen by which filters are given, so each starts from an index seek. */
export const announcementsBy = `
MATCH (s:Entity) WHERE s.id IN $by
MATCH (s)-[r:ISSUED|ANNOUNCED|STATED]->(w:Entity)
WHERE ${ABOUT}${ANNOUNCE_TAIL}`;

export const announcementsAbout = `
MATCH (a:Entity) WHERE a.id IN $about
CALL (a) {
  MATCH (s:Entity)-[r:ISSUED|ANNOUNCED|STATED]->(a) RETURN s, r, a AS w
  UNION
  MATCH (s:Entity)-[r:ISSUED|ANNOUNCED|STATED]->(w:Entity)--(a) RETURN s, r, w
}
WITH DISTINCT s, r, w${ANNOUNCE_TAIL}`;

export const announcementsAll = `
MATCH (s:Entity)-[r:ISSUED|ANNOUNCED|STATED]->(w:Entity)${ANNOUNCE_TAIL}`;

const ZONE_TAIL = `
WITH r ORDER BY size(r.evDoc) DESC, r.key ASC
WITH collect(r) AS rows
RETURN size(rows) AS total, [x IN rows[$offset..($offset + $limit)] |
  {rel: ${relationOf("x")}, zone: properties(startNode(x)), industry: properties(endNode(x))}] AS items`;

export const zoneIndustriesByZone = `
MATCH (z:Zone) WHERE z.id IN $zones
MATCH (z)-[r:FOCUSES_ON]->(i:Industry)
WHERE $industries IS NULL OR i.id IN $industries${ZONE_TAIL}`;

export const zoneIndustriesByIndustry = `
MATCH (i:Industry) WHERE i.id IN $industries
MATCH (z:Zone)-[r:FOCUSES_ON]->(i)${ZONE_TAIL}`;

export const zoneIndustriesAll = `
MATCH (z:Zone)-[r:FOCUSES_ON]->(i:Industry)${ZONE_TAIL}`;

/** Hop bound must be literal in the pattern; it is an integer clamped by the caller. */
export function shortestPath(maxHops: number): string {
  const hops = Math.max(1, Math.min(12, Math.floor(maxHops)));
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)(()-[]-(:Entity)){1,${hops}}(b)
RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | ${RELATION}] AS rels`;
}

export function countNodes(): string {
  return NODE_LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS n`).join("\nUNION ALL\n");
}

export function countRelations(): string {
  return RELATION_TYPES.map((t) => `MATCH (:Entity)-[r:${t}]->() RETURN '${t}' AS type, count(r) AS n`).join(
    "\nUNION ALL\n",
  );
}

export const countDocumentsAndEvidence = `
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN coalesce(sum(size(r.evDoc)), 0) AS evidence }
RETURN documents, evidence`;

export const exportDocuments = `MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.id`;
export const exportEntities = `
MATCH (e:Entity)
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, collect({doc: d.id, starts: m.starts, ends: m.ends, texts: m.texts}) AS mentions
RETURN e {.*} AS e, mentions ORDER BY e.id`;
export const exportRelations = `MATCH (:Entity)-[r]->(:Entity) RETURN ${RELATION} AS r`;

export const analyticsEdges = `MATCH (a:Entity)-[]->(b:Entity) RETURN a.id AS s, b.id AS t`;
export const analyticsNodes = `MATCH (e:Entity) RETURN e.id AS id`;
export const writeAnalytics = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.degree = row.degree, e.pagerank = row.pagerank, e.community = row.community`;
