// Worker thread: extracts one page per message. Pages are independent (every
// pipeline stage is a pure function of one page), so any worker can take any page.
import { parentPort } from "node:worker_threads";
import { extractPages } from "../pipeline.js";
import type { ExtractOptions } from "../pipeline.js";
import type { RawPage } from "../types.js";

export interface PageTask {
  seq: number;
  page: RawPage;
  options: ExtractOptions;
}

parentPort?.on("message", ({ seq, page, options }: PageTask) => {
  try {
    parentPort!.postMessage({ seq, extraction: extractPages([page], options) });
  } catch (err) {
    parentPort!.postMessage({
      seq,
      error: (err instanceof Error ? err.message : String(err)).split("\n")[0],
    });
  }
});
