// Starts the real `policygraph serve` stack (embedded store, Apollo over
// node:http, the explorer's static handler) on a free port over a fixture.
import { startHttpServer } from "../../src/api/http.js";
import type { RunningServer } from "../../src/api/http.js";
import { createStaticHandler } from "../../src/explorer/static.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import type { Extraction } from "../../src/types.js";

export async function serveFixture(
  extraction: Extraction,
  options: { port?: number; webRoot?: string; apiKey?: string } = {},
): Promise<RunningServer> {
  const store = new MemoryGraphStore(null);
  await store.open();
  await store.ingest(extraction);
  await store.computeAnalytics();
  const server = await startHttpServer({
    store,
    port: options.port ?? 0,
    site: createStaticHandler(options.webRoot ? { root: options.webRoot } : {}),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    log: () => {},
  });
  const close = server.close;
  return {
    ...server,
    close: async () => {
      await close();
      await store.close();
    },
  };
}
