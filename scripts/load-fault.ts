// Load and fault test: the GraphQL server under 50 concurrent clients (autocannon)
// while the graph is re-ingested over and over, plus a trickle of deliberately
// hostile requests that must be refused. Loopback only, bounded in time.
//
//   npm run load-fault -- [--seconds 60] [--connections 50] [--warmup 5] [--neo4j URI|managed]
//
// With --neo4j the example pages are ingested into that database: use a scratch one.
//
// The re-ingest runs in this process through the same store object the server
// reads (for the embedded store that is the only way a server sees new data
// without a restart: a separate `policygraph ingest` process writes the file,
// which `serve` read once at start). Rounds alternate between two versions of the
// example pages, so every round replaces documents and removes and re-creates
// entities and relations while requests are in flight; the embedded store is
// saved (atomically) after each round. The pages are extracted once, up front,
// into interchange JSON (as `policygraph extract --format json` writes it), and
// rounds ingest those: extraction is CPU-bound and, run on the server's event
// loop, would stall every request for its duration (seconds per round on 2 cores). Exit status 1 if any request failed that
// was not deliberately rejected.
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startHttpServer } from "../src/api/http.js";
import { ingestPaths } from "../src/app/ingest.js";
import { MemoryGraphStore } from "../src/graph/memory/store.js";
import { openStore } from "../src/graph/open.js";
import type { GraphStore } from "../src/graph/store.js";
import { extractPages } from "../src/extract/pipeline.js";
import type { RawPage } from "../src/extract/types.js";
import { examplesDir } from "../src/paths.js";

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  onResponse?: (status: number, body: string) => void;
}
interface Histogram {
  average: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; the shape used here is above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    // A cold JVM (Neo4j) or V8 answers its first requests slowly; not part of the figures.
    warmup: { type: "string", default: "5" },
    neo4j: { type: "string" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
if (!(seconds > 0 && seconds <= 3600) || !(connections > 0 && connections <= 1000)) {
  console.error("load-fault: --seconds must be 1–3600 and --connections 1–1000");
  process.exit(2);
}

const QUERIES = [
  "{ stats { documents evidence } }",
  `{ search(text: "工业", first: 10) { totalCount edges { node { id name label
      relations(first: 5) { edges { type node { name } evidence { sentence } } } } } } }`,
  `{ announcements(first: 10) { totalCount edges { node { kind date speaker { name } what { name }
      document { title } evidence { sentence } } } } }`,
  `{ entity(name: "工业和信息化部") { name aliases documentCount
      mentions(first: 5) { totalCount edges { node { text document { title date } } } } } }`,
  `{ search(text: "市", first: 20) { edges { node { name relations(first: 10, direction: BOTH) {
      totalCount edges { node { name } relationship { key source { name } target { name } } } } } } } }`,
];

/**
 * Two versions of every example page, as is and with its second half gone (so
 * documents change each round), each extracted into one interchange JSON file.
 */
async function preparePages(dir: string): Promise<[string, string]> {
  const versions: RawPage[][] = [[], []];
  for (const name of (await readdir(examplesDir)).sort()) {
    if (!/\.(txt|md)$/.test(name)) continue;
    const text = await readFile(path.join(examplesDir, name), "utf8");
    const lines = text.split("\n");
    versions[0]!.push({ source: name, name, text });
    versions[1]!.push({ source: name, name, text: lines.slice(0, Math.ceil(lines.length / 2)).join("\n") });
  }
  const files = versions.map((pages, i) => path.join(dir, `version-${i}.json`));
  for (const [i, pages] of versions.entries())
    await writeFile(files[i]!, JSON.stringify(extractPages(pages)));
  return [files[0]!, files[1]!];
}

function requestsFor(onResponse: (status: number, body: string) => void): AutocannonRequest[] {
  return QUERIES.map((query) => ({
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    onResponse,
  }));
}

const dir = await mkdtemp(path.join(tmpdir(), "pg-load-fault-"));
let store: GraphStore | undefined;
try {
  const versions = await preparePages(dir);
  store = args.neo4j
    ? await openStore({ neo4j: args.neo4j })
    : new MemoryGraphStore(path.join(dir, "graph.json"));
  if (!args.neo4j) await store.open();
  const first = await ingestPaths(store, [versions[0]]);
  if (first.failures.length > 0) throw new Error(first.failures[0]!.message);
  const stats = await store.stats();
  console.log(
    `${store.kind} store: ${stats.documents} documents, ${Object.values(stats.nodes).reduce((a, b) => a + b, 0)} entities`,
  );

  // Rate limiting is per client address and every load client is 127.0.0.1: off here, tested in tests/api.
  const server = await startHttpServer({
    store,
    host: "127.0.0.1",
    port: 0,
    limits: { rateLimitPerMinute: 0 },
    log: (line) => console.error(`server: ${line}`),
  });

  const unexpected: string[] = [];
  let graphqlErrors = 0;
  const check = (status: number, body: string) => {
    if (status !== 200) return; // counted by autocannon as non-2xx
    try {
      const json = JSON.parse(body) as { errors?: { message: string }[] };
      if (json.errors?.length) {
        graphqlErrors++;
        if (unexpected.length < 5) unexpected.push(json.errors[0]!.message);
      }
    } catch {
      graphqlErrors++;
    }
  };

  const warmup = Number(args.warmup);
  if (warmup > 0)
    await autocannon({ url: server.url, connections: 5, duration: warmup, requests: requestsFor(() => {}) });
  let running = true;
  const ingestLoop = (async () => {
    let rounds = 0;
    let replaced = 0;
    let failures = 0;
    const durations: number[] = [];
    while (running) {
      const started = performance.now();
      const result = await ingestPaths(store!, [versions[(rounds + 1) % 2]!]);
      if (store instanceof MemoryGraphStore) await store.save();
      durations.push(performance.now() - started);
      replaced += result.summary.documents.replaced + result.summary.documents.added;
      failures += result.failures.length;
      rounds++;
    }
    return { rounds, replaced, failures, durations };
  })();

  // Deliberately hostile requests alongside the load: each must be refused with 400/413.
  let deep = "name";
  for (let i = 0; i < 8; i++) deep = `relations(first: 2) { edges { node { ${deep} } } }`;
  const hostile = [
    {
      body: JSON.stringify({ query: `{ search(text: "工业") { edges { node { ${deep} } } } }` }),
      expect: [400],
    },
    { body: JSON.stringify({ query: "{ stats { documents } }", pad: "x".repeat(200_000) }), expect: [413] },
    {
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: stats { documents }`).join(" ")} }`,
      }),
      expect: [400],
    },
  ];
  let rejected = 0;
  const hostileLoop = (async () => {
    for (let i = 0; running; i++) {
      const h = hostile[i % hostile.length]!;
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: h.body,
      }).catch((err: Error) => ({ status: -1, text: async () => err.message }));
      await res.text();
      if (h.expect.includes(res.status)) rejected++;
      else unexpected.push(`hostile request ${i % hostile.length} got status ${res.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  console.log(`${connections} clients for ${seconds} s against ${server.url}/graphql while re-ingesting …`);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: requestsFor(check),
    timeout: 30,
  });
  running = false;
  const ingest = await ingestLoop;
  await hostileLoop;
  await server.close();

  const failed = result.non2xx + result.errors + result.timeouts + graphqlErrors + ingest.failures;
  const sorted = ingest.durations.sort((a, b) => a - b);
  const lines = [
    "",
    `requests        ${result.requests.total} (${result.requests.average.toFixed(0)}/s on average)`,
    `latency         p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `failed          ${failed} (non-2xx ${result.non2xx}, connection errors ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors}, ingest failures ${ingest.failures})`,
    `rejected        ${rejected} hostile request(s) refused as intended`,
    `re-ingest       ${ingest.rounds} round(s), ${ingest.replaced} document write(s), median round ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms`,
  ];
  console.log(lines.join("\n"));
  for (const message of unexpected) console.log(`unexpected: ${message}`);
  process.exitCode = failed > 0 || unexpected.length > 0 ? 1 : 0;
} finally {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
}
