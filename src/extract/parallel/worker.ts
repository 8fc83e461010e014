// Worker thread: extracts a batch of pages per message (see batch.ts). Pages are independent
// (every pipeline stage is a pure function of one page), so any worker can take any page.
import { parentPort } from "node:worker_threads";
import type { ExtractOptions } from "../pipeline.js";
import type { RawPage } from "../types.js";
import { extractBatch } from "./batch.js";

export interface PageTask {
  seq: number;
  pages: RawPage[];
  options: ExtractOptions;
}

parentPort?.on("message", ({ seq, pages, options }: PageTask) => {
  parentPort!.postMessage({ seq, results: extractBatch(pages, options) });
});
