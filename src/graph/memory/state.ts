// The embedded graph's data: a graphology multigraph keyed by entity id and
// relationKey, plus the side indexes that make incremental ingestion and the
// read paths cheap. Evidence and mentions are flat int arrays over interned
// strings, which keeps a million relationships well inside a 2 GB heap.
import { normaliseName } from "../../ids.js";
import type { DocumentRecord, NodeLabel, Properties, RelationType } from "../../types.js";
import type { EntityRow, RelationRow } from "../prepare.js";
import { isEmpty, NO_PROPERTIES } from "../empty.js";
import { EntityGraph } from "./graph.js";
import { Interner } from "./interner.js";
import { NameIndex } from "./names.js";
import {
  appendEvidence,
  appendMentions,
  DOC,
  EVIDENCE_WIDTH,
  evidenceTuple,
  filterTuples,
  MENTION_WIDTH,
  mentionTuple,
  RULE,
} from "./tuples.js";

export interface NodeAttrs {
  label: NodeLabel;
  name: string;
  aliases: string[];
  properties: Properties;
  /** Interned ids of the documents that contribute this entity. */
  docs: number[];
  /** Flat [document, start, end, surface] quadruples (interned strings). */
  mentions: number[];
  /** Aliases and properties per contributing document, when any document gave some. */
  prov?: NodeProvenance[];
  degree?: number;
  pagerank?: number;
  community?: number;
}

export interface EdgeAttrs {
  type: RelationType;
  properties: Properties;
  /**
   * Interned ids of the documents that contribute this relationship: the number
   * itself when there is one (most relationships; an array each was ~56 bytes, 50 MB
   * at a million), else a list. The file always holds a list (edgeDocList()).
   */
  docs: number | number[];
  /** Flat [document, sentence, start, end, rule] quintuples (interned strings). */
  ev: number[];
  /** Properties per contributing document, when any document gave some. */
  prov?: EdgeProvenance[];
}

/** `d`: interned document id, or LEGACY for what a file without provenance held. */
export interface NodeProvenance {
  d: number;
  a: string[];
  p: Properties;
}

export interface EdgeProvenance {
  d: number;
  p: Properties;
}

export const LEGACY = -1;

/**
 * Shared by every entity without aliases (most of them), like NO_PROPERTIES;
 * replaced, never mutated. An empty array per entity costs ~90 bytes, tens of MB
 * on a million-relationship graph.
 */
const NO_ALIASES: string[] = Object.freeze([]) as unknown as string[];

export { EVIDENCE_WIDTH, MENTION_WIDTH };

export type Change = "created" | "updated" | "unchanged";

export interface Removal {
  entities: Record<string, number>;
  relations: Record<string, number>;
  evidence: number;
  removedEntities: string[];
  removedRelations: string[];
}

export class GraphState {
  readonly graph = new EntityGraph<NodeAttrs, EdgeAttrs>();
  /**
   * Document and rule ids get near maps: an ingest's mentions and evidence name few
   * documents, again and again, and the rule ids are a few hundred at most.
   */
  readonly strings = new Interner([DOC, RULE]);
  readonly documents = new Map<string, DocumentRecord>();
  /**
   * Interned document id → entity ids it contributed to. The relations a document
   * contributed are found through these entities (both ends of a relation belong to
   * its documents), which saves an index entry per relationship.
   */
  readonly docEntities = new Map<number, string[]>();
  readonly names = new NameIndex();
  /** Relationships per type (counts only: a key index per type would cost a hash insert per relationship). */
  readonly edgeCounts = new Map<RelationType, number>();
  /** Bumped on every change, so read caches know when to rebuild. */
  version = 0;
  private typeIndex: { version: number; keys: Map<RelationType, string[]> } | null = null;
  readonly labelCounts = new Map<string, number>();
  evidenceCount = 0;

  addDocument(doc: DocumentRecord): void {
    this.documents.set(doc.id, { ...doc });
    this.strings.intern(doc.id, DOC);
  }

