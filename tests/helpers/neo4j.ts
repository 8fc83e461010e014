// Helpers for Neo4j integration suites (files named *.neo4j.test.ts; see vitest.config.ts).
// The connection comes from tests/setup/neo4j-global.ts through vitest's provide/inject.
//
//   const driver = openTestDriver();
//   beforeEach(() => cleanDatabase(driver));
//   afterAll(() => driver.close());
import neo4j from "neo4j-driver";
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { ingestPaths } from "../../src/app/ingest.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { wipeNeo4j } from "../../src/graph/neo4j/wipe.js";
import { examplesDir, sharedCorpusDir } from "../../src/paths.js";

export interface Neo4jTestConnection {
  uri: string;
  user: string;
  password: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jTestConnection;
  }
}

/** The server the run uses: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD if set, else the managed test instance. */
export function neo4jTestConfig(): Neo4jTestConnection {
  const connection = inject("neo4j");
  if (!connection) {
    throw new Error(
      "no Neo4j connection was provided: name the file *.neo4j.test.ts so the neo4j project's global setup runs",
    );
  }
  return connection;
}

/** A driver for the test server; close it in afterAll. */
export function openTestDriver(): Driver {
  const { uri, user, password } = neo4jTestConfig();
  return neo4j.driver(uri, neo4j.auth.basic(user, password));
}

export interface CleanOptions {
  /** Keep constraints and indexes (faster when a suite creates its schema once in beforeAll). */
  keepSchema?: boolean;
}

/**
 * Make the database look freshly created: every node and relationship deleted and,
 * unless keepSchema, every constraint and index dropped (Neo4j's built-in token
 * lookup indexes stay, as in a new database). Deletes in batches so that a large
 * graph does not need one huge transaction.
 */
export async function cleanDatabase(driver: Driver, options: CleanOptions = {}): Promise<void> {
  await wipeNeo4j(driver);
  if (options.keepSchema) return;
  const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
  for (const record of constraints.records) {
    await driver.executeQuery(`DROP CONSTRAINT ${quoteName(record.get("name") as string)} IF EXISTS`);
  }
  const indexes = await driver.executeQuery(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  );
  for (const record of indexes.records) {
    await driver.executeQuery(`DROP INDEX ${quoteName(record.get("name") as string)} IF EXISTS`);
  }
}

/** Schema names cannot be parameters; backtick-quote them (names come from SHOW, not from users). */
function quoteName(name: string): string {
  return "`" + name.replaceAll("`", "``") + "`";
}

/**
 * Empty the database and load the sample pages (../shared/corpus and examples/)
 * through the real pipeline and Neo4j store: the graph the guide queries and the
 * Browser tests explore.
 */
export async function loadSampleGraph(driver: Driver): Promise<void> {
  await cleanDatabase(driver);
  const store = new Neo4jGraphStore(neo4jTestConfig());
  await store.open();
  try {
    const result = await ingestPaths(store, [sharedCorpusDir, examplesDir]);
    if (result.failures.length > 0)
      throw new Error(`sample pages failed to load: ${result.failures.map((f) => f.message).join("; ")}`);
  } finally {
    await store.close();
  }
}
