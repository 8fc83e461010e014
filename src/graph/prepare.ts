// What an ingest will write, decided once for both stores: which documents are
// new, changed or unchanged, and the facts (entities, relations, mentions,
// evidence) that the new and changed documents contribute. Every fact carries the
// ids of the documents it came from, so that a changed document can later take
// back exactly what it added.
import { entityId, normaliseName, relationKey } from "../ids.js";
import type {
  DocumentRecord,
  EntityRecord,
  Evidence,
  Extraction,
  Mention,
  NodeLabel,
  Properties,
  RelationRecord,
  RelationType,
} from "../types.js";
import { NODE_LABELS, RELATION_TYPES } from "../types.js";
import type { Holder, PendingContribution } from "./holders.js";
import { isEmpty, NO_PROPERTIES } from "./empty.js";
import { addDoc, contributionsOf, mentionDocs, pend } from "./holders.js";
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
 * the documents of its evidence (or, without evidence, of its endpoints). An alias
 * belongs to the documents where it was the surface form of a mention, else to all
 * documents of its record; properties to all documents of their record.
 */
export function prepareFacts(extraction: Extraction, active: ReadonlySet<string>): PreparedFacts {
  const ctx: Context = {
    holders: new Map(),
    holderList: [],
    documentIds: new Set(extraction.documents.map((d) => d.id)),
    active,
    canonical: new Map([...active].map((d) => [d, d])),
    lastActive: undefined,
    lastCanonical: undefined,
    relations: new Map(),
    relationPending: new Map(),
  };
  // One function per record rather than loop bodies here: V8 optimises each on its
  // own instead of recompiling this one each time a loop with no feedback yet starts.
  // Indexed loops: for…of allocates an iterator result per step until optimised.
  const entities = extraction.entities ?? [];
  for (let i = 0; i < entities.length; i++) addEntityRecord(ctx, entities[i]!);
  const relationRecords = extraction.relations ?? [];
  for (let i = 0; i < relationRecords.length; i++) addRelationRecord(ctx, relationRecords[i]!);
  const { holderList, relations, relationPending } = ctx;

  const rows: EntityRow[] = [];
  let allActive: string[] | undefined;
  for (let i = 0; i < holderList.length; i++) {
    const h = holderList[i]!;
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

/** State of one prepareFacts() call. */
interface Context {
  /** Record ids and entity ids → one holder per entity (an endpoint is one lookup). */
  holders: Map<string, Holder>;
  holderList: Holder[];
  documentIds: Set<string>;
  active: ReadonlySet<string>;
  /**
   * Each active document id → the one string object that stands for it in rows.
   * Every mention and evidence item of an input carries its own copy of its document's
   * id; rows that hold one object per document let the comparisons and hash lookups
   * downstream (addDoc, the stores' interning) stop at "same object".
   */
  canonical: Map<string, string>;
  /** The last active document seen (mentions and evidence of one document come together), and its canonical id. */
  lastActive: string | undefined;
  lastCanonical: string | undefined;
  relations: Map<string, RelationRow>;
  relationPending: Map<string, PendingContribution[]>;
}

function isActive(ctx: Context, doc: string): boolean {
  return activeId(ctx, doc) !== undefined;
}

/** The canonical id of `doc` when it is active, else undefined. */
function activeId(ctx: Context, doc: string): string | undefined {
  if (doc === ctx.lastActive) return ctx.lastCanonical;
  const id = ctx.canonical.get(doc);
  if (id === undefined) return undefined;
  ctx.lastActive = doc;
  ctx.lastCanonical = id;
  return id;
}

function addEntityRecord(ctx: Context, record: EntityRecord): void {
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
  let h = ctx.holders.get(id);
  if (!h) {
    h = {
      row: {
        id,
        label: record.label,
        name: record.name,
        aliases: NONE,
        properties: NO_PROPERTIES,
        docs: NONE,
        mentions: NONE,
        contributions: NONE,
      },
      lastDoc: undefined,
      mentioned: false,
      // Declared here: added later, it would give most holders a property array.
      firstRecord: undefined,
    };
    ctx.holders.set(id, h);
    ctx.holderList.push(h);
  }
  if (record.id && record.id !== id) ctx.holders.set(record.id, h);
  const row = h.row;
  const mentions = record.mentions ?? [];
  if (mentions.length > 0) {
    h.mentioned = true;
    if (!h.firstRecord) h.firstRecord = mentions;
    else (h.records ??= []).push(mentions);
  }
  let allActive = true;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const doc = activeId(ctx, m.documentId);
    if (doc !== undefined) addDoc(h, doc);
    else allActive = false;
  }
  // The record's own list when it is the row's first and all of it counts (never
  // pushed into: copied first if another record adds to the row).
  if (allActive && row.mentions === NONE) {
    if (mentions.length > 0) row.mentions = mentions;
  } else if (mentions.length > 0) {
    if (!h.ownMentions) row.mentions = row.mentions.slice();
    h.ownMentions = true;
    for (const m of mentions) if (isActive(ctx, m.documentId)) row.mentions.push(m);
  }
  // Most records give neither aliases nor properties: nothing more to do.
  if (!record.aliases?.length && (!record.properties || isEmpty(record.properties))) return;
  const aliases = (record.aliases ?? []).filter((a) => a !== row.name);
  const properties = cleanProperties(record.properties);
  if (aliases.length === 0 && isEmpty(properties)) return;
  if (aliases.length > 0 && row.aliases === NONE) row.aliases = [];
  for (const alias of aliases) if (!row.aliases.includes(alias)) row.aliases.push(alias);
  if (!isEmpty(properties)) row.properties = Object.assign(own(row.properties), properties);
  // Provenance: where the record mentions nothing active, its documents are the row's.
  const recordDocs = [...new Set(mentions.map((m) => m.documentId).filter((d) => isActive(ctx, d)))];
  const all = recordDocs.length > 0 ? recordDocs : "row";
  if (!isEmpty(properties)) h.pending = pend(h.pending, { docs: all, aliases: [], properties });
  for (const alias of aliases) {
    const key = normaliseName(alias);
    const seen = new Set<string>();
    for (const m of mentions)
      if (isActive(ctx, m.documentId) && normaliseName(m.text) === key) seen.add(m.documentId);
    h.pending = pend(h.pending, {
      docs: seen.size > 0 ? [...seen] : all,
      aliases: [alias],
      properties: {},
    });
  }
}

function addRelationRecord(ctx: Context, record: RelationRecord): void {
  if (!TYPES.has(record.type))
    throw new GraphStoreError(
      "BAD_EXTRACTION",
      `relation ${record.source}→${record.target}: unknown type ${record.type}`,
    );
  // Document → entity MENTIONS is how a document contributes an entity, not a relation.
  if (record.type === "MENTIONS" && ctx.documentIds.has(record.source)) {
    const target = ctx.holders.get(record.target);
    if (target && ctx.active.has(record.source)) addDoc(target, record.source);
    return;
  }
  const source = ctx.holders.get(record.source);
  const target = ctx.holders.get(record.target);
  if (!source || !target) return; // an endpoint the extraction does not describe
  const given = record.evidence ?? [];
  let evidence = given;
  let docs: string[];
  if (given.length === 1) {
    // The common case, without intermediate arrays.
    const doc = activeId(ctx, given[0]!.documentId);
    if (doc === undefined) return;
    docs = [doc];
  } else if (given.length > 0) {
    evidence = given.filter((e) => isActive(ctx, e.documentId));
    if (evidence.length === 0) return;
    docs = [...new Set(evidence.map((e) => e.documentId))];
  } else {
    const fallback = mentionDocs(source).size > 0 ? mentionDocs(source) : mentionDocs(target);
    docs = [...(fallback.size > 0 ? fallback : ctx.active)].filter((d) => ctx.active.has(d));
    if (docs.length === 0) return;
  }
  const key = relationKey(record.type, source.row.id, target.row.id);
  let row = ctx.relations.get(key);
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
    ctx.relations.set(key, row);
  } else for (const d of docs) if (!row.docs.includes(d)) row.docs.push(d);
  if (record.properties && !isEmpty(record.properties)) {
    const properties = cleanProperties(record.properties);
    if (!isEmpty(properties)) {
      row.properties = Object.assign(own(row.properties), properties);
      ctx.relationPending.set(
        key,
        pend(ctx.relationPending.get(key), { docs: [...docs], aliases: [], properties }),
      );
    }
  }
  // Never pushed into: the array may be the input's own.
  row.evidence = row.evidence.length === 0 ? evidence : row.evidence.concat(evidence);
  for (const d of docs) {
    addDoc(source, d);
    addDoc(target, d);
  }
}

/** The row's own properties object, to write into (a copy of the shared empty one). */
function own(properties: Properties): Properties {
  return properties === NO_PROPERTIES ? {} : properties;
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
