import { afterAll, beforeAll } from "vitest";
import type { Driver } from "neo4j-driver";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { cleanDatabase, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";
import { describeGraphStore } from "./store.contract.js";

let driver: Driver;
beforeAll(() => {
  driver = openTestDriver();
});
afterAll(async () => {
  await driver.close();
});

// Each store the contract asks for starts from an empty database (schema kept: open() re-applies it anyway).
describeGraphStore("neo4j", async () => {
  await cleanDatabase(driver, { keepSchema: true });
  const store = new Neo4jGraphStore(neo4jTestConfig());
  await store.open();
  return store;
});
