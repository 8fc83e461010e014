// Neo4j going away in the middle of an ingest, for real: a separate managed
// instance (.neo4j/fault, its own ports and home, so the shared test server and
// the other suites never notice) is stopped while files are being ingested.
//   - Down for longer than the retry window: the ingest names the documents not
//     written and does not try the remaining files; after a restart the same
//     ingest completes the graph: equal to a clean ingest, nothing duplicated.
//   - Unreachable for less than the retry window (a TCP proxy in front of Bolt
//     drops every connection and refuses new ones for a few seconds; cheaper than
//     a second JVM restart): the driver's retries with backoff carry the ingest
//     through, with no failure at all.
import { cp, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/app/ingest.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import type { GraphStore } from "../../src/graph/store.js";
import { startNeo4j, stopNeo4j } from "../../src/neo4j/index.js";
import type { Neo4jConnection } from "../../src/neo4j/index.js";
import { projectRoot } from "../../src/paths.js";
import type { Extraction } from "../../src/types.js";
import { cleanDatabase } from "../helpers/neo4j.js";

const INSTANCE = "fault";
const PORTS = {
  boltPort: Number(process.env.NEO4J_FAULT_BOLT_PORT ?? 17787),
  httpPort: Number(process.env.NEO4J_FAULT_HTTP_PORT ?? 17574),
};
const COPIES = 5;

let dir: string;
let connection: Neo4jConnection;

async function start(): Promise<void> {
  const started = await startNeo4j({ instance: INSTANCE, ...PORTS, heap: "512m", pagecache: "128m" });
  connection = { uri: started.uri, user: started.user, password: started.password };
}

async function openStore(retryMs: number, uri = connection.uri): Promise<Neo4jGraphStore> {
  const store = new Neo4jGraphStore({ ...connection, uri, maxTransactionRetryTime: retryMs });
  await store.open();
  return store;
}

/** A loopback TCP proxy to Bolt that can cut every connection and refuse new ones for a while. */
async function boltProxy(target: number) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(target, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    uri: `bolt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    outage(ms: number) {
      down = true;
      for (const s of sockets) s.destroy();
      setTimeout(() => (down = false), ms);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The graph in a form where write order does not matter (evidence and mentions sorted). */
function canonical(x: Extraction) {
  const by =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    documents: [...x.documents].sort(by((d) => d.id)),
    entities: [...x.entities]
      .map((e) => ({
        ...e,
        aliases: [...e.aliases].sort(),
        mentions: [...e.mentions].sort(by((m) => `${m.documentId}|${String(m.start).padStart(8, "0")}`)),
      }))
      .sort(by((e) => e.id)),
    relations: [...x.relations]
      .map((r) => ({
        ...r,
        evidence: [...r.evidence].sort(
          by((e) => `${e.documentId}|${String(e.start).padStart(8, "0")}|${e.rule}`),
        ),
      }))
      .sort(by((r) => `${r.type}|${r.source}|${r.target}`)),
  };
}

async function wipe(store: Neo4jGraphStore): Promise<void> {
  await cleanDatabase(store.driver, { keepSchema: true });
}

let clean: { stats: Awaited<ReturnType<GraphStore["stats"]>>; graph: ReturnType<typeof canonical> };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-fault-"));
  // Many files of real pages (copies under other names are other documents with the same entities).
  const pages = ["zh-page-1.txt", "zh-page-2.txt"];
  for (let i = 0; i < COPIES; i++)
    for (const page of pages)
      await cp(
        path.join(projectRoot, "examples", page),
        path.join(dir, `${String(i).padStart(2, "0")}-${page}`),
      );
  await start();
  const store = await openStore(20_000);
  try {
    await wipe(store);
    const result = await ingestPaths(store, [dir]);
    expect(result.failures).toEqual([]);
    clean = { stats: await store.stats(), graph: canonical(await store.exportAll()) };
    expect(clean.stats.documents).toBeGreaterThanOrEqual(COPIES * pages.length);
    await wipe(store);
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  await stopNeo4j({ instance: INSTANCE });
  await rm(dir, { recursive: true, force: true });
});

describe("Neo4j stopped during an ingest", () => {
  it("names what was not written, skips the rest, and a re-run after restart completes the graph exactly", async () => {
    const store = await openStore(3_000);
    let stopping: Promise<unknown> | undefined;
    let result;
    try {
      result = await ingestPaths(store, [dir], {
        onProgress: (p) => {
          if (p.filesDone === 3) stopping = stopNeo4j({ instance: INSTANCE });
        },
      });
    } finally {
      await store.close();
    }
    await stopping;
    // Some files were written, the rest are reported, one line each, and not retried one by one.
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.length).toBeLessThanOrEqual(result.files - 3);
    expect(result.storeUnavailable).toBeDefined();
    expect(result.unwrittenDocuments.length).toBeGreaterThan(0);
    for (const f of result.failures) expect(f.message).not.toContain("\n");
    // The files in flight when it went down fail with the store's error; once it is known to be
    // unreachable, every later file is reported without being tried.
    const skipped = (m: string) => /not written \(the store is unavailable\)$/.test(m);
    const firstSkipped = result.failures.findIndex((f) => skipped(f.message));
    for (const f of result.failures.slice(0, firstSkipped < 0 ? undefined : firstSkipped)) {
      console.log(`failed while Neo4j stopped: ${f.message}`);
      expect(f.message.startsWith(f.source)).toBe(true);
    }
    expect(result.failures.slice(firstSkipped).every((f) => skipped(f.message))).toBe(true);
    expect(firstSkipped).toBeLessThanOrEqual(2);

    await start();
    const again = await openStore(20_000);
    try {
      const rerun = await ingestPaths(again, [dir]);
      expect(rerun.failures).toEqual([]);
      // Documents committed before the stop are skipped, the others (incl. half-written ones) written.
      expect(rerun.summary.documents.unchanged).toBeGreaterThan(0);
      expect(rerun.summary.documents.added + rerun.summary.documents.replaced).toBeGreaterThanOrEqual(
        result.unwrittenDocuments.length,
      );
      expect(await again.stats()).toEqual(clean.stats);
      expect(canonical(await again.exportAll())).toEqual(clean.graph);
      await wipe(again);
    } finally {
      await again.close();
    }
  }, 600_000);

  it("rides out an outage shorter than the retry window (retries with backoff), with no failure", async () => {
    await start();
    const proxy = await boltProxy(PORTS.boltPort);
    const store = await openStore(60_000, proxy.uri);
    let outages = 0;
    try {
      const result = await ingestPaths(store, [dir], {
        onProgress: (p) => {
          if (p.filesDone === 2 || p.filesDone === 5) {
            outages++;
            proxy.outage(4_000);
          }
        },
      });
      expect(outages).toBe(2);
      expect(result.failures).toEqual([]);
      expect(result.unwrittenDocuments).toEqual([]);
      expect(await store.stats()).toEqual(clean.stats);
      expect(canonical(await store.exportAll())).toEqual(clean.graph);
    } finally {
      await store.close();
      await proxy.close();
    }
  }, 300_000);
});
