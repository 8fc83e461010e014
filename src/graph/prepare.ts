// What an ingest will write, decided once for both stores: which documents are
// new, changed or unchanged, and the facts (entities, relations, mentions,
// evidence) that the new and changed documents contribute. Every fact carries the
// ids of the documents it came from, so that a changed document can later take
// back exactly what it added.
import { entityId, normaliseName } from "../ids.js";
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
import { cmp, compareEvidence, compareMentions } from "./order.js";
import { GraphStoreError } from "./store.js";
import type { IngestSummary } from "./store.js";

/**
 * What one document says about an entity or relation beyond its existence: the
 * aliases and properties it gives. Stores keep these per document, so that
 * replacing a document takes back exactly the aliases and properties only it gave.
 */
export interface Contribution {
  doc: string;
  aliases: string[];
  properties: Properties;
}

export interface EntityRow {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  properties: Properties;
  /** Documents (of this ingest) that contribute the entity. */
  docs: string[];
  /** The input's mention objects (read, never kept, by the stores). */
  mentions: Mention[];
  /** Per document, only for documents that give aliases or properties. */
  contributions: Contribution[];
}

export interface RelationRow {
  key: string;
  type: RelationType;
  source: string;
  target: string;
  properties: Properties;
  docs: string[];
  /** The input's evidence objects (read, never kept, by the stores). */
  evidence: Evidence[];
  /** Per document, only for documents that give properties (aliases stay empty). */
  contributions: Contribution[];
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

// Kept exported from here, where both stores have always imported them.
export { cmp, compareEvidence, compareMentions };

const LABELS = new Set<string>(NODE_LABELS);
/**
 * What most rows have: no aliases, properties or contributions, mentions not yet
 * seen. Shared and frozen (rows are read, never written, by the stores), replaced
 * when a row gets its own: a few empty objects per row are megabytes that the
 * garbage collector copies while a large ingest runs.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_PROPERTIES: Properties = Object.freeze({}) as Properties;
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

/** Aliases and properties of one input record, and the documents they belong to ("row": all of the row's). */
interface PendingContribution {
  docs: string[] | "row";
  aliases: string[];
  properties: Properties;
}

function isEmpty(properties: Properties): boolean {
  for (const _ in properties) return false;
  return true;
}

/**
 * Per-document contributions in input order: a document's aliases are unioned, its
 * properties merged (later records win), as the row's own aliases and properties are.
 */
function contributionsOf(pending: PendingContribution[] | undefined, rowDocs: string[]): Contribution[] {
  if (!pending) return [];
  const byDoc = new Map<string, Contribution>();
  for (const p of pending)
    for (const doc of p.docs === "row" ? rowDocs : p.docs) {
      let c = byDoc.get(doc);
      if (!c) byDoc.set(doc, (c = { doc, aliases: [], properties: {} }));
      for (const a of p.aliases) if (!c.aliases.includes(a)) c.aliases.push(a);
      Object.assign(c.properties, p.properties);
    }
  return [...byDoc.values()].filter((c) => c.aliases.length > 0 || !isEmpty(c.properties));
}

/**
 * The facts that the `active` documents contribute. An entity belongs to the
 * documents that mention it and to those whose evidence links it; a relation to
 * the documents of its evidence (or, without evidence, of its endpoints). An alias
 * belongs to the documents where it was the surface form of a mention, else to all
 * documents of its record; properties to all documents of their record.
 */
export function prepareFacts(extraction: Extraction, active: ReadonlySet<string>): PreparedFacts {
  // Record ids and entity ids → one holder per entity, so that resolving an endpoint
  // is a single lookup (this loop runs a million times on a large extraction).
  const holders = new Map<string, Holder>();
  const holderList: Holder[] = [];
  const documentIds = new Set(extraction.documents.map((d) => d.id));
  const pend = (list: PendingContribution[] | undefined, c: PendingContribution) => {
    if (list) list.push(c);
    return list ?? [c];
  };
  // Mentions and evidence of one document come together: the last active document
  // seen answers most checks without hashing the id again.
  let lastActive: string | undefined;
  const isActive = (doc: string): boolean => {
    if (doc === lastActive) return true;
    if (!active.has(doc)) return false;
    lastActive = doc;
    return true;
  };

  for (const record of extraction.entities ?? []) {
    if (!LABELS.has(record.label))
      throw new GraphStoreError(
        "BAD_EXTRACTION",
        `entity ${record.id ?? record.name}: unknown label ${record.label}`,
      );
    if (typeof record.name !== "string" || record.name.trim() === "")
      throw new GraphStoreError("BAD_EXTRACTION", `entity ${record.id}: empty name`);
    // The record's own id string when it is the entity id: relations name their ends
    // with the same strings, and one string object compares (and is kept) cheaper than two.
    const computed = entityId(record.label, record.name);
    const id = record.id === computed ? record.id : computed;
    let h = holders.get(id);
    if (!h) {
      h = {
        row: {
          id,
          label: record.label,
          name: record.name,
          aliases: NONE,
          properties: NO_PROPERTIES,
          docs: [],
          mentions: NONE,
          contributions: NONE,
        },
        lastDoc: undefined,
        mentioned: false,
      };
      holders.set(id, h);
      holderList.push(h);
    }
    if (record.id && record.id !== id) holders.set(record.id, h);
    const row = h.row;
    const mentions = record.mentions ?? [];
    if (mentions.length > 0) {
      h.mentioned = true;
      (h.records ??= []).push(mentions);
    }
    let allActive = true;
    for (const m of mentions) {
      if (isActive(m.documentId)) addDoc(h, m.documentId);
      else allActive = false;
    }
    // The record's own list when it is the row's first and all of it counts (never
    // pushed into: copied first if another record adds to the row).
    if (allActive && row.mentions === NONE) {
      if (mentions.length > 0) row.mentions = mentions;
    } else if (mentions.length > 0) {
      if (!h.ownMentions) row.mentions = row.mentions.slice();
      h.ownMentions = true;
      for (const m of mentions) if (isActive(m.documentId)) row.mentions.push(m);
    }
    // Most records give neither aliases nor properties: nothing more to do.
    if (!record.aliases?.length && (!record.properties || isEmpty(record.properties))) continue;
    const aliases = (record.aliases ?? []).filter((a) => a !== row.name);
    const properties = cleanProperties(record.properties);
    if (aliases.length === 0 && isEmpty(properties)) continue;
    if (aliases.length > 0 && row.aliases === NONE) row.aliases = [];
    for (const alias of aliases) if (!row.aliases.includes(alias)) row.aliases.push(alias);
    if (!isEmpty(properties)) row.properties = Object.assign(own(row.properties), properties);
    // Provenance: where the record mentions nothing active, its documents are the row's.
    const recordDocs = [...new Set(mentions.map((m) => m.documentId).filter(isActive))];
    const all = recordDocs.length > 0 ? recordDocs : "row";
    if (!isEmpty(properties)) h.pending = pend(h.pending, { docs: all, aliases: [], properties });
    for (const alias of aliases) {
      const key = normaliseName(alias);
      const seen = new Set<string>();
      for (const m of mentions)
        if (isActive(m.documentId) && normaliseName(m.text) === key) seen.add(m.documentId);
      h.pending = pend(h.pending, {
        docs: seen.size > 0 ? [...seen] : all,
        aliases: [alias],
        properties: {},
      });
    }
  }

  const relations = new Map<string, RelationRow>();
  const relationPending = new Map<string, PendingContribution[]>();
  for (const record of extraction.relations ?? []) {
    if (!TYPES.has(record.type))
      throw new GraphStoreError(
        "BAD_EXTRACTION",
        `relation ${record.source}→${record.target}: unknown type ${record.type}`,
      );
    // Document → entity MENTIONS is how a document contributes an entity, not a relation.
    if (record.type === "MENTIONS" && documentIds.has(record.source)) {
      const target = holders.get(record.target);
      if (target && active.has(record.source)) addDoc(target, record.source);
      continue;
    }
    const source = holders.get(record.source);
    const target = holders.get(record.target);
    if (!source || !target) continue; // an endpoint the extraction does not describe
    const given = record.evidence ?? [];
    let evidence = given;
    let docs: string[];
    if (given.length === 1) {
      // The common case, without intermediate arrays.
      if (!isActive(given[0]!.documentId)) continue;
      docs = [given[0]!.documentId];
    } else if (given.length > 0) {
      evidence = given.filter((e) => isActive(e.documentId));
      if (evidence.length === 0) continue;
      docs = [...new Set(evidence.map((e) => e.documentId))];
    } else {
      const fallback = mentionDocs(source).size > 0 ? mentionDocs(source) : mentionDocs(target);
      docs = [...(fallback.size > 0 ? fallback : active)].filter((d) => active.has(d));
      if (docs.length === 0) continue;
    }
    const key = flatRelationKey(record.type, source.row.id, target.row.id);
    let row = relations.get(key);
    if (!row) {
      row = {
        key,
        type: record.type,
        source: source.row.id,
        target: target.row.id,
        properties: NO_PROPERTIES,
        docs,
        evidence: NONE,
        contributions: NONE,
      };
      relations.set(key, row);
    } else for (const d of docs) if (!row.docs.includes(d)) row.docs.push(d);
    if (record.properties && !isEmpty(record.properties)) {
      const properties = cleanProperties(record.properties);
      if (!isEmpty(properties)) row.properties = Object.assign(own(row.properties), properties);
      if (!isEmpty(properties))
        relationPending.set(
          key,
          pend(relationPending.get(key), { docs: [...docs], aliases: [], properties }),
        );
    }
    // Never pushed into: the array may be the input's own.
    row.evidence = row.evidence.length === 0 ? evidence : row.evidence.concat(evidence);
    for (const d of docs) {
      addDoc(source, d);
      addDoc(target, d);
    }
  }

  const rows: EntityRow[] = [];
  let allActive: string[] | undefined;
  for (const h of holderList) {
    const row = h.row;
    // An entity with no mention anywhere and no relation still came from this extraction.
    if (row.docs.length === 0 && !h.mentioned)
      row.docs = [...(allActive ??= extraction.documents.map((d) => d.id).filter((d) => active.has(d)))];
    if (row.docs.length === 0) continue;
    if (h.pending) row.contributions = contributionsOf(h.pending, row.docs);
    rows.push(row);
  }
  const relationRows = [...relations.values()];
  for (const [key, pending] of relationPending) {
    const row = relations.get(key)!;
    row.contributions = contributionsOf(pending, row.docs);
  }
  return { entities: rows, relations: relationRows };
}

/**
 * relationKey()'s string, built by join(): a template literal leaves a chain of three
 * concatenation objects that the store keeps behind the key (~100 bytes per
 * relationship, ~90 MB at a million), join() one flat string.
 */
function flatRelationKey(type: RelationType, source: string, target: string): string {
  return [type, source, target].join("|");
}

interface Holder {
  /** Its docs are the documents (of this ingest) that contribute the entity, in first-seen order. */
  row: EntityRow;
  /** The document added last (most additions repeat it), and a set once there are many. */
  lastDoc: string | undefined;
  docSet?: Set<string>;
  /** Mentioned anywhere in the extraction (active document or not). */
  mentioned: boolean;
  /** row.mentions is its own array (else empty, or a record's list that must not be pushed into). */
  ownMentions?: boolean;
  /** Mention lists of its records, for the rare relation without evidence. */
  records?: Mention[][];
  mentionDocs?: Set<string>;
  pending?: PendingContribution[];
}

/** The row's own properties object, to write into (a copy of the shared empty one). */
function own(properties: Properties): Properties {
  return properties === NO_PROPERTIES ? {} : properties;
}

/** Add a document to an entity's unless already there (a Set past a few, so hubs stay linear). */
function addDoc(h: Holder, doc: string): void {
  if (doc === h.lastDoc) return;
  h.lastDoc = doc;
  const docs = h.row.docs;
  if (h.docSet) {
    if (h.docSet.has(doc)) return;
    h.docSet.add(doc);
  } else if (docs.includes(doc)) return;
  else if (docs.length >= 16) h.docSet = new Set(docs).add(doc);
  docs.push(doc);
}

/** Every document that mentions the entity, active or not (computed once, on demand). */
function mentionDocs(h: Holder): Set<string> {
  if (!h.mentionDocs) {
    h.mentionDocs = new Set();
    for (const list of h.records ?? []) for (const m of list) h.mentionDocs.add(m.documentId);
  }
  return h.mentionDocs;
}

/** The label an entity id starts with (ids are `<Label>:<normalised name>`). */
export function labelOfId(id: string): NodeLabel | null {
  const label = id.slice(0, id.indexOf(":"));
  return LABELS.has(label) ? (label as NodeLabel) : null;
}

/** A summary with nothing counted yet: the start of every ingest, on either store. */
export function emptySummary(dryRun: boolean): IngestSummary {
  return {
    documents: { added: 0, replaced: 0, unchanged: 0 },
    entities: { created: {}, updated: {}, removed: {} },
    relations: { created: {}, updated: {}, removed: {} },
    evidence: { added: 0, removed: 0 },
    dryRun,
  };
}
