// The embedded graph's data: a graphology multigraph keyed by entity id and
// relationKey, plus the side indexes that make incremental ingestion and the
// read paths cheap. Evidence and mentions are flat int arrays over interned
// strings, which keeps a million relationships well inside a 2 GB heap.
import { MultiDirectedGraph } from "graphology";
import { normaliseName } from "../../ids.js";
import type { DocumentRecord, NodeLabel, Properties, RelationType } from "../../types.js";
import type { EntityRow, RelationRow } from "../prepare.js";
import { Interner } from "./interner.js";

export interface NodeAttrs {
  label: NodeLabel;
  name: string;
  aliases: string[];
  properties: Properties;
  /** Interned ids of the documents that contribute this entity. */
  docs: number[];
  /** Flat [document, start, end, surface] quadruples (interned strings). */
  mentions: number[];
  degree?: number;
  pagerank?: number;
  community?: number;
}

export interface EdgeAttrs {
  type: RelationType;
  properties: Properties;
  docs: number[];
  /** Flat [document, sentence, start, end, rule] quintuples (interned strings). */
  ev: number[];
}

export const MENTION_WIDTH = 4;
export const EVIDENCE_WIDTH = 5;

export type Change = "created" | "updated" | "unchanged";

export interface Removal {
  entities: Record<string, number>;
  relations: Record<string, number>;
  evidence: number;
  removedEntities: string[];
  removedRelations: string[];
}

export class GraphState {
  readonly graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
  readonly strings = new Interner();
  readonly documents = new Map<string, DocumentRecord>();
  /** Interned document id → entity ids / relation keys it contributed to. */
  readonly docEntities = new Map<number, string[]>();
  readonly docEdges = new Map<number, string[]>();
  /** normaliseName(name or alias) → entity ids. */
  readonly names = new Map<string, string[]>();
  readonly edgesByType = new Map<RelationType, Set<string>>();
  readonly labelCounts = new Map<string, number>();
  evidenceCount = 0;

  addDocument(doc: DocumentRecord): void {
    this.documents.set(doc.id, { ...doc });
    this.strings.intern(doc.id);
  }

  addEntity(row: EntityRow): Change {
    const g = this.graph;
    let change: Change = "unchanged";
    let attrs: NodeAttrs;
    if (g.hasNode(row.id)) {
      attrs = g.getNodeAttributes(row.id);
      for (const alias of row.aliases)
        if (alias !== attrs.name && !attrs.aliases.includes(alias)) {
          attrs.aliases.push(alias);
          this.indexName(alias, row.id);
          change = "updated";
        }
      for (const [k, v] of Object.entries(row.properties))
        if (JSON.stringify(attrs.properties[k]) !== JSON.stringify(v)) {
          attrs.properties[k] = v;
          change = "updated";
        }
    } else {
      attrs = {
        label: row.label,
        name: row.name,
        aliases: [...row.aliases],
        properties: { ...row.properties },
        docs: [],
        mentions: [],
      };
      g.addNode(row.id, attrs);
      this.indexName(row.name, row.id);
      for (const alias of row.aliases) this.indexName(alias, row.id);
      this.labelCounts.set(row.label, (this.labelCounts.get(row.label) ?? 0) + 1);
      change = "created";
    }
    const known = docSet(attrs.docs);
    for (const docId of row.docs) {
      const d = this.strings.intern(docId);
      if (known.has(d)) continue;
      known.add(d);
      attrs.docs.push(d);
      push(this.docEntities, d, row.id);
      if (change === "unchanged") change = "updated";
    }
    for (const m of row.mentions)
      attrs.mentions.push(this.strings.intern(m.documentId), m.start, m.end, this.strings.intern(m.text));
    return change;
  }

