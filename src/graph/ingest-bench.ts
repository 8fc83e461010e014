// Ingestion measurements for both stores on synthetic extractions (synthetic.ts),
// shared by scripts/bench-ingest.ts and the project benchmark. Figures are wall
// time and CPU time of this process, so that a noisy, shared machine can be read
// either way; each Neo4j figure comes with the naive loader measured in the same run.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { MemoryGraphStore } from "./memory/store.js";
import { wipeNeo4j } from "./neo4j/wipe.js";
import { naiveLoad } from "./neo4j/naive-loader.js";
import { applySchema } from "./neo4j/schema.js";
import type { Neo4jConfig } from "./neo4j/store.js";
import { Neo4jGraphStore } from "./neo4j/store.js";
import type { ReadLatency } from "./read-probe.js";
import { syntheticExtraction } from "./synthetic.js";
import { processCpuSeconds } from "../process-cpu.js";
import type { Extraction } from "../types.js";

export const RELATIONS_PER_DOCUMENT = 10;

export interface IngestFigure {
  /** Relations (each with its evidence) in the extraction. */
  relations: number;
  /** Evidence items written. */
  evidence: number;
  seconds: number;
  relsPerSec: number;
  /** CPU seconds of this process (for Neo4j: the client side only). */
  cpuSeconds: number;
  /** CPU seconds of the Neo4j server process, when it runs here and its pid is known. */
  serverCpuSeconds?: number;
}

/** A synthetic extraction of about `relations` relations (10 per document). */
export function benchExtraction(relations: number, seed = 7): Extraction {
  return syntheticExtraction({
    documents: Math.max(1, Math.round(relations / RELATIONS_PER_DOCUMENT)),
    seed,
  });
}

function evidenceOf(extraction: Extraction): number {
  let n = 0;
  for (const r of extraction.relations) n += r.evidence.length;
  return n;
}

async function timed(
  extraction: Extraction,
  work: () => Promise<unknown>,
  serverPid?: number,
): Promise<IngestFigure> {
  const server = processCpuSeconds(serverPid);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const serverAfter = processCpuSeconds(serverPid);
  return {
    relations: extraction.relations.length,
    evidence: evidenceOf(extraction),
    seconds,
    relsPerSec: Math.round(extraction.relations.length / seconds),
    cpuSeconds: (used.user + used.system) / 1e6,
    ...(server !== null && serverAfter !== null ? { serverCpuSeconds: serverAfter - server } : {}),
  };
}

/** Into a fresh in-memory store, or `store` (which then holds the graph afterwards). */
export async function benchEmbeddedIngest(
  extraction: Extraction,
  store = new MemoryGraphStore(null),
): Promise<IngestFigure> {
  await store.open();
  return timed(extraction, () => store.ingest(extraction));
}

export interface Neo4jIngestFigures {
  loader: IngestFigure;
  naive: IngestFigure & { transactions: number };
  /** loader.relsPerSec / naive.relsPerSec */
  ratio: number;
}

/**
 * The real loader on `extraction` and the naive one on `sample`, each into an
 * emptied database with the schema applied. WIPES the database: point it at a
 * throw-away server only.
 */
export async function benchNeo4jIngest(
  config: Neo4jConfig,
  extraction: Extraction,
  sample: Extraction,
  serverPid?: number,
): Promise<Neo4jIngestFigures> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
  });
  try {
    await wipeNeo4j(driver, config.database);
    await applySchema(driver, config.database);
    let transactions = 0;
    const naive = await timed(
      sample,
      async () => {
        transactions = (await naiveLoad(driver, sample, config.database)).transactions;
      },
      serverPid,
    );
    await wipeNeo4j(driver, config.database);
    const store = new Neo4jGraphStore(config);
    let loader: IngestFigure;
    try {
      await store.open();
      loader = await timed(extraction, () => store.ingest(extraction), serverPid);
    } finally {
      await store.close();
    }
    return { loader, naive: { ...naive, transactions }, ratio: loader.relsPerSec / naive.relsPerSec };
  } finally {
    await driver.close();
  }
}

export interface HeapFigure extends IngestFigure {
  /** Store-level read latencies on that graph (read-probe.ts). */
  reads: Record<string, ReadLatency>;
  /** heapUsed after two full GCs, the extraction released: what the store itself holds. */
  heapMb: number;
  rssMb: number;
}

/** Build the embedded graph in a child process (--expose-gc) and report its heap after GC. */
export function measureEmbeddedHeap(relations: number, maxOldSpaceMb = 8192): Promise<HeapFigure> {
  const probe = fileURLToPath(new URL("./heap-probe.js", import.meta.url)).replace(/\.js$/, "");
  const isTs = import.meta.url.endsWith(".ts");
  const args = [
    "--expose-gc",
    `--max-old-space-size=${maxOldSpaceMb}`,
    ...(isTs ? ["--import", "tsx", `${probe}.ts`] : [`${probe}.js`]),
    String(relations),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`heap probe exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as HeapFigure);
    });
  });
}
