// Building the graph from files. Pages are read one at a time and extracted on
// worker threads (src/extract/parallel), and each file's extraction is merged
// into the store on its own, in input order: one bad file costs only itself,
// progress is reported per file, and the result is the same whatever the number
// of workers. A file larger than a batch (BATCH_CHARS of page text) is written
// in several batches, so memory does not grow with the input: entities named in
// several batches are merged by id in the store, as across files. Analytics are
// recomputed once at the end. A `.json` file is taken as an interchange
// Extraction (the output of `policygraph extract --format json`).
//
// When the store becomes unreachable (Neo4j stopped: the driver has already
// retried with backoff for its retry window), the file in progress and every file
// after it are reported as not written and not tried, instead of each waiting out
// the retry window again; the documents that did not make it are listed. A re-run
// redoes exactly those (unchanged documents are skipped, half-written ones redone).
import { readFile, stat } from "node:fs/promises";
import { listPageFiles } from "../extract/input/index.js";
import {
  ExtractionMerger,
  STREAM_THRESHOLD,
  defaultWorkers,
  extractStream,
  filePageItems,
} from "../extract/parallel/index.js";
import type { PageItem } from "../extract/parallel/index.js";
import type { GraphStore, IngestSummary } from "../graph/store.js";
import { IngestFailedError } from "../graph/store.js";
import { emptySummary } from "../graph/prepare.js";
import type { Extraction } from "../types.js";

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  articles: number;
  entities: number;
  relations: number;
  seconds: number;
}

export interface IngestPathsOptions {
  dryRun?: boolean;
  /** YYYY-MM-DD for pages that print no date. */
  date?: string;
  /**
   * Extraction threads; 1 extracts in this thread. Default: one per core, or 1
   * when the pages add up to less than PARALLEL_MIN_BYTES (starting threads costs more).
   */
  workers?: number;
  /** Page text (UTF-16 code units) of one file merged before it is written; larger files go in batches. */
  batchChars?: number;
  /** Files above this many bytes are read as a stream of bounded pages. */
  streamAbove?: number;
  /** After each file, and after each batch of a file written in several. */
  onProgress?: (progress: IngestProgress) => void;
}

/** Page text per store write: about 3 MB of Chinese, some tens of MB of extraction in memory. */
export const BATCH_CHARS = 1_000_000;

/**
 * Below this much page input the default is one thread: each worker loads the
 * segmenter's dictionary and the gazetteers (about a second here), which is more
 * than extracting a megabyte costs.
 */
export const PARALLEL_MIN_BYTES = 1_000_000;

export interface FileFailure {
  source: string;
  message: string;
}

export interface IngestPathsResult {
  summary: IngestSummary;
  failures: FileFailure[];
  files: number;
  articles: number;
  /** Relations (with their evidence) handed to the store. */
  relations: number;
  seconds: number;
  /** Extraction threads used (1: this thread). */
  workers: number;
  /** Ids of documents that were extracted but are not (fully) in the store; a re-run writes them. */
  unwrittenDocuments: string[];
  /** Set when the store became unreachable and the remaining files were not tried. */
  storeUnavailable?: string;
}

const UNAVAILABLE = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** The store's server is gone (not a problem of this file): the driver's own retries are exhausted. */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE.has(code)) return true;
  }
  return false;
}

function addCounts(into: Record<string, number>, from: Record<string, number> | undefined): void {
  for (const [k, n] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + n;
}

export function addSummary(into: IngestSummary, from: IngestSummary): void {
  for (const k of ["added", "replaced", "unchanged"] as const) into.documents[k] += from.documents[k];
  for (const part of ["entities", "relations"] as const)
    for (const k of ["created", "updated", "removed"] as const)
      addCounts((into[part][k] ??= {}), from[part][k]);
  into.evidence.added += from.evidence.added;
  into.evidence.removed += from.evidence.removed;
}

/** Files named by `inputs`, folders expanded (pages and .json extractions). */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; failures: FileFailure[] }> {
  const files: string[] = [];
  const failures: FileFailure[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (!info.isDirectory()) files.push(input);
      else {
        const found = await listPageFiles(input);
        if (found.length === 0)
          failures.push({ source: input, message: `${input}: no .txt, .md or .html files in this folder` });
        files.push(...found);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      failures.push({
        source: input,
        message: `${input}: ${code === "ENOENT" ? "no such file or directory" : String(err)}`,
      });
    }
  }
  return { files, failures };
}

const isExtractionFile = (file: string) => file.toLowerCase().endsWith(".json");

async function readExtraction(file: string): Promise<Extraction> {
  const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Extraction>;
  if (!Array.isArray(parsed.documents) || !Array.isArray(parsed.entities))
    throw new Error(`${file}: not an extraction (expected {documents, entities, relations})`);
  return { documents: parsed.documents, entities: parsed.entities, relations: parsed.relations ?? [] };
}

async function defaultWorkerCount(files: string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    if (isExtractionFile(file)) continue;
    bytes += await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    if (bytes >= PARALLEL_MIN_BYTES) return defaultWorkers();
  }
  return 1;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]!;

/**
 * Where each extracted page comes from: one entry per page handed to extraction,
 * in the same order, plus an entry without a page for each file that has none
 * (.json extractions, files of blank pages), so those keep their place in line.
 */
interface Place {
  index: number;
  page: boolean;
}

