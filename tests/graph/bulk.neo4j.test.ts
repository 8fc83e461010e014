// The bulk load (neo4j-admin import) leaves the database that the Cypher loader
// leaves for the same extraction: every node's labels and properties (with their
// Neo4j types), every relationship's type, ends and properties. It stops and starts
// the server, so it runs on a managed instance of its own (bulk-test).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPages } from "../../src/extract/pipeline.js";
import { bulkLoadNeo4j } from "../../src/graph/neo4j/bulk/import.js";
import type { BulkFiles } from "../../src/graph/neo4j/bulk/rows.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { wipeNeo4j } from "../../src/graph/neo4j/wipe.js";
import { syntheticExtraction } from "../../src/graph/synthetic.js";
import { instancePaths, startNeo4j, stopNeo4j } from "../../src/neo4j/index.js";
import { projectRoot } from "../../src/paths.js";
import type { Neo4jConnection } from "../../src/neo4j/index.js";
import type { Extraction } from "../../src/types.js";

const START = { instance: "bulk-test", boltPort: 57687, httpPort: 57474, heap: "1g", pagecache: "512m" };
const corpus = path.join(projectRoot, "..", "shared", "corpus");

/** A corpus page's extraction plus synthetic documents past one ingest chunk (20,000 relations), with awkward values. */
function testExtraction(): Extraction {
  // Any real page will do: the first of the sample corpus.
  const page = path.join(
    corpus,
    readdirSync(corpus)
      .filter((f) => f.endsWith(".txt"))
      .sort()[0]!,
  );
  const real = extractPages([{ source: page, name: path.basename(page), text: readFileSync(page, "utf8") }]);
  const synthetic = syntheticExtraction({ documents: 2_100, relationsPerDocument: 10, seed: 5, pool: 300 });
  const awkward = ['引号"内"，逗号,分号;', "换行\n第二行\r\n第三行", "", " 前后空格 "];
  synthetic.documents[0]!.text = `正文，含"引号"、逗号,\n和换行。`;
  synthetic.documents[1]!.byline = '记者 "某某"';
  synthetic.entities.forEach((e, i) => {
    if (i % 7 === 0) e.aliases = [`${e.name}简称`, awkward[i % awkward.length]!];
    if (i % 11 === 0)
      e.properties = {
        score: i / 3,
        count: i,
        listed: i % 2 === 0,
        tags: [awkward[0]!, "二"],
        nums: [1, 2.5],
        mixed: [1, "a"],
        none: [null],
        blank: [""],
        note: awkward[i % awkward.length]!,
      };
  });
  synthetic.relations.forEach((r, i) => {
    if (i % 13 === 0) r.properties = { ...r.properties, amount: i * 1.5, source_note: awkward[1]! };
    // Evidence in two documents far apart: the relation spans the loader's chunks.
    if (i % 997 === 0)
      r.evidence = [...r.evidence!, { ...r.evidence![0]!, documentId: synthetic.documents[5]!.id }];
  });
  return {
    documents: [...real.documents, ...synthetic.documents],
    entities: [...real.entities, ...synthetic.entities],
    relations: [...real.relations, ...synthetic.relations],
  };
}

type Row = Record<string, unknown>;

/** Every node and relationship with typed properties, as sorted JSON lines. */
async function dump(driver: Driver): Promise<{ nodes: string[]; relationships: string[] }> {
  const props = (x: string) => `[k IN keys(${x}) | [k, valueType(${x}[k]), ${x}[k]]]`;
  const sortProps = (p: unknown) => (p as [string][]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const nodes = (
    await driver.executeQuery(`MATCH (n) RETURN labels(n) AS labels, ${props("n")} AS props`)
  ).records
    .map((r) => JSON.stringify([(r.get("labels") as string[]).sort(), sortProps(r.get("props"))]))
    .sort();
  const relationships = (
    await driver.executeQuery(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, ${props("r")} AS props`,
    )
  ).records
    .map((r) => JSON.stringify([r.get("type"), r.get("a"), r.get("b"), sortProps(r.get("props"))]))
    .sort();
  return { nodes, relationships };
}

/** What the store's reads say about the graph. */
async function reads(store: Neo4jGraphStore): Promise<Row> {
  const all = await store.exportAll();
  const key = (x: unknown) => JSON.stringify(x);
  return {
    stats: await store.stats(),
    entities: all.entities.map(key).sort(),
    relations: all.relations.map(key).sort(),
    documents: all.documents.map(key).sort(),
    announcements: await store.announcements({}, { limit: 50, offset: 0 }),
    zoneIndustries: await store.zoneIndustries({}, { limit: 50, offset: 0 }),
    search: await store.search("高新", undefined, { limit: 20, offset: 0 }),
  };
}

describe("bulk load (neo4j-admin import)", () => {
  let conn: Neo4jConnection;
  let driver: Driver;
  const extraction = testExtraction();
  const open = async () => {
    const store = new Neo4jGraphStore({ ...conn });
    await store.open();
    return store;
  };

  beforeAll(async () => {
    conn = await startNeo4j(START);
    driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      disableLosslessIntegers: true,
    });
    await wipeNeo4j(driver);
  });
  afterAll(async () => {
    await driver?.close();
    await stopNeo4j({ instance: START.instance });
  });

  it(
    "writes the database the Cypher loader writes, and the store reads the same from both",
    { timeout: 400_000 },
    async () => {
      const result = await bulkLoadNeo4j(extraction, { start: START });
      expect(result.files.summary.documents.added).toBe(extraction.documents.length);
      // The server was restarted: a new driver for the new process.
      await driver.close();
      driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
        disableLosslessIntegers: true,
      });
      const bulk = await dump(driver);
      let store = await open();
      const bulkReads = await reads(store);
      await store.close();

      await wipeNeo4j(driver);
      store = await open();
      await store.ingest(extraction);
      const cypher = await dump(driver);
      const cypherReads = await reads(store);
      await store.close();

      expect(bulk.nodes.length).toBe(cypher.nodes.length);
      expect(bulk.relationships.length).toBe(cypher.relationships.length);
      expect(bulk.nodes).toEqual(cypher.nodes);
      expect(bulk.relationships).toEqual(cypher.relationships);
      expect(bulkReads).toEqual(cypherReads);
      // The awkward values made it through as values, not as CSV syntax.
      expect(cypher.nodes.some((n) => n.includes('引号\\"内\\"，逗号,分号;'))).toBe(true);
      expect(cypher.nodes.some((n) => n.includes("LIST<NOTHING>"))).toBe(true);
    },
  );

  it("leaves the previous database in place when the import fails", { timeout: 300_000 }, async () => {
    const before = await dump(driver);
    const damage = async (files: BulkFiles) =>
      appendFile(files.relationships.at(-1)!.file, `"no such entity","nor this one","ISSUED"\n`);
    await expect(
      bulkLoadNeo4j(extraction, { start: START, replace: true, afterCsv: damage }),
    ).rejects.toThrow(/neo4j-admin import failed.*previous database is unchanged/);
    await driver.close();
    driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      disableLosslessIntegers: true,
    });
    expect(await dump(driver)).toEqual(before);
    expect(existsSync(path.join(instancePaths(START.instance).home, "bulk-previous"))).toBe(false);
    expect(existsSync(path.join(instancePaths(START.instance).data, "databases", "pgbulk"))).toBe(false);
  });

  it("refuses a database that holds data unless asked to replace it", async () => {
    // The database holds the Cypher loader's graph now.
    await expect(bulkLoadNeo4j(extraction, { start: START })).rejects.toThrow(
      /holds \d+ node\(s\).*--replace/,
    );
  });
});
