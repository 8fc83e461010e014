// Child processes of the benchmark, one measurement each, so that peak RSS is the
// measured work's own and runs do not warm each other's caches. The result is one
// JSON line on stdout.
//   child.ts extract <input> <workers>    extraction, results serialised as JSON lines
//   child.ts jieba <input>                @node-rs/jieba tag() over the same pages
//   child.ts build <embedded|neo4j> <relationships> [file]   build the query graph
//     (embedded: saved to <file>; neo4j: into NEO4J_URI, or with BENCH_NEO4J_BULK (the
//     managed instance's start options) bulk-loaded into it) for `serve` to answer from
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Source from "../../src/extract/parallel/index.js";
import { projectRoot } from "../../src/paths.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import type { GraphStore } from "../../src/graph/store.js";
import { ExtractionCollector } from "../../src/graph/neo4j/bulk/collect.js";
import { bulkLoadNeo4j } from "../../src/graph/neo4j/bulk/import.js";
import type { StartOptions } from "../../src/neo4j/index.js";
import { bigGraphChunks, queryNames } from "./graph.js";
import type { QueryNames } from "./graph.js";

// Extraction runs from the built dist/ (`npm run bench` builds first), as `policygraph
// extract` does: under tsx every worker thread would also pay for tsx's loader.
type Parallel = typeof Source;
const { extractStream, readPageStream } = (await import(
  pathToFileURL(path.join(projectRoot, "dist", "extract", "parallel", "index.js")).href
)) as Parallel;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
/** CPU seconds of this process (every thread, so extraction workers included). */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
};

function report(result: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ ...result, peakRssMb: peakRssMb() }) + "\n");
}

async function extract(input: string, workers: number): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let pages = 0;
  let relations = 0;
  let chars = 0;
  let outputBytes = 0;
  for await (const item of extractStream(readPageStream([input]), { workers })) {
    if (!("extraction" in item)) throw new Error(item.failure.message);
    pages++;
    chars += item.page.chars;
    relations += item.extraction.relations.length;
    // What `extract --format jsonl` does with each page, minus the disk.
    outputBytes += Buffer.byteLength(JSON.stringify(item.extraction));
  }
  report({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSeconds(cpu),
    pages,
    chars,
    relations,
    outputBytes,
  });
}

async function jieba(input: string): Promise<void> {
  const segmenter = Jieba.withDict(dict);
  segmenter.tag("预热分词器。");
  let seconds = 0;
  let cpu = 0;
  let tokens = 0;
  let bytes = 0;
  for await (const item of readPageStream([input])) {
    if (!("page" in item)) continue;
    bytes += Buffer.byteLength(item.page.text);
    const t = performance.now();
    const c = process.cpuUsage();
    tokens += segmenter.tag(item.page.text).length;
    cpu += cpuSeconds(c);
    seconds += (performance.now() - t) / 1000;
  }
  report({ seconds, cpuSeconds: cpu, tokens, bytes });
}

async function openBenchStore(kind: string, file: string | undefined): Promise<GraphStore> {
  if (kind === "embedded") {
    if (!file) throw new Error("build embedded: a file to save the graph to is needed");
    await rm(file, { force: true });
    const store = new MemoryGraphStore(file);
    await store.open();
    return store;
  }
  const { NEO4J_URI: uri, NEO4J_USER: user = "neo4j", NEO4J_PASSWORD: password } = process.env;
  if (!uri || !password) throw new Error("build neo4j: NEO4J_URI and NEO4J_PASSWORD must be set");
  const store = new Neo4jGraphStore({ uri, user, password });
  await store.open();
  return store;
}

/**
 * The query graph loaded into the bench's managed instance in one neo4j-admin import
 * (src/graph/neo4j/bulk/): the chunks gathered into one extraction first, and the
 * load timed whole (CSV, stop, import, start, schema, empty lists).
 */
async function bulkBuild(relationships: number, start: StartOptions): Promise<void> {
  const collector = new ExtractionCollector();
  let names: QueryNames | null = null;
  for (const chunk of bigGraphChunks(relationships)) {
    names ??= queryNames(chunk);
    await collector.ingest(chunk);
  }
  const gathered = collector.result();
  const load = await bulkLoadNeo4j(gathered, {
    start,
    replace: true,
    log: (line) => process.stderr.write(`bench: bulk: ${line}\n`),
  });
  const store = new Neo4jGraphStore(load.connection);
  try {
    const stats = await store.stats();
    const storedRelationships = Object.values(stats.relations).reduce((a, b) => a + b, 0);
    report({
      ingestSeconds: load.seconds.total,
      ingested: gathered.relations.length,
      storedRelationships,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      saveSeconds: 0,
      names,
      bulk: { seconds: load.seconds, cpuSeconds: load.cpu },
    });
  } finally {
    await store.close();
  }
}

async function build(kind: string, relationships: number, file: string | undefined): Promise<void> {
  if (kind === "neo4j" && process.env.BENCH_NEO4J_BULK)
    return bulkBuild(relationships, JSON.parse(process.env.BENCH_NEO4J_BULK) as StartOptions);
  const store = await openBenchStore(kind, file);
  let ingestSeconds = 0;
  let ingested = 0;
  let names: QueryNames | null = null;
  try {
    for (const chunk of bigGraphChunks(relationships)) {
      names ??= queryNames(chunk);
      const started = performance.now();
      await store.ingest(chunk);
      ingestSeconds += (performance.now() - started) / 1000;
      ingested += chunk.relations.length;
      process.stderr.write(`bench: ${kind} graph ${ingested}/${relationships} relationships\n`);
    }
    const stats = await store.stats();
    global.gc?.();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    const storedRelationships = Object.values(stats.relations).reduce((a, b) => a + b, 0);
    const saveStarted = performance.now();
    await store.close();
    const saveSeconds = (performance.now() - saveStarted) / 1000;
    report({ ingestSeconds, ingested, storedRelationships, heapMb, saveSeconds, names });
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}

const [mode, a, b, c] = process.argv.slice(2);
try {
  if (mode === "extract") await extract(a!, Number(b));
  else if (mode === "jieba") await jieba(a!);
  else if (mode === "build") await build(a!, Number(b), c);
  else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  console.error(`bench child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
}
