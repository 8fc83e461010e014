// The same query suite on Neo4j, and the answers of both stores compared: the
// API must answer identically whichever store is behind it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import type { GraphStore } from "../../src/graph/store.js";
import { startHttpServer } from "../../src/api/http.js";
import { cleanDatabase, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";
import { countingStore, data, loadFixture, openFixtureStore, run } from "./helpers.js";
import { PAGINATED_FIELDS, QUERY_CASES, walkPages } from "./suite.js";

let driver: Driver;
let neo: Neo4jGraphStore;
let memory: GraphStore;
beforeAll(async () => {
  driver = openTestDriver();
  await cleanDatabase(driver, { keepSchema: true });
  neo = new Neo4jGraphStore(neo4jTestConfig());
  await neo.open();
  await neo.ingest(loadFixture());
  await neo.computeAnalytics();
  memory = await openFixtureStore();
});
afterAll(async () => {
  await neo?.close();
  await driver?.close();
});

describe("query suite (Neo4j)", () => {
  for (const c of QUERY_CASES) {
    it(c.name, async () => {
      const answer = await data(neo, c.query, c.variables);
      c.check(answer);
      expect(answer).toEqual(await data(memory, c.query, c.variables));
    });
  }

  for (const field of PAGINATED_FIELDS) {
    it(`${field.name} pages walk the same items in the same order as the embedded store`, async () => {
      const keys = await walkPages((q, v) => data(neo, q, v), field);
      expect(keys).toEqual(await walkPages((q, v) => data(memory, q, v), field));
    });
  }

  it("analytics are there", async () => {
    const { entity } = await data<{ entity: { degree: number; pagerank: number; community: number } }>(
      neo,
      `{ entity(name: "人工智能") { degree pagerank community } }`,
    );
    expect(entity.degree).toBe(5);
    expect(entity.pagerank).toBeGreaterThan(0);
    expect(Number.isInteger(entity.community)).toBe(true);
  });

  it("batches store calls as on the embedded store", async () => {
    const ids = (await memory.exportAll()).entities.map((e) => e.id);
    const { store, calls } = countingStore(neo);
    const result = await run(
      store,
      `query($ids: [ID!]!) { entities(ids: $ids) { relations { edges { node { name } evidence { title } } } } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ getEntities: 1, neighbourPages: 1, getDocuments: 1 });
  });

  it("/health reports the Neo4j store", async () => {
    const server = await startHttpServer({ store: neo, port: 0, log: () => {} });
    try {
      const health = (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: "ok", store: "neo4j", entities: 16, documents: 4 });
    } finally {
      await server.close();
    }
  });
});
