// Centrality and clusters for both stores, computed with the graphology family on
// a simple projection of the entity graph (parallel relations become one weighted
// edge): degree counts every relation, PageRank follows relation direction, and
// Louvain sees the graph undirected. A seeded random source makes communities
// reproducible, so the same graph always gets the same colouring.
import { DirectedGraph, UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";

// Both packages are CommonJS whose module.exports is the function; their .d.ts
// declare it as `export default`, which NodeNext types as the namespace.
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface NodeAnalytics {
  degree: number;
  pagerank: number;
  community: number;
}

/** mulberry32: a tiny deterministic PRNG for Louvain's node order. */
export function seededRandom(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function computeGraphAnalytics(
  nodes: Iterable<string>,
  edges: Iterable<readonly [source: string, target: string]>,
): Map<string, NodeAnalytics> {
  const directed = new DirectedGraph<Record<string, never>, { weight: number }>();
  const undirected = new UndirectedGraph<Record<string, never>, { weight: number }>();
  const degree = new Map<string, number>();
  for (const node of nodes) {
    directed.mergeNode(node);
    undirected.mergeNode(node);
    degree.set(node, 0);
  }
  for (const [source, target] of edges) {
    if (!directed.hasNode(source) || !directed.hasNode(target)) continue;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
    if (source === target) continue;
    directed.updateEdge(source, target, (a) => ({ weight: (a.weight ?? 0) + 1 }));
    undirected.updateEdge(source, target, (a) => ({ weight: (a.weight ?? 0) + 1 }));
  }
  const ranks = directed.order > 0 ? pagerank(directed, { getEdgeWeight: "weight" }) : {};
  const communities =
    undirected.size > 0
      ? louvain(undirected, { getEdgeWeight: "weight", rng: seededRandom() })
      : ({} as Record<string, number>);
  // Isolated nodes are their own community; number them after Louvain's.
  let next = Math.max(-1, ...Object.values(communities)) + 1;
  const result = new Map<string, NodeAnalytics>();
  for (const [node, d] of degree) {
    result.set(node, { degree: d, pagerank: ranks[node] ?? 0, community: communities[node] ?? next++ });
  }
  return result;
}
