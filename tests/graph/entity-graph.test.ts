import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { EntityGraph } from "../../src/graph/memory/graph.js";

type Op = { add: [number, number, number] } | { dropEdge: number } | { dropNode: number };

const ids = ["Zone:a", "Industry:b", "Agency:c", "Person:d", "Region:e", "Zone:f"];
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ add: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(2)) }) },
  { weight: 1, arbitrary: fc.record({ dropEdge: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ dropNode: fc.nat(5) }) },
);

/** Everything the store reads off a graph, in a comparable form. */
function view(g: MultiDirectedGraph) {
  const nodes = g.nodes().sort();
  const pairs = nodes.flatMap((a) =>
    nodes.map((b) => [a, b, g.hasEdge(a, b), g.hasDirectedEdge(a, b), g.edges(a, b).sort()]),
  );
  return {
    nodes,
    edges: g.edges().sort(),
    pairs,
    around: nodes.map((n) => [
      g.outEdges(n).sort(),
      g.inEdges(n).sort(),
      g.neighbors(n).sort(),
      g.degree(n),
      g.hasEdge(`x|${n}`),
    ]),
  };
}

describe("EntityGraph (dictionary-mode neighbour objects)", () => {
  it("answers every read exactly as graphology's MultiDirectedGraph after any adds and drops", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const plain = new MultiDirectedGraph({ allowSelfLoops: true });
        const ours = new EntityGraph();
        // Built the way ingestion builds it: nodes and edges known to be new added
        // without graphology's checks, sides without neighbours sharing one empty object.
        const fast = new EntityGraph();
        for (const g of [plain, ours]) for (const id of ids) g.addNode(id);
        for (const id of ids) fast.addEntityNode(id, { id });
        const added: string[] = [];
        for (const o of ops) {
          if ("add" in o) {
            const [s, t, type] = o.add;
            const key = `${type}|${ids[s]}|${ids[t]}`;
            if (!plain.hasNode(ids[s]!) || !plain.hasNode(ids[t]!) || plain.hasEdge(key)) continue;
            plain.addDirectedEdgeWithKey(key, ids[s]!, ids[t]!);
            ours.addRelationEdge(key, ids[s]!, ids[t]!, {});
            expect(fast.edgeAttributesOf(key)).toBeUndefined();
            fast.addRelationEdge(key, ids[s]!, ids[t]!, { key }, true);
            added.push(key);
          } else if ("dropEdge" in o) {
            const key = added[o.dropEdge % Math.max(1, added.length)];
            if (key === undefined || !plain.hasEdge(key)) continue;
            plain.dropEdge(key);
            ours.dropEdge(key);
            fast.dropEdge(key);
          } else {
            const id = ids[o.dropNode]!;
            if (!plain.hasNode(id)) continue;
            plain.dropNode(id);
            ours.dropNode(id);
            fast.dropNode(id);
          }
        }
        expect(view(ours)).toEqual(view(plain));
        expect(view(fast)).toEqual(view(plain));
        expect([fast.order, fast.size, fast.selfLoopCount]).toEqual([
          plain.order,
          plain.size,
          plain.selfLoopCount,
        ]);
        for (const key of plain.edges()) expect(fast.edgeAttributesOf(key)).toEqual({ key });
        for (const id of plain.nodes()) expect(fast.nodeAttributesOf(id)).toEqual({ id });
        expect(fast.nodeAttributesOf("Zone:none")).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("answers two-argument hasEdge for nodes it does not hold", () => {
    const g = new EntityGraph();
    g.addNode("a");
    g.addNode("b");
    g.addRelationEdge("k", "a", "b", {});
    expect([g.hasEdge("a", "b"), g.hasEdge("b", "a"), g.hasEdge("a", "zz"), g.hasEdge("zz", "a")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
