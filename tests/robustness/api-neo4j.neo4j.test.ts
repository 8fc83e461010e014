// The API's Neo4j side under abuse: serve reads only in read transactions, a
// query that outlives the request timeout is terminated on the server (not just
// abandoned by the client), and Neo4j credentials appear in no message and no
// log line, whether the password is wrong or right.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/graph/open.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { projectRoot } from "../../src/paths.js";
import { cleanDatabase, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";

type Reader = { read(query: string, params?: Record<string, unknown>): Promise<unknown[]> };
const SLOW = "UNWIND range(1, 400000000) AS x WITH x WHERE x = -1 RETURN count(*) AS n";

let driver: Driver;
beforeAll(async () => {
  driver = openTestDriver();
  await cleanDatabase(driver);
});
afterAll(() => driver.close());

describe("serve's reads", () => {
  it("run in read transactions: a write through the read path is refused", async () => {
    const store = new Neo4jGraphStore(neo4jTestConfig());
    await store.open();
    try {
      await expect((store as unknown as Reader).read("CREATE (n:Intruder) RETURN n")).rejects.toThrow(
        /read access mode|not allowed/i,
      );
      const { records } = await driver.executeQuery("MATCH (n:Intruder) RETURN count(n) AS n");
      expect(Number(records[0]!.get("n"))).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("a read over the timeout is terminated by Neo4j, leaving no transaction running", async () => {
    const store = new Neo4jGraphStore({ ...neo4jTestConfig(), readTimeoutMs: 500 });
    await store.open();
    try {
      const started = performance.now();
      await expect((store as unknown as Reader).read(SLOW)).rejects.toThrow(/timed? ?out|terminated/i);
      expect(performance.now() - started).toBeLessThan(15_000);
      const running = await driver.executeQuery(
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 400000000)' RETURN count(*) AS n",
      );
      expect(Number(running.records[0]!.get("n"))).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe("Neo4j credentials", () => {
  const SECRET = "wrong-Secret-1234567";

  it("a wrong password gives one line without the password", async () => {
    const saved = { user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD };
    process.env.NEO4J_PASSWORD = SECRET;
    process.env.NEO4J_USER = neo4jTestConfig().user;
    try {
      const err = await openStore({ neo4j: neo4jTestConfig().uri }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).not.toBeNull();
      expect(err!.message).toMatch(/authentication failed/);
      expect(err!.message).not.toContain(SECRET);
      expect(err!.message).not.toContain("\n");
    } finally {
      for (const [k, v] of Object.entries({ NEO4J_USER: saved.user, NEO4J_PASSWORD: saved.password }))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  function serve(password: string): Promise<{ code: number | null; output: string; url?: string }> {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(projectRoot, "src/cli/main.ts"),
        "serve",
        "--neo4j",
        neo4jTestConfig().uri,
        "--port",
        "0",
      ],
      {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_USER: neo4jTestConfig().user, NEO4J_PASSWORD: password },
      },
    );
    let output = "";
    const collect = (d: Buffer) => (output += d.toString());
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    return new Promise((resolve) => {
      let url: string | undefined;
      child.stdout.on("data", async () => {
        const match = /(http:\/\/[\d.]+:\d+)\/graphql/.exec(output);
        if (!match || url) return;
        url = match[1]!;
        // A query, a bad query and a health check: none may echo the credentials.
        for (const query of ["{ stats { documents } }", "{ entity(id: 1) { name } }"])
          await fetch(`${url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query }),
          }).then((r) => r.text().then((t) => (output += t)));
        output += await (await fetch(`${url}/health`)).text();
        child.kill("SIGTERM");
      });
      child.once("exit", (code) => resolve({ code, output, ...(url ? { url } : {}) }));
    });
  }

  it("serve with a wrong password exits with one line and never prints it", async () => {
    const { code, output } = await serve(SECRET);
    expect(code).not.toBe(0);
    expect(output).toMatch(/authentication failed/);
    expect(output).not.toContain(SECRET);
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("serve with the right password prints and returns it nowhere", async () => {
    const { password } = neo4jTestConfig();
    const { output, url } = await serve(password);
    expect(url).toBeDefined();
    expect(output).toContain('"status":"ok"');
    expect(output).not.toContain(password);
  }, 60_000);
});