  addEntity(row: EntityRow): Change {
    const g = this.graph;
    const s = this.strings;
    let change: Change = "unchanged";
    let attrs = g.nodeAttributesOf(row.id);
    const mentions = row.mentions;
    if (attrs) {
      // Length checks first here and below: for…of over the shared frozen empty
      // array still allocates an iterator (allocation profile of a 200k ingest).
      if (row.aliases.length > 0)
        for (const alias of row.aliases)
          if (alias !== attrs.name && !attrs.aliases.includes(alias)) {
            if (attrs.aliases === NO_ALIASES) attrs.aliases = [];
            attrs.aliases.push(alias);
            this.names.add(alias, row.id);
            change = "updated";
          }
      for (const [k, v] of Object.entries(row.properties))
        if (JSON.stringify(attrs.properties[k]) !== JSON.stringify(v)) {
          if (attrs.properties === NO_PROPERTIES) attrs.properties = {};
          attrs.properties[k] = v;
          change = "updated";
        }
      if (addDocs(attrs.docs, row.docs, s, this.docEntities, row.id) && change === "unchanged")
        change = "updated";
      if (mentions.length > 0) attrs.mentions = appendMentions(s, attrs.mentions, mentions);
    } else {
      // Documents and mentions in arrays of their exact size (grown by push from [],
      // each would reserve 17 slots, ~130 bytes more per entity), as literals in the
      // common cases, which V8 can allocate straight into the old generation. Row
      // documents are distinct.
      const rowDocs = row.docs;
      const docs =
        rowDocs.length === 1
          ? [s.intern(rowDocs[0]!, DOC)]
          : rowDocs.length === 2
            ? [s.intern(rowDocs[0]!, DOC), s.intern(rowDocs[1]!, DOC)]
            : rowDocs.map((d) => s.intern(d, DOC));
      for (let i = 0; i < docs.length; i++) push(this.docEntities, docs[i]!, row.id);
      attrs = {
        label: row.label,
        name: row.name,
        aliases: row.aliases.length > 0 ? [...row.aliases] : NO_ALIASES,
        properties: isEmpty(row.properties) ? NO_PROPERTIES : { ...row.properties },
        docs,
        mentions:
          mentions.length === 1
            ? mentionTuple(s, mentions[0]!)
            : mentions.length > 0
              ? appendMentions(s, [], mentions)
              : [],
      };
      g.addEntityNode(row.id, attrs);
      // The id is `<label>:<normalised name>` (entityId): its tail is the name's key.
      this.names.addKey(row.id.slice(row.label.length + 1), row.id);
      if (row.aliases.length > 0) for (const alias of row.aliases) this.names.add(alias, row.id);
      this.labelCounts.set(row.label, (this.labelCounts.get(row.label) ?? 0) + 1);
      change = "created";
    }
    if (row.contributions.length > 0)
      for (const c of row.contributions) {
        const d = s.intern(c.doc, DOC);
        const entry: NodeProvenance = { d, a: [...c.aliases], p: { ...c.properties } };
        const prov = (attrs.prov ??= []);
        const at = prov.findIndex((x) => x.d === d);
        if (at >= 0) prov[at] = entry;
        else prov.push(entry);
      }
    return change;
  }

  addRelation(row: RelationRow): Change {
    const g = this.graph;
    let change: Change;
    let attrs = g.edgeAttributesOf(row.key);
    const s = this.strings;
    const evidence = row.evidence;
    if (attrs) {
      change = "unchanged";
      for (const [k, v] of Object.entries(row.properties))
        if (JSON.stringify(attrs.properties[k]) !== JSON.stringify(v)) {
          if (attrs.properties === NO_PROPERTIES) attrs.properties = {};
          attrs.properties[k] = v;
          change = "updated";
        }
      if (addEdgeDocs(attrs, row.docs, s) && change === "unchanged") change = "updated";
      if (evidence.length > 0) attrs.ev = appendEvidence(s, attrs.ev, evidence);
    } else {
      // Arrays of their exact size (grown by push from [], each would reserve 17
      // slots), as literals in the common case of one document and one evidence
      // item: V8 can then allocate them straight into the old generation
      // (allocation-site pretenuring) instead of copying them there.
      const docs = row.docs;
      attrs = {
        type: row.type,
        properties: isEmpty(row.properties) ? NO_PROPERTIES : { ...row.properties },
        docs: docs.length === 1 ? s.intern(docs[0]!, DOC) : docs.map((d) => s.intern(d, DOC)),
        ev:
          evidence.length === 1
            ? evidenceTuple(s, evidence[0]!)
            : evidence.length > 0
              ? appendEvidence(s, [], evidence)
              : [],
      };
      g.addRelationEdge(row.key, row.source, row.target, attrs, true);
      this.edgeCounts.set(row.type, (this.edgeCounts.get(row.type) ?? 0) + 1);
      change = "created";
    }
    this.evidenceCount += evidence.length;
    if (row.contributions.length > 0)
      for (const c of row.contributions) {
        const d = s.intern(c.doc, DOC);
        const entry: EdgeProvenance = { d, p: { ...c.properties } };
        const prov = (attrs.prov ??= []);
        const at = prov.findIndex((x) => x.d === d);
        if (at >= 0) prov[at] = entry;
        else prov.push(entry);
      }
    return change;
  }

