// Streaming, parallel extraction: pages read one at a time, extracted on worker
// threads, results in input order, merged (or written line by line) as they come.
export { ExtractionMerger } from "./merge-extractions.js";
export { filePageItems, readPageStream, splitPages, pageName, STREAM_THRESHOLD } from "./pages.js";
export type { PageItem } from "./pages.js";
export { extractStream, defaultWorkers } from "./pool.js";
export type { ExtractedItem, PageInfo, ParallelOptions } from "./pool.js";
