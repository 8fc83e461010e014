// npm run bench [-- --json] [-- --quick]: every figure of issue 7 next to a
// baseline measured in the same run (machines here are noisy). Progress on
// stderr; a table (or with --json one object) on stdout. Each extraction and
// serving measurement runs in its own child process (scripts/bench/child.ts).
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { cpus, availableParallelism } from "node:os";
import path from "node:path";
import { Command } from "commander";
import neo4jDriver from "neo4j-driver";
import { ensureNeo4j, stopNeo4j } from "../src/neo4j/index.js";
import { wipeNeo4j } from "../src/graph/neo4j/wipe.js";
import { projectRoot } from "../src/paths.js";
import {
  bareGraphologyRelsPerSec,
  naiveRelsPerSec,
  embeddedRelsPerSec,
  neo4jRelsPerSec,
  sample,
} from "./bench/ingest.js";
import type { Neo4jConnection } from "./bench/ingest.js";
import { QUERIES, loadTest, sampleResponse } from "./bench/load.js";
import type { LoadFigures, QueryName } from "./bench/load.js";
import type { QueryNames } from "./bench/graph.js";
import { existingCorpus, writeCorpus } from "./bench/write-corpus.js";
import { formatReport } from "./bench/report.js";
import { startBareHttp } from "./bench/bare-http.js";
import { startServe } from "./bench/serve.js";
import type { RunningServe, ServeTarget } from "./bench/serve.js";

const opts = new Command("bench")
  .description("measure extraction, memory, ingestion and GraphQL latency against same-run baselines")
  .option("--json", "print one JSON object instead of a table")
  .option("--quick", "every measurement on small inputs (under a minute)")
  .option("--extract-mb <n>", "MB of pages for throughput (default 50, quick 0.5)", Number)
  .option("--rss-mb <a,b>", "two input sizes for peak RSS (default 20,200; quick 0.5,2)")
  .option("--ingest-rels <n>", "relationships for ingestion throughput (default 200000)", Number)
  .option("--naive-rels <n>", "relationships for the naive loader (default 2000)", Number)
  .option("--graph-rels <n>", "relationships in the query-benchmark graph (default 1000000)", Number)
  .option("--duration <s>", "seconds of load per query (default 10, quick 2)", Number)
  .option("--connections <n>", "concurrent clients", Number, 50)
  .option(
    "--replicas <n>",
    "also measure `serve --replicas n` (default: the number of cores; 1 = only the single process)",
    Number,
  )
  .option("--no-neo4j", "skip the Neo4j measurements")
  .parse()
  .opts<{
    json?: boolean;
    quick?: boolean;
    extractMb?: number;
    rssMb?: string;
    ingestRels?: number;
    naiveRels?: number;
    graphRels?: number;
    duration?: number;
    connections: number;
    replicas?: number;
    neo4j: boolean;
  }>();

const quick = opts.quick === true;
const size = {
  extractMb: opts.extractMb ?? (quick ? 0.5 : 50),
  rssMb: (opts.rssMb ?? (quick ? "0.5,2" : "20,200")).split(",").map(Number) as [number, number],
  ingestRels: opts.ingestRels ?? (quick ? 5_000 : 200_000),
  naiveRels: opts.naiveRels ?? (quick ? 100 : 2_000),
  graphRels: opts.graphRels ?? (quick ? 20_000 : 1_000_000),
  duration: opts.duration ?? (quick ? 2 : 10),
};
const replicas = Math.max(1, opts.replicas ?? availableParallelism());
const workersAll = availableParallelism();
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const outDir = path.join(projectRoot, "bench", "out");
const childScript = path.join(projectRoot, "scripts", "bench", "child.ts");
const notes: string[] = [];
/** How .neo4j/bench starts, when the bench runs it: its graph is then bulk-loaded (not for NEO4J_URI). */
let bulkStart: Record<string, unknown> | undefined;

interface ChildResult {
  [key: string]: unknown;
  seconds: number;
  peakRssMb: number;
}

