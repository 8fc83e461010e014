// Every query in cypher/queries/ (the same ones the Browser guide offers) runs on the
// corpus and the sample pages of examples/ (what `npm start` loads) in Neo4j and returns rows; the managed server publishes the style
// and the guide built from them.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { ingestPaths } from "../../src/app/ingest.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { readQueryFiles } from "../../src/neo4j/guide.js";
import { cypherDir, examplesDir, projectRoot } from "../../src/paths.js";
import { cleanDatabase, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";

const corpusDir = path.join(projectRoot, "..", "shared", "corpus");
const queries = readQueryFiles(path.join(cypherDir, "queries"));

describe("cypher/queries on the loaded corpus", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = openTestDriver();
    await cleanDatabase(driver);
    const store = new Neo4jGraphStore(neo4jTestConfig());
    await store.open();
    try {
      const result = await ingestPaths(store, [corpusDir, examplesDir]);
      expect(result.failures).toEqual([]);
    } finally {
      await store.close();
    }
  });
  afterAll(() => driver.close());

  it("has the questions analysts ask", () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const q of queries) expect(q.title.length).toBeGreaterThan(5);
  });

  it.each(queries.map((q) => [q.file, q] as const))("%s returns rows", async (_file, q) => {
    const { records } = await driver.executeQuery(q.query);
    expect(records.length).toBeGreaterThan(0);
  });
});
