// The embedded store's graphology graph. graphology keeps each node's neighbours in
// plain objects keyed by neighbour id ({} per direction). Grown key by key, each such
// object walks its own chain of V8 hidden classes (every id is a new property name),
// which made adding an edge the most expensive step of ingestion; objects in
// dictionary mode add keys ~4× faster for the same memory once they hold one key.
// They are switched when they get their first neighbour, so nodes keep graphology's
// small empty object on the side that has none (most nodes have only out-edges or
// only in-edges; empty dictionaries cost ~130 bytes more each).
import { MultiDirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";

type Adjacency = Record<string, unknown>;

/** graphology's per-node record (DirectedNodeData); not part of its typed API. */
interface NodeData {
  in: Adjacency;
  out: Adjacency;
}

/**
 * A null-prototype object is in dictionary mode from the start. It has no
 * hasOwnProperty, which graphology's two-argument hasEdge() calls: EntityGraph
 * answers those itself.
 */
function dictionary(from: Adjacency): Adjacency {
  const d = Object.create(null) as Adjacency;
  for (const k in from) d[k] = from[k];
  return d;
}

export class EntityGraph<N extends Attributes, E extends Attributes> extends MultiDirectedGraph<N, E> {
  constructor() {
    super({ allowSelfLoops: true });
  }

  /** addDirectedEdgeWithKey(), the two ends' adjacency switched to dictionary mode first. */
  addRelationEdge(key: string, source: string, target: string, attributes: E): void {
    const nodes = (this as unknown as { _nodes: Map<string, NodeData> })._nodes;
    const s = nodes.get(source);
    const t = nodes.get(target);
    if (s && Object.getPrototypeOf(s.out) !== null) s.out = dictionary(s.out);
    if (t && Object.getPrototypeOf(t.in) !== null) t.in = dictionary(t.in);
    this.addDirectedEdgeWithKey(key, source, target, attributes);
  }

  override hasEdge(edge: unknown): boolean;
  override hasEdge(source: unknown, target: unknown): boolean;
  override hasEdge(...args: unknown[]): boolean {
    if (args.length === 2) return this.hasDirectedEdge(args[0], args[1]);
    return super.hasEdge(args[0]);
  }

  override hasDirectedEdge(edge: unknown): boolean;
  override hasDirectedEdge(source: unknown, target: unknown): boolean;
  override hasDirectedEdge(...args: unknown[]): boolean {
    if (args.length !== 2) return super.hasDirectedEdge(args[0]);
    const [source, target] = args as [string, string];
    return this.hasNode(source) && this.hasNode(target) && this.areOutNeighbors(source, target);
  }
}
