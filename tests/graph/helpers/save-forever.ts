// Child process for the kill -9 test: grows the graph in the given file and saves
// it again and again until killed, printing "saving" before each save.
import { MemoryGraphStore } from "../../../src/graph/memory/store.js";
import { syntheticExtraction } from "../../../src/graph/synthetic.js";

const file = process.argv[2]!;
const store = new MemoryGraphStore(file);
await store.open();
await store.ingest(syntheticExtraction({ documents: 3000, seed: 11 }));
for (;;) {
  process.stdout.write("saving\n");
  await store.save();
}