  /** Put back a node read from a saved file (its strings already interned). */
  restoreNode(id: string, attrs: NodeAttrs): void {
    // A file without provenance: what it holds stays until the entity itself goes.
    if (!attrs.prov && (attrs.aliases.length > 0 || !isEmpty(attrs.properties)))
      attrs.prov = [{ d: LEGACY, a: [...attrs.aliases], p: { ...attrs.properties } }];
    if (attrs.aliases.length === 0) attrs.aliases = NO_ALIASES;
    if (isEmpty(attrs.properties)) attrs.properties = NO_PROPERTIES;
    this.graph.addNode(id, attrs);
    this.names.add(attrs.name, id);
    for (const alias of attrs.aliases) this.names.add(alias, id);
    this.labelCounts.set(attrs.label, (this.labelCounts.get(attrs.label) ?? 0) + 1);
    for (const d of attrs.docs) push(this.docEntities, d, id);
  }

  restoreEdge(key: string, source: string, target: string, attrs: EdgeAttrs): void {
    if (Array.isArray(attrs.docs) && attrs.docs.length === 1) attrs.docs = attrs.docs[0]!;
    if (isEmpty(attrs.properties)) attrs.properties = NO_PROPERTIES;
    else if (!attrs.prov) attrs.prov = [{ d: LEGACY, p: { ...attrs.properties } }];
    this.graph.addRelationEdge(key, source, target, attrs);
    this.edgeCounts.set(attrs.type, (this.edgeCounts.get(attrs.type) ?? 0) + 1);
    this.evidenceCount += attrs.ev.length / EVIDENCE_WIDTH;
  }

  /** Take back everything one document contributed; drop what nothing else supports. */
  removeDocument(docId: string): Removal {
    const removal: Removal = {
      entities: {},
      relations: {},
      evidence: 0,
      removedEntities: [],
      removedRelations: [],
    };
    const d = this.strings.lookup(docId);
    this.documents.delete(docId);
    if (d === undefined) return removal;
    const g = this.graph;
    const entityIds = (this.docEntities.get(d) ?? []).filter((id) => g.hasNode(id));
    const edgeKeys = new Set<string>();
    for (const id of entityIds)
      g.forEachEdge(id, (key, a) => {
        if (typeof a.docs === "number" ? a.docs === d : a.docs.includes(d)) edgeKeys.add(key);
      });
    for (const key of edgeKeys) {
      const attrs = g.getEdgeAttributes(key);
      const docs = edgeDocList(attrs.docs).filter((x) => x !== d);
      attrs.docs = docs.length === 1 ? docs[0]! : docs;
      const kept = filterTuples(attrs.ev, EVIDENCE_WIDTH, d);
      removal.evidence += (attrs.ev.length - kept.length) / EVIDENCE_WIDTH;
      this.evidenceCount -= (attrs.ev.length - kept.length) / EVIDENCE_WIDTH;
      attrs.ev = kept;
      if (docs.length === 0) {
        this.dropEdge(key);
        bump(removal.relations, attrs.type);
        removal.removedRelations.push(key);
      } else if (attrs.prov?.some((p) => p.d === d)) {
        attrs.prov = attrs.prov.filter((p) => p.d !== d);
        const properties: Properties = {};
        for (const p of attrs.prov) Object.assign(properties, p.p);
        attrs.properties = isEmpty(properties) ? NO_PROPERTIES : properties;
        if (attrs.prov.length === 0) delete attrs.prov;
      }
    }
    for (const id of entityIds) {
      const attrs = g.getNodeAttributes(id);
      attrs.docs = attrs.docs.filter((x) => x !== d);
      attrs.mentions = filterTuples(attrs.mentions, MENTION_WIDTH, d);
      if (attrs.docs.length === 0) {
        for (const key of g.edges(id)) this.dropEdge(key);
        this.names.remove(attrs.name, id);
        for (const alias of attrs.aliases) this.names.remove(alias, id);
        g.dropNode(id);
        this.labelCounts.set(attrs.label, (this.labelCounts.get(attrs.label) ?? 1) - 1);
        bump(removal.entities, attrs.label);
        removal.removedEntities.push(id);
      } else if (attrs.prov?.some((p) => p.d === d)) this.recomputeEntity(id, attrs, d);
    }
    this.docEntities.delete(d);
    return removal;
  }

