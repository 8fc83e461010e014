// Building the graph from files: each file is read, extracted and merged into the
// store on its own, so one bad file costs only itself, progress can be reported
// per file, and memory stays bounded by the largest file. Analytics are
// recomputed once at the end. A `.json` file is taken as an interchange
// Extraction (the output of `policygraph extract --format json`).
//
// When the store becomes unreachable (Neo4j stopped: the driver has already
// retried with backoff for its retry window), the file in progress and every file
// after it are reported as not written and not tried, instead of each waiting out
// the retry window again; the documents that did not make it are listed. A re-run
// redoes exactly those (unchanged documents are skipped, half-written ones redone).
import { readFile, stat } from "node:fs/promises";
import { listPageFiles, readPages } from "../extract/input/index.js";
import { extractPages } from "../extract/pipeline.js";
import type { GraphStore, IngestSummary } from "../graph/store.js";
import { IngestFailedError } from "../graph/store.js";
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
  onProgress?: (progress: IngestProgress) => void;
}

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

export function emptyIngestSummary(dryRun: boolean): IngestSummary {
  return {
    documents: { added: 0, replaced: 0, unchanged: 0 },
    entities: { created: {}, updated: {}, removed: {} },
    relations: { created: {}, updated: {}, removed: {} },
    evidence: { added: 0, removed: 0 },
    dryRun,
  };
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

async function extractionOf(file: string, date: string | undefined): Promise<Extraction> {
  if (file.toLowerCase().endsWith(".json")) {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Extraction>;
    if (!Array.isArray(parsed.documents) || !Array.isArray(parsed.entities))
      throw new Error(`${file}: not an extraction (expected {documents, entities, relations})`);
    return { documents: parsed.documents, entities: parsed.entities, relations: parsed.relations ?? [] };
  }
  const { pages, failures } = await readPages([file]);
  if (failures.length > 0) throw new Error(failures[0]!.message);
  return extractPages(pages, date === undefined ? {} : { date });
}

export async function ingestPaths(
  store: GraphStore,
  inputs: string[],
  options: IngestPathsOptions = {},
): Promise<IngestPathsResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const summary = emptyIngestSummary(dryRun);
  const { files, failures } = await expandInputs(inputs);
  let articles = 0;
  let entities = 0;
  let relations = 0;
  const unwrittenDocuments: string[] = [];
  let storeUnavailable: string | undefined;
  for (const [i, file] of files.entries()) {
    if (storeUnavailable !== undefined) {
      failures.push({ source: file, message: `${file}: not written (the store is unavailable)` });
      continue;
    }
    let extraction: Extraction | undefined;
    try {
      extraction = await extractionOf(file, options.date);
      addSummary(summary, await store.ingest(extraction, { dryRun }));
      articles += extraction.documents.length;
      entities += extraction.entities.length;
      relations += extraction.relations.length;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
      failures.push({ source: file, message: message.includes(file) ? message : `${file}: ${message}` });
      if (err instanceof IngestFailedError) unwrittenDocuments.push(...err.unwrittenDocuments);
      else if (extraction) unwrittenDocuments.push(...extraction.documents.map((d) => d.id));
      if (isStoreUnavailable(err)) storeUnavailable = message;
    }
    options.onProgress?.({
      file,
      filesDone: i + 1,
      filesTotal: files.length,
      articles,
      entities,
      relations,
      seconds: (performance.now() - started) / 1000,
    });
  }
  const changed = summary.documents.added + summary.documents.replaced > 0;
  if (!dryRun && changed && storeUnavailable === undefined) await store.computeAnalytics();
  return {
    summary,
    failures,
    files: files.length,
    articles,
    relations,
    seconds: (performance.now() - started) / 1000,
    unwrittenDocuments,
    ...(storeUnavailable !== undefined ? { storeUnavailable } : {}),
  };
}