/** Run child.ts once and return its JSON line. */
function child(args: string[], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const proc = spawn(process.execPath, [...nodeArgs, "--import", "tsx", childScript, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const result = new Promise<ChildResult>((resolve, reject) => {
    let out = "";
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.indexOf("\n");
      if (line >= 0) resolve(JSON.parse(out.slice(0, line)) as ChildResult);
    });
    proc.on("exit", (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
  return { proc, result };
}

async function corpus(mb: number, single: boolean) {
  const out = path.join(outDir, `corpus-${mb}mb${single ? "-single" : ""}`);
  const found = await existingCorpus(out, mb, 1, single);
  if (found) return found;
  log(`generating ${mb} MB of pages → ${path.relative(projectRoot, out)}`);
  return writeCorpus({ mb, out, seed: 1, single });
}

async function extraction() {
  const c = await corpus(size.extractMb, false);
  const mb = c.bytes / 1e6;
  log(`extraction, 1 worker, ${mb.toFixed(1)} MB`);
  const one = await child(["extract", c.input, "1"]).result;
  log(`extraction, ${workersAll} workers`);
  const all = await child(["extract", c.input, String(workersAll)]).result;
  log("jieba tag() on the same pages");
  const jieba = await child(["jieba", c.input]).result;
  const rss: number[] = [];
  for (const rssMb of size.rssMb) {
    const big = await corpus(rssMb, true);
    log(`peak RSS, ${rssMb} MB in one file, ${workersAll} workers`);
    rss.push((await child(["extract", big.input, String(workersAll)]).result).peakRssMb);
  }
  const mbPerSec1 = mb / one.seconds;
  const mbPerSecAll = mb / all.seconds;
  const jiebaTagMbPerSec = mb / jieba.seconds;
  // The same ratio in CPU time: steadier than wall time when other jobs share the cores.
  const cpu = (r: ChildResult) => r.cpuSeconds as number;
  return {
    inputMb: mb,
    pages: c.pages,
    relations: one.relations,
    workers: workersAll,
    mbPerSec1,
    mbPerSecAll,
    jiebaTagMbPerSec,
    ratioVsJieba: mbPerSec1 / jiebaTagMbPerSec,
    parallelSpeedup: mbPerSecAll / mbPerSec1,
    cpuMbPerSec1: mb / cpu(one),
    jiebaTagCpuMbPerSec: mb / cpu(jieba),
    ratioVsJiebaCpu: cpu(jieba) / cpu(one),
    rssInputMb: size.rssMb,
    rssMb20: rss[0]!,
    rssMb200: rss[1]!,
    rssRatio: rss[1]! / rss[0]!,
  };
}

async function neo4jConnection(): Promise<{ conn: Neo4jConnection; started: boolean }> {
  const { NEO4J_URI: uri, NEO4J_USER: user = "neo4j", NEO4J_PASSWORD: password } = process.env;
  if (uri) {
    if (!password) throw new Error("NEO4J_URI is set but NEO4J_PASSWORD is not");
    notes.push(`Neo4j: ${uri} (NEO4J_URI); its database was wiped`);
    return { conn: { uri, user, password }, started: false };
  }
  log("starting the managed Neo4j instance .neo4j/bench (ports 27687/27474)");
  const start = {
    instance: "bench",
    boltPort: 27687,
    httpPort: 27474,
    heap: quick ? "1g" : "3g",
    pagecache: quick ? "512m" : "2g",
  };
  const conn = await ensureNeo4j({ ...start, log });
  // The managed instance's query graph is built by the bulk load (neo4j-admin import).
  bulkStart = start;
  notes.push("Neo4j: managed instance .neo4j/bench, Community 5.26, loopback");
  return { conn, started: true };
}

async function ingestion(neo4j: Neo4jConnection | null) {
  const chunks = sample(size.ingestRels, 2);
  // The baseline first: measured after the store, it also paid for collecting the store's garbage.
  log(`${size.ingestRels} relationships into a bare graphology graph (baseline)`);
  const bare = bareGraphologyRelsPerSec(chunks);
  log(`ingestion of ${size.ingestRels} relationships into the embedded store`);
  const embedded = await embeddedRelsPerSec(chunks);
  const base = {
    sampleRelations: size.ingestRels,
    embeddedRelsPerSec: embedded,
    bareGraphologyRelsPerSec: bare,
    embeddedVsBareGraphology: embedded / bare,
  };
  if (!neo4j) return base;
  // The server's first ingest plans every statement (measured: 2.5–3× the server
  // CPU of later ones), so a small first load is timed apart: the main figure is
  // the loader once the server is warm, the first one what a one-off load meets.
  const firstRels = Math.min(20_000, Math.max(1_000, Math.round(size.ingestRels / 10)));
  log(`first ingestion after the server start, ${firstRels} relationships into Neo4j`);
  const first = await neo4jRelsPerSec(neo4j, sample(firstRels, 4));
  log(`ingestion of ${size.ingestRels} relationships into Neo4j`);
  const neo = await neo4jRelsPerSec(neo4j, chunks);
  log(`naive loader (one MERGE per transaction), ${size.naiveRels} relationships`);
  const naive = await naiveRelsPerSec(neo4j, sample(size.naiveRels, 3)[0]!);
  return {
    ...base,
    naiveSampleRelations: size.naiveRels,
    neo4jRelsPerSec: neo,
    neo4jFirstSampleRelations: firstRels,
    neo4jFirstRelsPerSec: first,
    naiveRelsPerSec: naive,
    ratioVsNaive: neo / naive,
  };
}

const warmUp = Math.max(1, Math.round(size.duration / 5));

async function loadEach(server: RunningServe, label: string, names: QueryNames, queries: QueryName[]) {
  const figures: Record<string, LoadFigures & { cpuMsPerRequest: number }> = {};
  for (const name of queries) {
    log(`${label}: ${name}, ${opts.connections} clients, ${warmUp} s warm-up, ${size.duration} s measured`);
    // Unrecorded first: a server just started (Neo4j just restarted by a bulk load)
    // answers its first seconds from cold caches and unplanned or unoptimised code,
    // which a serving process has long left behind.
    await loadTest(server.url, name, names, { connections: opts.connections, duration: warmUp });
    const cpuBefore = server.cpuSeconds();
    const f = await loadTest(server.url, name, names, {
      connections: opts.connections,
      duration: size.duration,
    });
    figures[name] = { ...f, cpuMsPerRequest: ((server.cpuSeconds() - cpuBefore) * 1000) / f.requests };
  }
  return figures;
}

/** Loads each query; `whileServing` runs once the server is up, before the load. */
async function measureServe(
  target: ServeTarget,
  names: QueryNames,
  whileServing?: (url: string) => Promise<void>,
) {
  const server = await startServe(target);
  try {
    await whileServing?.(server.url);
    const label = `${target.store}, ${target.replicas} process(es)`;
    return await loadEach(server, label, names, Object.keys(QUERIES) as QueryName[]);
  } finally {
    await server.stop();
  }
}

/** The floor under the GraphQL figures: bare node:http answering with a real response's bytes. */
async function bareHttp(body: string, names: QueryNames) {
  const server = await startBareHttp(body);
  try {
    return (await loadEach(server, "bare node:http, one fixed answer", names, ["announcements"]))
      .announcements;
  } finally {
    await server.stop();
  }
}

async function graphql(store: "embedded" | "neo4j", neo4j: Neo4jConnection | null) {
  log(`building a ${size.graphRels}-relationship graph in the ${store} store`);
  const env: NodeJS.ProcessEnv = neo4j
    ? { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password }
    : {};
  if (neo4j && bulkStart) env.BENCH_NEO4J_BULK = JSON.stringify(bulkStart);
  else if (neo4j) {
    const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.user, neo4j.password));
    await wipeNeo4j(driver);
    await driver.close();
  }
  const file = path.join(outDir, `graph-${size.graphRels}.json`);
  const info = await child(
    ["build", store, String(size.graphRels), file],
    ["--max-old-space-size=8192", "--expose-gc"],
    env,
  ).result;
  const names = info.names as QueryNames;
  const target: ServeTarget = { store, file, ...(neo4j ? { neo4j } : {}), replicas: 1 };
  log(`serving it with \`policygraph serve\``);
  let answer: string | undefined;
  const single = await measureServe(target, names, async (url) => {
    answer = store === "embedded" ? await sampleResponse(url, "announcements", names) : undefined;
  });
  const scaled =
    replicas > 1 ? { [`replicas${replicas}`]: await measureServe({ ...target, replicas }, names) } : {};
  if (store === "embedded") await rm(file, { force: true });
  return {
    relationships: info.storedRelationships as number,
    buildRelsPerSec: (info.ingested as number) / (info.ingestSeconds as number),
    heapMb: info.heapMb as number,
    ...(info.bulk ? { bulk: info.bulk } : {}),
    ...single,
    ...(answer === undefined ? {} : { bareHttp: await bareHttp(answer, names) }),
    ...scaled,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const report: Record<string, unknown> = {
    machine: {
      date: new Date().toISOString(),
      nproc: workersAll,
      cpu: cpus()[0]?.model ?? "unknown",
      node: process.version,
      quick,
    },
  };
  // Partial figures after each section, so a long run that is stopped still tells something.
  const partial = () => writeFile(path.join(outDir, "last.json"), JSON.stringify(report, null, 2) + "\n");
  report.extract = await extraction();
  await partial();
  let neo: { conn: Neo4jConnection; started: boolean } | null = null;
  try {
    if (opts.neo4j) neo = await neo4jConnection();
    report.ingest = await ingestion(neo?.conn ?? null);
    await partial();
    const gql: Record<string, unknown> = {};
    report.graphql = gql;
    gql.embedded = await graphql("embedded", null);
    await partial();
    if (neo) gql.neo4j = await graphql("neo4j", neo.conn);
    const bulk = (gql.neo4j as { buildRelsPerSec?: number; bulk?: { seconds: unknown } } | undefined)?.bulk;
    if (bulk)
      Object.assign(report.ingest as object, {
        neo4jBulkRelsPerSec: (gql.neo4j as { buildRelsPerSec: number }).buildRelsPerSec,
        neo4jBulkSeconds: bulk.seconds,
      });
  } finally {
    if (neo?.started) {
      log("stopping .neo4j/bench");
      await stopNeo4j({ instance: "bench" });
    }
  }
  notes.push(
    "the query graph is built from synthetic extractions (src/graph/synthetic.ts), not by extracting pages",
    "GraphQL is served by `policygraph serve` (dist/, NODE_ENV=production); autocannon runs on the same cores",
  );
  report.notes = notes;
  report.seconds = (performance.now() - started) / 1000;
  await partial();
  process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
}

// One line, not a stack trace: what failed and where the partial figures are.
main().catch((err: unknown) => {
  const message = (err instanceof Error ? err.message : String(err)).split("\n")[0];
  log(`failed: ${message} (figures so far: ${path.relative(process.cwd(), path.join(outDir, "last.json"))})`);
  process.exit(1);
});
