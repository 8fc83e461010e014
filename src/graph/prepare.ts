// What an ingest will write, decided once for both stores: which documents are
// new, changed or unchanged, and the facts (entities, relations, mentions,
// evidence) that the new and changed documents contribute. Every fact carries the
// ids of the documents it came from, so that a changed document can later take
// back exactly what it added.
import { entityId, relationKey } from "../ids.js";
import type {
  DocumentRecord,
  Evidence,
  Extraction,
  Mention,
  NodeLabel,
  Properties,
  RelationType,
} from "../types.js";
import { NODE_LABELS, RELATION_TYPES } from "../types.js";
import { GraphStoreError } from "./store.js";

export interface EntityRow {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  properties: Properties;
  /** Documents (of this ingest) that contribute the entity. */
  docs: string[];
  mentions: Mention[];
}

export interface RelationRow {
  key: string;
  type: RelationType;
  source: string;
  target: string;
  properties: Properties;
  docs: string[];
  evidence: Evidence[];
}

export interface DocumentPlan {
  added: DocumentRecord[];
  replaced: DocumentRecord[];
  unchanged: DocumentRecord[];
}

export interface PreparedFacts {
  entities: EntityRow[];
  relations: RelationRow[];
}

const LABELS = new Set<string>(NODE_LABELS);
const TYPES = new Set<string>(RELATION_TYPES);

/**
 * Sort documents by what the store already holds: same hash = unchanged, other
 * hash (or no hash to compare, so nothing proves it unchanged) = replaced.
 * A document listed twice in one extraction counts once (the last wins).
 */
export function planDocuments(
  documents: readonly DocumentRecord[],
  storedHash: (id: string) => string | null | undefined,
): DocumentPlan {
  const byId = new Map<string, DocumentRecord>();
  for (const doc of documents) {
    if (!doc || typeof doc.id !== "string" || doc.id === "")
      throw new GraphStoreError("BAD_EXTRACTION", "a document has no id");
    byId.set(doc.id, doc);
  }
  const plan: DocumentPlan = { added: [], replaced: [], unchanged: [] };
  for (const doc of byId.values()) {
    const stored = storedHash(doc.id);
    if (stored === undefined) plan.added.push(doc);
    else if (doc.hash && stored === doc.hash) plan.unchanged.push(doc);
    else plan.replaced.push(doc);
  }
  return plan;
}

/** Drop nulls (neither store keeps them) and copy, so stored facts never alias input. */
export function cleanProperties(properties: Properties | undefined): Properties {
  const out: Properties = {};
  if (!properties) return out;
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    out[key] = Array.isArray(value) ? value.filter((v) => v !== null) : value;
  }
  return out;
}

/**
 * The facts that the `active` documents contribute. An entity belongs to the
 * documents that mention it and to those whose evidence links it; a relation to
 * the documents of its evidence (or, without evidence, of its endpoints).
 */
