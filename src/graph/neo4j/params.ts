// Query parameters of the ingest statements (writes.ts), built from prepared rows
// (prepare.ts): for a node or relationship the ingest creates, every property; for
// one that exists, the fields to merge into it.
import { normaliseName } from "../../ids.js";
import type { DocumentRecord } from "../../types.js";
import type { EntityRow, RelationRow } from "../prepare.js";
import { encodeProperties } from "./values.js";

function names(row: EntityRow): { normName: string; names: string[] } {
  const normName = normaliseName(row.name);
  const list = [normName];
  for (const a of row.aliases) {
    const k = normaliseName(a);
    if (!list.includes(k)) list.push(k);
  }
  return { normName, names: list };
}

const propKeysOf = (row: EntityRow) => Object.keys(row.properties).filter((k) => row.properties[k] !== null);

/**
 * One MENTIONS per (document, entity): offsets as parallel lists, plus what the
 * document contributes (aliases, properties as JSON; null when nothing) for later
 * recomputation.
 */
function mentions(row: EntityRow) {
  const byDoc = new Map<string, { starts: number[]; ends: number[]; texts: string[] }>();
  for (const doc of row.docs) byDoc.set(doc, { starts: [], ends: [], texts: [] });
  for (const m of row.mentions) {
    const lists = byDoc.get(m.documentId);
    if (!lists) continue;
    lists.starts.push(m.start);
    lists.ends.push(m.end);
    lists.texts.push(m.text);
  }
  const given = new Map(row.contributions.map((c) => [c.doc, c]));
  return [...byDoc].map(([doc, lists]) => {
    const c = given.get(doc);
    return {
      doc,
      ...lists,
      aliases: c?.aliases.length ? c.aliases : null,
      props: c && Object.keys(c.properties).length > 0 ? JSON.stringify(c.properties) : null,
    };
  });
}

/** Whether the row brings extracted properties (statements without them skip a map SET). */
export const hasProperties = (row: EntityRow | RelationRow): boolean =>
  Object.keys(row.properties).length > 0 || row.contributions.length > 0;

/** Whether an existing entity gets anything merged beyond mentions. */
export const mergesInto = (row: EntityRow): boolean => row.aliases.length > 0 || propKeysOf(row).length > 0;

/** An entity the ingest creates. */
export function newEntityParams(row: EntityRow) {
  return {
    id: row.id,
    label: row.label,
    name: row.name,
    ...names(row),
    aliases: row.aliases,
    aliasText: row.aliases.map((a) => `${a}\n`).join(""),
    propKeys: propKeysOf(row),
    props: encodeProperties(row.properties),
    mentions: mentions(row),
  };
}

/** An entity that exists: what to merge into it, and its mentions. */
export function existingEntityParams(row: EntityRow) {
  return {
    id: row.id,
    aliases: row.aliases,
    names: names(row).names,
    props: encodeProperties(row.properties),
    propKeys: propKeysOf(row),
    mentions: mentions(row),
  };
}

function evidenceLists(row: RelationRow, dates: Map<string, string | null>) {
  let firstDate: string | null = null;
  const evDoc: string[] = [];
  const evSentence: string[] = [];
  const evStart: number[] = [];
  const evEnd: number[] = [];
  const evRule: string[] = [];
  for (const e of row.evidence) {
    const d = dates.get(e.documentId);
    if (d && (!firstDate || d < firstDate)) firstDate = d;
    evDoc.push(e.documentId);
    evSentence.push(e.sentence);
    evStart.push(e.start);
    evEnd.push(e.end);
    evRule.push(e.rule);
  }
  return { firstDate, evDoc, evSentence, evStart, evEnd, evRule };
}

/** A relationship that cannot exist yet (lists of property contributions only when there are some). */
export function newRelationParams(row: RelationRow, dates: Map<string, string | null>) {
  const propKeys = Object.keys(row.properties);
  return {
    key: row.key,
    source: row.source,
    target: row.target,
    docs: row.docs,
    ...evidenceLists(row, dates),
    props: encodeProperties(row.properties),
    propKeys: propKeys.length > 0 ? propKeys : null,
    propDoc: row.contributions.length > 0 ? row.contributions.map((c) => c.doc) : null,
    propJson:
      row.contributions.length > 0 ? row.contributions.map((c) => JSON.stringify(c.properties)) : null,
  };
}

/** A relationship that may exist: merged (evidence of documents not on it yet appended). */
export function mergeRelationParams(row: RelationRow, dates: Map<string, string | null>) {
  return {
    key: row.key,
    source: row.source,
    target: row.target,
    docs: row.docs,
    props: encodeProperties(row.properties),
    propKeys: Object.keys(row.properties),
    ...evidenceLists(row, dates),
    propDoc: row.contributions.map((c) => c.doc),
    propJson: row.contributions.map((c) => JSON.stringify(c.properties)),
  };
}

export function documentParams(doc: DocumentRecord) {
  return {
    id: doc.id,
    title: doc.title,
    date: doc.date ?? null,
    source: doc.source,
    byline: doc.byline ?? null,
    language: doc.language ?? null,
    text: doc.text ?? null,
    hash: doc.hash ?? null,
  };
}

// What the statements store, property by property, from the parameters above: the
// bulk load (bulk/) writes these maps as CSV rows. They mirror the SET clauses of
// writes.ts (documentsStart + documentsCommit, createEntities, createRelations) for
// a database the ingest starts empty; tests/graph/bulk.neo4j.test.ts compares the
// two databases property by property. Nulls are left out (Neo4j keeps none), counts
// that Cypher computes with size() are bigint (Neo4j INTEGER), every other number a
// double, as the driver sends JavaScript numbers.

export type StoredValue = string | number | boolean | bigint | string[] | number[] | boolean[];
export type StoredProperties = Record<string, StoredValue>;

function stored(entries: Record<string, unknown>): StoredProperties {
  const out: StoredProperties = {};
  for (const k in entries) {
    const v = entries[k];
    if (v !== null && v !== undefined) out[k] = v as StoredValue;
  }
  return out;
}

/** A document node after its ingest committed it (hash set, pending gone). */
export function documentProperties(p: ReturnType<typeof documentParams>): StoredProperties {
  return stored({ ...p });
}

/** An entity node as createEntities leaves it. */
export function entityProperties(p: ReturnType<typeof newEntityParams>): StoredProperties {
  return stored({
    id: p.id,
    label: p.label,
    name: p.name,
    normName: p.normName,
    aliases: p.aliases,
    names: p.names,
    aliasText: p.aliasText,
    propKeys: p.propKeys,
    documentCount: BigInt(p.mentions.length),
    ...p.props,
  });
}

/** A (document)-[:MENTIONS]->(entity) relationship as createEntities leaves it. */
export function mentionProperties(
  m: ReturnType<typeof newEntityParams>["mentions"][number],
): StoredProperties {
  return stored({ starts: m.starts, ends: m.ends, texts: m.texts, aliases: m.aliases, props: m.props });
}

/** A relationship between entities as createRelations leaves it. */
export function relationProperties(p: ReturnType<typeof newRelationParams>): StoredProperties {
  return stored({
    key: p.key,
    docs: p.docs,
    evDoc: p.evDoc,
    evSentence: p.evSentence,
    evStart: p.evStart,
    evEnd: p.evEnd,
    evRule: p.evRule,
    firstDate: p.firstDate,
    propKeys: p.propKeys,
    propDoc: p.propDoc,
    propJson: p.propJson,
    ...p.props,
  });
}
