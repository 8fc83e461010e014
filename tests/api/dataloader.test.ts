// Per-request DataLoader batching: a query for many entities with their
// relations, the other ends and the evidence documents makes a bounded number
// of store calls, however many entities it asks for.
import { beforeAll, describe, expect, it } from "vitest";
import { entityId } from "../../src/ids.js";
import type { EntityRecord, Extraction, RelationRecord } from "../../src/types.js";
import type { GraphStore } from "../../src/graph/store.js";
import { countingStore, openFixtureStore, run } from "./helpers.js";

/** `n` enterprises, each in one of 3 zones and focused on one of 4 industries, spread over 5 documents. */
export function enterpriseGraph(n: number): Extraction {
  const documents = Array.from({ length: 5 }, (_, i) => ({
    id: `dl_${i}.txt#0`,
    title: `第${i}篇`,
    date: `2024-0${i + 1}-10`,
    source: `dl_${i}.txt`,
  }));
  const entity = (label: EntityRecord["label"], name: string, doc: number): EntityRecord => ({
    id: entityId(label, name),
    label,
    name,
    aliases: [],
    properties: {},
    mentions: [{ documentId: documents[doc]!.id, start: 0, end: name.length, text: name }],
  });
  const zones = ["甲高新区", "乙经开区", "丙产业园"].map((z, i) => entity("Zone", z, i));
  const industries = ["集成电路", "人工智能", "新能源汽车", "生物医药"].map((x, i) =>
    entity("Industry", x, i),
  );
  const firms = Array.from({ length: n }, (_, i) =>
    entity("Enterprise", `测试企业${String(i).padStart(3, "0")}有限公司`, i % 5),
  );
  const relation = (
    type: RelationRecord["type"],
    source: string,
    target: string,
    i: number,
  ): RelationRecord => ({
    type,
    source,
    target,
    properties: {},
    evidence: [
      { documentId: documents[i % 5]!.id, sentence: `句子${i}。`, start: 0, end: 4, rule: "test.rule" },
    ],
  });
  const relations = firms.flatMap((f, i) => [
    relation("LOCATED_IN", f.id, zones[i % 3]!.id, i),
    relation("FOCUSES_ON", f.id, industries[i % 4]!.id, i),
  ]);
  return { documents, entities: [...zones, ...industries, ...firms], relations };
}

let base: GraphStore;
let ids: string[];
beforeAll(async () => {
  const graph = enterpriseGraph(150);
  base = await openFixtureStore(graph);
  ids = graph.entities.filter((e) => e.label === "Enterprise").map((e) => e.id);
});

const RELATIONS = `relations { totalCount edges { type node { id name relations(types: [LOCATED_IN]) { totalCount } }
  evidence { title date document { id } } relationship { source { name } target { name } } } }`;

describe("DataLoader batching", () => {
  it("50 entities with their relations, other ends and evidence: a handful of store calls", async () => {
    const { store, calls, total } = countingStore(base);
    const result = await run<{ entities: { relations: { edges: unknown[] } }[] }>(
      store,
      `query($ids: [ID!]!) { entities(ids: $ids) { id name ${RELATIONS} } }`,
      { ids: ids.slice(0, 50) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.entities).toHaveLength(50);
    expect(result.data!.entities.every((e) => e.relations.edges.length === 2)).toBe(true);
    // getEntities once; neighbourPages once per distinct relation query and page; documents once.
    expect(calls).toEqual({ getEntities: 1, neighbourPages: 2, getDocuments: 1 });
    expect(total()).toBe(4);
  });

  it("the number of store calls does not grow with the number of entities", async () => {
    const counts: number[] = [];
    for (const n of [5, 50, 100]) {
      const { store, total } = countingStore(base);
      const result = await run(store, `query($ids: [ID!]!) { entities(ids: $ids) { ${RELATIONS} } }`, {
        ids: ids.slice(0, n),
      });
      expect(result.errors).toBeUndefined();
      counts.push(total());
    }
    expect(new Set(counts).size).toBe(1);
  });

  it("a search page with relations is batched too", async () => {
    const { store, calls } = countingStore(base);
    const result = await run(
      store,
      `{ search(text: "测试企业", first: 50) { edges { node { ${RELATIONS} } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(calls.search).toBe(1);
    expect(calls.neighbourPages).toBe(2);
    expect(calls.getDocuments).toBe(1);
    expect(calls.getEntities ?? 0).toBeLessThanOrEqual(1);
  });

  it("loaders live for one request only", async () => {
    const { store, calls } = countingStore(base);
    for (let i = 0; i < 2; i++) await run(store, `{ entity(id: "${ids[0]}") { name } }`);
    expect(calls.getEntities).toBe(2);
  });
});

describe("first is capped", () => {
  it("at 100 edges, with the rest reachable by cursor", async () => {
    const result = await run<{
      search: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    }>(
      base,
      `{ search(text: "测试企业", first: 1000) { totalCount edges { cursor } pageInfo { hasNextPage } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.totalCount).toBe(150);
    expect(result.data!.search.edges).toHaveLength(100);
    expect(result.data!.search.pageInfo.hasNextPage).toBe(true);
  });
});