export function prepareFacts(extraction: Extraction, active: ReadonlySet<string>): PreparedFacts {
  const remap = new Map<string, string>();
  const entities = new Map<string, EntityRow>();
  const documentIds = new Set(extraction.documents.map((d) => d.id));
  const allMentionDocs = new Map<string, Set<string>>();
  // Document sets while collecting (hubs such as an industry appear in thousands of documents).
  const entityDocs = new Map<string, Set<string>>();

  for (const record of extraction.entities ?? []) {
    if (!LABELS.has(record.label))
      throw new GraphStoreError(
        "BAD_EXTRACTION",
        `entity ${record.id ?? record.name}: unknown label ${record.label}`,
      );
    if (typeof record.name !== "string" || record.name.trim() === "")
      throw new GraphStoreError("BAD_EXTRACTION", `entity ${record.id}: empty name`);
    const id = entityId(record.label, record.name);
    if (record.id) remap.set(record.id, id);
    remap.set(id, id);
    let row = entities.get(id);
    if (!row) {
      row = {
        id,
        label: record.label,
        name: record.name,
        aliases: [],
        properties: {},
        docs: [],
        mentions: [],
      };
      entities.set(id, row);
      entityDocs.set(id, new Set());
    }
    for (const alias of record.aliases ?? [])
      if (alias !== row.name && !row.aliases.includes(alias)) row.aliases.push(alias);
    Object.assign(row.properties, cleanProperties(record.properties));
    const mentionDocs = allMentionDocs.get(id) ?? new Set<string>();
    allMentionDocs.set(id, mentionDocs);
    const docs = entityDocs.get(id)!;
    for (const m of record.mentions ?? []) {
      mentionDocs.add(m.documentId);
      if (!active.has(m.documentId)) continue;
      row.mentions.push({ documentId: m.documentId, start: m.start, end: m.end, text: m.text });
      docs.add(m.documentId);
    }
  }

  const relations = new Map<string, RelationRow>();
  const touched = new Set<string>();
  for (const record of extraction.relations ?? []) {
    if (!TYPES.has(record.type))
      throw new GraphStoreError(
        "BAD_EXTRACTION",
        `relation ${record.source}→${record.target}: unknown type ${record.type}`,
      );
    // Document → entity MENTIONS is how a document contributes an entity, not a relation.
    if (record.type === "MENTIONS" && documentIds.has(record.source)) {
      const target = entities.get(remap.get(record.target) ?? "");
      if (target && active.has(record.source)) entityDocs.get(target.id)!.add(record.source);
      continue;
    }
    const source = remap.get(record.source);
    const target = remap.get(record.target);
    if (!source || !target) continue; // an endpoint the extraction does not describe
    const evidence = (record.evidence ?? []).filter((e) => active.has(e.documentId));
    let docs: string[];
    if ((record.evidence ?? []).length > 0) {
      if (evidence.length === 0) continue;
      docs = [...new Set(evidence.map((e) => e.documentId))];
    } else {
      const fallback = allMentionDocs.get(source)?.size
        ? allMentionDocs.get(source)!
        : allMentionDocs.get(target);
      docs = [...(fallback?.size ? fallback : active)].filter((d) => active.has(d));
      if (docs.length === 0) continue;
    }
    const key = relationKey(record.type, source, target);
    let row = relations.get(key);
    if (!row) {
      row = { key, type: record.type, source, target, properties: {}, docs: [], evidence: [] };
      relations.set(key, row);
    }
    Object.assign(row.properties, cleanProperties(record.properties));
    for (const d of docs) if (!row.docs.includes(d)) row.docs.push(d);
    for (const e of evidence)
      row.evidence.push({
        documentId: e.documentId,
        sentence: e.sentence,
        start: e.start,
        end: e.end,
        rule: e.rule,
      });
    for (const end of [source, target]) {
      touched.add(end);
      const set = entityDocs.get(end)!;
      for (const d of docs) set.add(d);
    }
  }

  const rows: EntityRow[] = [];
  for (const row of entities.values()) {
    row.docs = [...entityDocs.get(row.id)!];
    // An entity with no mention anywhere and no relation still came from this extraction.
    if (row.docs.length === 0 && !allMentionDocs.get(row.id)?.size && !touched.has(row.id))
      row.docs = extraction.documents.map((d) => d.id).filter((d) => active.has(d));
    if (row.docs.length > 0) rows.push(row);
  }
  return { entities: rows, relations: [...relations.values()] };
}

/** Sort order shared by both stores' exportAll(), so exports compare equal. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    cmp(a.documentId, b.documentId) ||
    a.start - b.start ||
    a.end - b.end ||
    cmp(a.rule, b.rule) ||
    cmp(a.sentence, b.sentence)
  );
}

export function compareMentions(a: Mention, b: Mention): number {
  return cmp(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || cmp(a.text, b.text);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The label an entity id starts with (ids are `<Label>:<normalised name>`). */
export function labelOfId(id: string): NodeLabel | null {
  const label = id.slice(0, id.indexOf(":"));
  return LABELS.has(label) ? (label as NodeLabel) : null;
}