  /** Aliases and properties from the contributions of the documents that remain. */
  private recomputeEntity(id: string, attrs: NodeAttrs, removed: number): void {
    const prov = attrs.prov!.filter((p) => p.d !== removed);
    const aliases: string[] = [];
    const properties: Properties = {};
    for (const p of prov) {
      for (const a of p.a) if (a !== attrs.name && !aliases.includes(a)) aliases.push(a);
      Object.assign(properties, p.p);
    }
    const keep = new Set([attrs.name, ...aliases].map(normaliseName));
    for (const alias of attrs.aliases) if (!keep.has(normaliseName(alias))) this.names.remove(alias, id);
    attrs.aliases = aliases.length > 0 ? aliases : NO_ALIASES;
    attrs.properties = isEmpty(properties) ? NO_PROPERTIES : properties;
    if (prov.length > 0) attrs.prov = prov;
    else delete attrs.prov;
  }

  /** Keys of every relationship of a type: one scan of all edges, kept until the graph changes. */
  edgesOfType(type: RelationType): readonly string[] {
    if (!this.typeIndex || this.typeIndex.version !== this.version) {
      const keys = new Map<RelationType, string[]>();
      this.graph.forEachEdge((key, a) => {
        const list = keys.get(a.type);
        if (list) list.push(key);
        else keys.set(a.type, [key]);
      });
      this.typeIndex = { version: this.version, keys };
    }
    return this.typeIndex.keys.get(type) ?? [];
  }

  private dropEdge(key: string): void {
    const attrs = this.graph.getEdgeAttributes(key);
    this.edgeCounts.set(attrs.type, (this.edgeCounts.get(attrs.type) ?? 1) - 1);
    this.evidenceCount -= attrs.ev.length / EVIDENCE_WIDTH;
    attrs.ev = [];
    this.graph.dropEdge(key);
  }
}

/** A relationship's documents as a list (EdgeAttrs.docs is the number itself when there is one). */
export function edgeDocList(docs: number | number[]): number[] {
  return typeof docs === "number" ? [docs] : docs;
}

/** addDocs() for a relationship's documents; true when any was added. */
function addEdgeDocs(attrs: EdgeAttrs, docIds: readonly string[], strings: Interner): boolean {
  if (typeof attrs.docs !== "number") return addDocs(attrs.docs, docIds, strings);
  const list = [attrs.docs];
  if (!addDocs(list, docIds, strings)) return false;
  attrs.docs = list;
  return true;
}

/**
 * Add the interned ids of `docIds` that `docs` lacks (a Set once the list is long, so
 * hub entities stay linear); each new one also lists `id` under it in `index`.
 * True when any was added.
 */
function addDocs(
  docs: number[],
  docIds: readonly string[],
  strings: Interner,
  index?: Map<number, string[]>,
  id?: string,
): boolean {
  const known = docs.length >= 16 ? new Set(docs) : null;
  let added = false;
  for (const docId of docIds) {
    const d = strings.intern(docId, DOC);
    if (known ? known.has(d) : docs.includes(d)) continue;
    known?.add(d);
    docs.push(d);
    if (index) push(index, d, id!);
    added = true;
  }
  return added;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
