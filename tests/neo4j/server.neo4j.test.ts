// The managed Neo4j, end to end: the driver writes and reads through Bolt, the
// clean-database helper resets it, and the manager's life-cycle rules hold.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { cleanDatabase, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";
import { instancePaths, neo4jStatus, startNeo4j, stopNeo4j } from "../../src/neo4j/index.js";
import { UserError } from "../../src/cli/errors.js";
import { readQueryFiles } from "../../src/neo4j/guide.js";
import { cypherDir } from "../../src/paths.js";

describe("Neo4j through neo4j-driver", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = openTestDriver();
  });
  beforeEach(() => cleanDatabase(driver));
  afterAll(() => driver.close());

  it("answers as a Neo4j 5 server", async () => {
    const info = await driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\./);
  });

  it("writes a batch with UNWIND + MERGE and reads it back, idempotently", async () => {
    await driver.executeQuery(
      "CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (a:Agency) REQUIRE a.id IS UNIQUE",
    );
    const rows = [
      { id: "agency:工业和信息化部", name: "工业和信息化部" },
      { id: "agency:国家发展和改革委员会", name: "国家发展和改革委员会" },
    ];
    const write = () =>
      driver.executeQuery("UNWIND $rows AS row MERGE (a:Agency {id: row.id}) SET a.name = row.name", {
        rows,
      });
    await write();
    await write();
    await driver.executeQuery(
      "MATCH (a:Agency {id: $a}), (b:Agency {id: $b}) MERGE (a)-[:CO_ISSUED_WITH]->(b)",
      { a: rows[0]!.id, b: rows[1]!.id },
    );
    const { records } = await driver.executeQuery(
      "MATCH (a:Agency) OPTIONAL MATCH (a)-[r:CO_ISSUED_WITH]->(b) RETURN a.name AS name, b.name AS partner ORDER BY name",
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { name: "国家发展和改革委员会", partner: null },
      { name: "工业和信息化部", partner: "国家发展和改革委员会" },
    ]);
  });

  it("cleanDatabase removes data and schema, leaving the built-in lookup indexes", async () => {
    await driver.executeQuery("CREATE CONSTRAINT zone_id IF NOT EXISTS FOR (z:Zone) REQUIRE z.id IS UNIQUE");
    await driver.executeQuery("CREATE INDEX zone_name IF NOT EXISTS FOR (z:Zone) ON (z.name)");
    await driver.executeQuery("UNWIND range(1, 2500) AS i CREATE (:Zone {id: i})-[:NEAR]->(:Zone)");
    await cleanDatabase(driver);
    const count = await driver.executeQuery("MATCH (n) RETURN count(n) AS n");
    expect(Number(count.records[0]!.get("n"))).toBe(0);
    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
    expect(constraints.records).toHaveLength(0);
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD type RETURN DISTINCT type");
    expect(indexes.records.map((r) => r.get("type"))).toEqual(["LOOKUP"]);
  });

  it("keepSchema keeps constraints", async () => {
    await driver.executeQuery(
      "CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (p:Policy) REQUIRE p.id IS UNIQUE",
    );
    await driver.executeQuery("CREATE (:Policy {id: 'p1'})");
    await cleanDatabase(driver, { keepSchema: true });
    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
    expect(constraints.records.map((r) => r.get("name"))).toEqual(["policy_id"]);
    const count = await driver.executeQuery("MATCH (n) RETURN count(n) AS n");
    expect(Number(count.records[0]!.get("n"))).toBe(0);
  });
});

describe("the managed server's life cycle", () => {
  // With NEO4J_URI set the harness did not start the test instance; start it here then.
  let startedHere = false;
  beforeAll(async () => {
    startedHere = !(await startNeo4j({ instance: "test" })).alreadyRunning;
  });
  afterAll(async () => {
    if (startedHere) await stopNeo4j({ instance: "test" });
  });

  it("starting a running instance says it is already running, with the same pid and URI", async () => {
    const before = await neo4jStatus({ instance: "test" });
    const again = await startNeo4j({ instance: "test" });
    expect(again.alreadyRunning).toBe(true);
    expect(again.pid).toBe(before.pid);
    expect(again.uri).toBe(before.uri);
    if (!process.env.NEO4J_URI) expect(again.uri).toBe(neo4jTestConfig().uri);
  });

  it("status reports running, the Bolt URI, the pid and a Bolt handshake", async () => {
    const status = await neo4jStatus({ instance: "test" });
    expect(status.running).toBe(true);
    expect(status.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(status.pid).toBeGreaterThan(0);
    expect(status.boltAnswering).toBe(true);
    expect(status.browserUrl).toMatch(/\/browser\/$/);
  });

  it("serves Neo4j Browser over HTTP", async () => {
    const status = await neo4jStatus({ instance: "test" });
    const response = await fetch(status.browserUrl!);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Neo4j Browser</title>");
  });
  it("publishes PolicyGraph's style and the guide built from cypher/queries", async () => {
    const status = await neo4jStatus({ instance: "test" });
    const style = await fetch(`${status.httpUrl}/browser/policygraph/style.grass`);
    expect(style.status).toBe(200);
    expect(await style.text()).toContain("node.Agency {");
    const guide = await (await fetch(`${status.httpUrl}/browser/policygraph/guide.html`)).text();
    for (const q of readQueryFiles(path.join(cypherDir, "queries"))) expect(guide).toContain(q.title);
  });
});

describe("the manager on an instance that is not running", () => {
  const instance = "scratch-lifecycle";

  it("status says stopped", async () => {
    const status = await neo4jStatus({ instance });
    expect(status.running).toBe(false);
    expect(status.pid).toBeUndefined();
  });

  it("a busy port is a one-line user error naming the port, and nothing is launched", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startNeo4j({ instance, boltPort: busy, httpPort: busy === 65535 ? 65534 : busy + 1 });
      await expect(attempt).rejects.toThrow(UserError);
      await expect(attempt).rejects.toThrow(`127.0.0.1:${busy} is already in use`);
      await expect(attempt).rejects.not.toThrow(/\n/);
      expect((await neo4jStatus({ instance })).running).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("stop never signals a process that is not this instance's Neo4j, even if a stale pid file names it", async () => {
    const bystander = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const paths = instancePaths(instance);
      mkdirSync(paths.run, { recursive: true });
      writeFileSync(paths.pidFile, `${bystander.pid}\n`);
      const result = await stopNeo4j({ instance });
      expect(result.wasRunning).toBe(false);
      expect(bystander.exitCode).toBeNull();
      expect(() => process.kill(bystander.pid!, 0)).not.toThrow();
    } finally {
      bystander.kill();
    }
  });
});
