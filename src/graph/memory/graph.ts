// The embedded store's graphology graph. graphology keeps each node's neighbours in
// plain objects keyed by neighbour id ({} per direction). Grown key by key, each such
// object walks its own chain of V8 hidden classes (every id is a new property name),
// which made adding an edge the most expensive step of ingestion; objects in
// dictionary mode add keys ~4× faster for the same memory once they hold one key.
// They are switched when they get their first neighbour, so nodes keep graphology's
// small empty object on the side that has none (most nodes have only out-edges or
// only in-edges; empty dictionaries cost ~130 bytes more each).
//
// Ingestion also reaches past graphology's public methods for the lookups: on a
// large graph every lookup in its node or edge map is a cache miss or two (≈1 µs
// here), and "has it? then get it / add it (which checks again)" made three or four
// of them per relationship where one or two do.
import { MultiDirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";

type Adjacency = Record<string, unknown>;

/** graphology's per-node record (DirectedNodeData); not part of its typed API. */
interface NodeData {
  key: string;
  attributes: Attributes;
  in: Adjacency;
  out: Adjacency;
  inDegree: number;
  outDegree: number;
  directedLoops: number;
}

/** graphology's per-edge record (EdgeData); not part of its typed API. */
interface EdgeData {
  attributes: Attributes;
  attachMulti(): void;
}

type EdgeDataClass = new (
  undirected: boolean,
  key: string,
  source: NodeData,
  target: NodeData,
  attributes: Attributes,
) => EdgeData;

/** graphology's internals that EntityGraph uses. */
interface Internals {
  _nodes: Map<string, NodeData>;
  _edges: Map<string, EdgeData>;
  _directedSize: number;
  _directedSelfLoopCount: number;
  NodeDataClass: new (key: string, attributes: Attributes) => NodeData;
}

/**
 * graphology does not export its edge record class; one edge added to a scratch
 * graph shows it. Null if its shape is not the one EntityGraph knows (then the
 * public method is used).
 */
const EDGE_DATA: EdgeDataClass | null = (() => {
  const g = new MultiDirectedGraph();
  g.addNode("a");
  g.addDirectedEdgeWithKey("e", "a", "a");
  const data = (g as unknown as Internals)._edges.get("e") as unknown as Record<string, unknown> | undefined;
  const known =
    data !== undefined &&
    typeof data.attachMulti === "function" &&
    typeof (g as unknown as Internals)._directedSize === "number" &&
    typeof (g as unknown as Internals)._directedSelfLoopCount === "number";
  return known ? (data.constructor as EdgeDataClass) : null;
})();

/**
 * The adjacency of a side with no neighbour yet, shared by every node created by
 * addEntityNode(): read like graphology's own empty {}, frozen so that a write that
 * did not go through addRelationEdge() (which gives the side its own dictionary
 * first) fails loudly. Most nodes never get a neighbour on one of their sides; a {}
 * each was ~56 bytes, and those that do get one had it copied by the garbage
 * collector before replacing it.
 */
const NO_NEIGHBOURS: Adjacency = Object.freeze({});

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

  private get internals(): Internals {
    return this as unknown as Internals;
  }

  /** A node's attributes, or undefined when there is no such node (one lookup). */
  nodeAttributesOf(id: string): N | undefined {
    return this.internals._nodes.get(id)?.attributes as N | undefined;
  }

  /** A relationship's attributes, or undefined when there is no such edge (one lookup). */
  edgeAttributesOf(key: string): E | undefined {
    return this.internals._edges.get(key)?.attributes as E | undefined;
  }

  /** addNode() for an id known to be new (nodeAttributesOf() said so), when nothing listens. */
  addEntityNode(id: string, attributes: N): void {
    const g = this.internals;
    if (this.listenerCount("nodeAdded") > 0) {
      this.addNode(id, attributes);
      return;
    }
    const data = new g.NodeDataClass(id, attributes);
    data.in = NO_NEIGHBOURS;
    data.out = NO_NEIGHBOURS;
    g._nodes.set(id, data);
  }

  /**
   * addDirectedEdgeWithKey(), the two ends' adjacency switched to dictionary mode
   * first. `isNew`: the caller has just looked the key up (edgeAttributesOf()), so
   * graphology's own steps are taken without its checks, and without its event when
   * nothing listens.
   */
  addRelationEdge(key: string, source: string, target: string, attributes: E, isNew = false): void {
    const g = this.internals;
    const s = g._nodes.get(source);
    const t = g._nodes.get(target);
    if (s && Object.getPrototypeOf(s.out) !== null) s.out = dictionary(s.out);
    if (t && Object.getPrototypeOf(t.in) !== null) t.in = dictionary(t.in);
    if (!isNew || !s || !t || EDGE_DATA === null || this.listenerCount("edgeAdded") > 0) {
      this.addDirectedEdgeWithKey(key, source, target, attributes);
      return;
    }
    const data = new EDGE_DATA(false, key, s, t, attributes);
    g._edges.set(key, data);
    s.outDegree++;
    t.inDegree++;
    if (s === t) {
      s.directedLoops++;
      g._directedSelfLoopCount++;
    }
    data.attachMulti();
    g._directedSize++;
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