export async function ingestPaths(
  // Only these two: the bulk load hands in a collector of extractions (graph/neo4j/bulk/collect.ts).
  store: Pick<GraphStore, "ingest" | "computeAnalytics">,
  inputs: string[],
  options: IngestPathsOptions = {},
): Promise<IngestPathsResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const batchChars = options.batchChars ?? BATCH_CHARS;
  const streamAbove = options.streamAbove ?? STREAM_THRESHOLD;
  const summary = emptySummary(dryRun);
  const { files, failures } = await expandInputs(inputs);
  const workers = options.workers ?? (await defaultWorkerCount(files));
  let articles = 0;
  let entities = 0;
  let relations = 0;
  const unwrittenDocuments: string[] = [];
  let storeUnavailable: string | undefined;

  const places: Place[] = [];
  async function* pages(): AsyncGenerator<PageItem> {
    for (const [index, file] of files.entries()) {
      let any = false;
      if (!isExtractionFile(file))
        for await (const item of filePageItems(file, streamAbove)) {
          any = true;
          places.push({ index, page: true });
          yield item;
        }
      if (!any) places.push({ index, page: false });
    }
  }

  // The file being merged, and whether it failed (its remaining pages are dropped).
  // A batch of one page (most files) is written as extracted: merging it again
  // would give the same extraction at the cost of a copy and another linking pass.
  let current = -1;
  let failed = false;
  let single: Extraction | null = null;
  let merger: ExtractionMerger | null = null;
  let chars = 0;
  let filesDone = 0;

  const fail = (index: number, message: string) => {
    const file = files[index]!;
    failed = true;
    merger = single = null;
    failures.push({ source: file, message: message.includes(file) ? message : `${file}: ${message}` });
  };
  const progress = (file: string) =>
    options.onProgress?.({
      file,
      filesDone,
      filesTotal: files.length,
      articles,
      entities,
      relations,
      seconds: (performance.now() - started) / 1000,
    });
  const write = async (index: number, extraction: Extraction) => {
    try {
      addSummary(summary, await store.ingest(extraction, { dryRun }));
      articles += extraction.documents.length;
      entities += extraction.entities.length;
      relations += extraction.relations.length;
    } catch (err) {
      fail(index, firstLine(err));
      if (err instanceof IngestFailedError) unwrittenDocuments.push(...err.unwrittenDocuments);
      else unwrittenDocuments.push(...extraction.documents.map((d) => d.id));
      if (isStoreUnavailable(err)) storeUnavailable = firstLine(err);
    }
  };
  const add = (extraction: Extraction) => {
    if (!single) single = extraction;
    else {
      if (!merger) (merger = new ExtractionMerger()).add(single);
      merger.add(extraction);
    }
  };
  const flush = async () => {
    const extraction = failed ? null : merger ? merger.result() : single;
    merger = single = null;
    chars = 0;
    if (extraction) await write(current, extraction);
  };
  const finish = async () => {
    if (current < 0) return;
    await flush();
    filesDone++;
    progress(files[current]!);
    current = -1;
  };
  /** Start on file `index`; false when writing the previous one found the store gone. */
  const begin = async (index: number): Promise<boolean> => {
    await finish();
    if (storeUnavailable !== undefined) return false;
    current = index;
    failed = false;
    return true;
  };
  // Files with no page to extract, up to the next page's.
  const passPageless = async () => {
    while (places.length > 0 && !places[0]!.page && storeUnavailable === undefined) {
      const { index } = places.shift()!;
      if (!(await begin(index))) return;
      const file = files[index]!;
      if (isExtractionFile(file)) {
        try {
          await write(index, await readExtraction(file));
        } catch (err) {
          fail(index, firstLine(err));
        }
      }
      await finish();
    }
  };

  const source = pages();
  const extracted = extractStream(source, { workers, ...(options.date ? { date: options.date } : {}) });
  let stopped: string | undefined;
  try {
    for await (const item of extracted) {
      await passPageless();
      if (storeUnavailable !== undefined) break;
      const { index } = places.shift()!;
      if (index !== current && !(await begin(index))) break;
      if (failed) continue;
      if ("failure" in item) {
        fail(index, item.failure.message);
        continue;
      }
      add(item.extraction);
      chars += item.page.chars;
      if (chars >= batchChars) {
        await flush();
        progress(files[index]!);
        if (storeUnavailable !== undefined) break;
      }
    }
    if (storeUnavailable === undefined) {
      await passPageless();
      await finish();
    }
  } catch (err) {
    // A worker thread died (out of memory, say): what was written stays written.
    stopped = firstLine(err);
    if (current >= 0 && !failed) fail(current, `not ingested (extraction stopped: ${stopped})`);
  } finally {
    await source.return(undefined);
  }
  const from = current >= 0 ? current + 1 : filesDone;
  for (const file of files.slice(from))
    if (storeUnavailable !== undefined)
      failures.push({ source: file, message: `${file}: not written (the store is unavailable)` });
    else if (stopped !== undefined)
      failures.push({ source: file, message: `${file}: not ingested (extraction stopped: ${stopped})` });

  const changed = summary.documents.added + summary.documents.replaced > 0;
  if (!dryRun && changed && storeUnavailable === undefined) await store.computeAnalytics();
  return {
    summary,
    failures,
    files: files.length,
    articles,
    relations,
    seconds: (performance.now() - started) / 1000,
    workers,
    unwrittenDocuments,
    ...(storeUnavailable !== undefined ? { storeUnavailable } : {}),
  };
}
