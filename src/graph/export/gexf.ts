// GEXF for Gephi through graphology-gexf: the export becomes a graphology graph
// with flat, typed attributes (Gephi cannot show lists or objects).
import { MultiDirectedGraph } from "graphology";
import { write } from "graphology-gexf";
import { relationKey } from "../../ids.js";
import type { Extraction } from "../../types.js";
import type { NodeExtras } from "./graphml.js";

export function toGraph(
  extraction: Extraction,
  extras: Map<string, NodeExtras> = new Map(),
): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const e of extraction.entities) {
    const x = extras.get(e.id) ?? {};
    graph.addNode(e.id, {
      label: e.name,
      kind: e.label,
      aliases: e.aliases.join("|"),
      documentCount: x.documentCount ?? 0,
      degree: x.degree ?? 0,
      pagerank: x.pagerank ?? 0,
      community: x.community ?? -1,
    });
  }
  for (const r of extraction.relations) {
    if (!graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    graph.addDirectedEdgeWithKey(relationKey(r.type, r.source, r.target), r.source, r.target, {
      label: r.type,
      weight: Math.max(1, r.evidence.length),
      evidence: r.evidence[0]?.sentence ?? "",
    });
  }
  return graph;
}

export function writeGexf(extraction: Extraction, extras?: Map<string, NodeExtras>): string {
  // graphology-gexf takes the `label` attribute as each node's and edge's label.
  return write(toGraph(extraction, extras));
}
