// Every query in cypher/queries/ (the same ones the Browser guide offers) runs on the
// corpus and the sample pages of examples/ (what `npm start` loads) in Neo4j and returns rows; the managed server publishes the style
// and the guide built from them.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { readQueryFiles } from "../../src/neo4j/guide.js";
import { cypherDir } from "../../src/paths.js";
import { loadSampleGraph, openTestDriver } from "../helpers/neo4j.js";

const queries = readQueryFiles(path.join(cypherDir, "queries"));

describe("cypher/queries on the loaded corpus", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = openTestDriver();
    await loadSampleGraph(driver);
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
