// Ingestion throughput of both stores on synthetic extractions, with the naive
// Neo4j loader (one MERGE per transaction) measured in the same run, and the
// embedded store's heap at a million relationships (child process, after GC).
//
//   npx tsx scripts/bench-ingest.ts [--relations 200000] [--neo4j-relations 100000]
//     [--naive 2000] [--heap-relations 1000000] [--no-neo4j] [--json]
//
// Neo4j: a managed throw-away instance `.neo4j/ingest-bench` (Bolt 37687, HTTP 37474;
// NEO4J_BENCH_BOLT_PORT / NEO4J_BENCH_HTTP_PORT move them), or BENCH_NEO4J_URI with
// NEO4J_USER / NEO4J_PASSWORD. Its database is WIPED.
import { parseArgs } from "node:util";
import type { Neo4jConfig } from "../src/graph/neo4j/store.js";
import {
  benchEmbeddedIngest,
  benchExtraction,
  benchNeo4jIngest,
  measureEmbeddedHeap,
} from "../src/graph/ingest-bench.js";
import type { HeapFigure, IngestFigure, Neo4jIngestFigures } from "../src/graph/ingest-bench.js";
import { startNeo4j } from "../src/neo4j/index.js";

const { values } = parseArgs({
  options: {
    relations: { type: "string", default: "200000" },
    "neo4j-relations": { type: "string", default: "100000" },
    naive: { type: "string", default: "2000" },
    "heap-relations": { type: "string", default: "1000000" },
    "no-neo4j": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const num = (v: string | undefined) => Number(v);
const say = (line: string) => {
  if (!values.json) console.log(line);
};

async function benchNeo4jConfig(): Promise<Neo4jConfig & { pid?: number }> {
  if (process.env.BENCH_NEO4J_URI)
    return {
      uri: process.env.BENCH_NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
    };
  const started = await startNeo4j({
    instance: "ingest-bench",
    boltPort: process.env.NEO4J_BENCH_BOLT_PORT ?? 37687,
    httpPort: process.env.NEO4J_BENCH_HTTP_PORT ?? 37474,
    log: say,
  });
  return { uri: started.uri, user: started.user, password: started.password, pid: started.pid };
}

const fmt = (f: IngestFigure) =>
  `${f.relations.toLocaleString("en")} relations in ${f.seconds.toFixed(2)} s = ${f.relsPerSec.toLocaleString("en")}/s (CPU: client ${f.cpuSeconds.toFixed(2)} s${f.serverCpuSeconds !== undefined ? `, server ${f.serverCpuSeconds.toFixed(2)} s` : ""})`;

const result: {
  embedded?: IngestFigure;
  heap?: HeapFigure;
  neo4j?: Neo4jIngestFigures;
} = {};

say(`machine: ${(await import("node:os")).cpus().length} cores, node ${process.version}`);
result.embedded = await benchEmbeddedIngest(benchExtraction(num(values.relations)));
say(`embedded ingest: ${fmt(result.embedded)}`);

if (num(values["heap-relations"]) > 0) {
  result.heap = await measureEmbeddedHeap(num(values["heap-relations"]));
  say(
    `embedded at ${result.heap.relations.toLocaleString("en")} relations: heapUsed ${result.heap.heapMb} MB after GC (rss ${result.heap.rssMb} MB); ingest ${fmt(result.heap)}`,
  );
  for (const [name, r] of Object.entries(result.heap.reads))
    say(
      `  store read ${name} (busiest entities, ${r.calls} calls): p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
    );
}

if (!values["no-neo4j"]) {
  const { pid, ...config } = await benchNeo4jConfig();
  result.neo4j = await benchNeo4jIngest(
    config,
    benchExtraction(num(values["neo4j-relations"])),
    benchExtraction(num(values.naive), 99),
    pid,
  );
  say(`neo4j ingest:  ${fmt(result.neo4j.loader)}`);
  say(`neo4j naive:   ${fmt(result.neo4j.naive)} (${result.neo4j.naive.transactions} transactions)`);
  say(`neo4j ratio:   ${result.neo4j.ratio.toFixed(1)}× the naive loader`);
}

if (values.json)
  console.log(
    JSON.stringify(
      {
        ingest: {
          embeddedRelsPerSec: result.embedded.relsPerSec,
          embeddedHeapMbAt: result.heap
            ? { relations: result.heap.relations, heapMb: result.heap.heapMb }
            : null,
          neo4jRelsPerSec: result.neo4j?.loader.relsPerSec ?? null,
          naiveRelsPerSec: result.neo4j?.naive.relsPerSec ?? null,
          ratioVsNaive: result.neo4j?.ratio ?? null,
        },
        detail: result,
      },
      null,
      2,
    ),
  );
