// The query suite on the embedded store, plus pagination over every connection.
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/graph/store.js";
import { data, openFixtureStore } from "./helpers.js";
import { PAGINATED_FIELDS, QUERY_CASES, walkPages } from "./suite.js";

let store: GraphStore;
beforeAll(async () => {
  store = await openFixtureStore();
});

describe("query suite (embedded store)", () => {
  for (const c of QUERY_CASES) {
    it(c.name, async () => {
      c.check(await data(store, c.query, c.variables));
    });
  }

  it("analytics are exposed on entities", async () => {
    const { entity } = await data<{ entity: { degree: number; pagerank: number; community: number } }>(
      store,
      `{ entity(name: "人工智能") { degree pagerank community } }`,
    );
    expect(entity.degree).toBe(5);
    expect(entity.pagerank).toBeGreaterThan(0);
    expect(Number.isInteger(entity.community)).toBe(true);
  });
});

describe("cursor pagination", () => {
  for (const field of PAGINATED_FIELDS) {
    it(`${field.name}: pages are disjoint and cover totalCount`, async () => {
      const keys = await walkPages((q, v) => data(store, q, v), field);
      expect(keys.length).toBeGreaterThan(2);
      expect(new Set(keys).size).toBe(keys.length);
    });
  }

  it("a page of first: 0 has no edges but the total", async () => {
    const d = await data<{
      search: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
    }>(store, `{ search(text: "区", first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`);
    expect(d.search.edges).toEqual([]);
    expect(d.search.totalCount).toBeGreaterThan(0);
    expect(d.search.pageInfo.hasNextPage).toBe(true);
  });

  it("a cursor past the end gives an empty page", async () => {
    const first = await data<{ search: { edges: { cursor: string }[] } }>(
      store,
      `{ search(text: "区", first: 100) { edges { cursor } } }`,
    );
    const last = first.search.edges.at(-1)!.cursor;
    const d = await data<{ search: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      store,
      `query($after: String) { search(text: "区", after: $after) { edges { cursor } pageInfo { hasNextPage } } }`,
      { after: last },
    );
    expect(d.search).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });
});
