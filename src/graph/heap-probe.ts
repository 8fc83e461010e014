// Child process of measureEmbeddedHeap(): builds an embedded graph of N synthetic
// relations, drops the extraction, runs full GCs and prints one JSON line. Needs
// node --expose-gc.
import { benchEmbeddedIngest, benchExtraction } from "./ingest-bench.js";
import { MemoryGraphStore } from "./memory/store.js";
import { readLatencies } from "./read-probe.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const relations = Number(process.argv[2] ?? 1_000_000);
const store = new MemoryGraphStore(null);
// The extraction lives only inside this call, so the GCs below can free it.
const figure = await benchEmbeddedIngest(benchExtraction(relations), store);
gc();
gc();
const stats = await store.stats();
const memory = process.memoryUsage();
const reads = await readLatencies(store);
console.log(
  JSON.stringify({
    ...figure,
    storedRelations: Object.values(stats.relations).reduce((a, b) => a + b, 0),
    heapMb: Math.round(memory.heapUsed / 2 ** 20),
    rssMb: Math.round(memory.rss / 2 ** 20),
    reads,
  }),
);
