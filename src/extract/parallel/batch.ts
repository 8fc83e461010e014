// Pages are extracted in batches (extractEachPage): the larger the batch, the longer each
// stage keeps its tables in the CPU's caches, and a page's result is the same either way.
import { extractEachPage, extractPages } from "../pipeline.js";
import type { ExtractOptions } from "../pipeline.js";
import type { Extraction } from "../../types.js";
import type { RawPage } from "../types.js";

/** A batch closes at this many pages or code units, whichever comes first (memory stays flat). */
export const BATCH_PAGES = 16;
export const BATCH_CHARS = 256 * 1024;

/** One page's outcome: its extraction, or the first line of the error it failed with. */
export type PageResult = { extraction: Extraction } | { error: string };

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split("\n")[0]!;

/** The pages extracted together; when that fails, each on its own, so that only a failing page fails. */
export function extractBatch(pages: RawPage[], options: ExtractOptions): PageResult[] {
  try {
    return extractEachPage(pages, options).map((extraction) => ({ extraction }));
  } catch {
    return pages.map((page) => {
      try {
        return { extraction: extractPages([page], options) };
      } catch (err) {
        return { error: firstLine(err) };
      }
    });
  }
}