  addRelation(row: RelationRow): Change {
    const g = this.graph;
    let change: Change = "unchanged";
    let attrs: EdgeAttrs;
    if (g.hasEdge(row.key)) {
      attrs = g.getEdgeAttributes(row.key);
      for (const [k, v] of Object.entries(row.properties))
        if (JSON.stringify(attrs.properties[k]) !== JSON.stringify(v)) {
          attrs.properties[k] = v;
          change = "updated";
        }
    } else {
      attrs = { type: row.type, properties: { ...row.properties }, docs: [], ev: [] };
      g.addDirectedEdgeWithKey(row.key, row.source, row.target, attrs);
      let keys = this.edgesByType.get(row.type);
      if (!keys) this.edgesByType.set(row.type, (keys = new Set()));
      keys.add(row.key);
      change = "created";
    }
    const known = docSet(attrs.docs);
    for (const docId of row.docs) {
      const d = this.strings.intern(docId);
      if (known.has(d)) continue;
      known.add(d);
      attrs.docs.push(d);
      push(this.docEdges, d, row.key);
      if (change === "unchanged") change = "updated";
    }
    const s = this.strings;
    for (const e of row.evidence)
      attrs.ev.push(s.intern(e.documentId), s.intern(e.sentence), e.start, e.end, s.intern(e.rule));
    this.evidenceCount += row.evidence.length;
    return change;
  }

  /** Put back a node read from a saved file (its strings already interned). */
  restoreNode(id: string, attrs: NodeAttrs): void {
    this.graph.addNode(id, attrs);
    this.indexName(attrs.name, id);
    for (const alias of attrs.aliases) this.indexName(alias, id);
    this.labelCounts.set(attrs.label, (this.labelCounts.get(attrs.label) ?? 0) + 1);
    for (const d of attrs.docs) push(this.docEntities, d, id);
  }

  restoreEdge(key: string, source: string, target: string, attrs: EdgeAttrs): void {
    this.graph.addDirectedEdgeWithKey(key, source, target, attrs);
    let keys = this.edgesByType.get(attrs.type);
    if (!keys) this.edgesByType.set(attrs.type, (keys = new Set()));
    keys.add(key);
    for (const d of attrs.docs) push(this.docEdges, d, key);
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
    for (const key of this.docEdges.get(d) ?? []) {
      if (!g.hasEdge(key)) continue;
      const attrs = g.getEdgeAttributes(key);
      attrs.docs = attrs.docs.filter((x) => x !== d);
      const kept = filterTuples(attrs.ev, EVIDENCE_WIDTH, d);
      removal.evidence += (attrs.ev.length - kept.length) / EVIDENCE_WIDTH;
      this.evidenceCount -= (attrs.ev.length - kept.length) / EVIDENCE_WIDTH;
      attrs.ev = kept;
      if (attrs.docs.length === 0) {
        this.dropEdge(key);
        bump(removal.relations, attrs.type);
        removal.removedRelations.push(key);
      }
    }
    for (const id of this.docEntities.get(d) ?? []) {
      if (!g.hasNode(id)) continue;
      const attrs = g.getNodeAttributes(id);
      attrs.docs = attrs.docs.filter((x) => x !== d);
      attrs.mentions = filterTuples(attrs.mentions, MENTION_WIDTH, d);
      if (attrs.docs.length === 0) {
        for (const key of g.edges(id)) this.dropEdge(key);
        this.unindexName(attrs.name, id);
        for (const alias of attrs.aliases) this.unindexName(alias, id);
        g.dropNode(id);
        this.labelCounts.set(attrs.label, (this.labelCounts.get(attrs.label) ?? 1) - 1);
        bump(removal.entities, attrs.label);
        removal.removedEntities.push(id);
      }
    }
    this.docEdges.delete(d);
    this.docEntities.delete(d);
    return removal;
  }

  private dropEdge(key: string): void {
    const attrs = this.graph.getEdgeAttributes(key);
    this.edgesByType.get(attrs.type)?.delete(key);
    this.evidenceCount -= attrs.ev.length / EVIDENCE_WIDTH;
    attrs.ev = [];
    this.graph.dropEdge(key);
  }

  private indexName(name: string, id: string): void {
    const key = normaliseName(name);
    const ids = this.names.get(key);
    if (!ids) this.names.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }

  private unindexName(name: string, id: string): void {
    const key = normaliseName(name);
    const ids = this.names.get(key)?.filter((x) => x !== id);
    if (!ids || ids.length === 0) this.names.delete(key);
    else this.names.set(key, ids);
  }
}

/** Membership test over a document list: a Set only when the list is long enough to matter. */
function docSet(docs: number[]): { has(d: number): boolean; add(d: number): void } {
  if (docs.length < 16) return { has: (d) => docs.includes(d), add: () => undefined };
  return new Set(docs);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function filterTuples(flat: number[], width: number, doc: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += width)
    if (flat[i] !== doc) for (let j = 0; j < width; j++) out.push(flat[i + j]!);
  return out;
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
