// Extraction over a stream of pages on worker threads. Pages go in batches (batch.ts)
// to whichever worker is free; results come back in input order (a small reorder
// buffer), and at most a few batches per worker are read ahead, so memory stays flat
// however large the input. One worker (or a single page) runs in this thread
// instead: same function, no start-up cost, and the reference for the parallel output.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractOptions } from "../pipeline.js";
import type { InputFailure } from "../input/index.js";
import type { Extraction } from "../../types.js";
import type { RawPage } from "../types.js";
import type { PageItem } from "./pages.js";
import { BATCH_CHARS, BATCH_PAGES, extractBatch } from "./batch.js";
import type { PageResult } from "./batch.js";

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads; default: one per core. 1 runs in the calling thread. */
  workers?: number;
  /** Batches of pages (batch.ts) read ahead per worker (bounds memory). */
  aheadPerWorker?: number;
}

export interface PageInfo {
  source: string;
  name: string;
  /** UTF-16 code units of the page text. */
  chars: number;
}

export type ExtractedItem = { page: PageInfo; extraction: Extraction } | { failure: InputFailure };

type Outcome = ExtractedItem;

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Items grouped into batches of pages (see batch.ts), failures keeping their place. */
async function* batches(items: AsyncIterable<PageItem>): AsyncGenerator<PageItem[]> {
  let batch: PageItem[] = [];
  let pages = 0;
  let chars = 0;
  for await (const item of items) {
    batch.push(item);
    if ("page" in item) {
      pages++;
      chars += item.page.text.length;
    }
    if (pages >= BATCH_PAGES || chars >= BATCH_CHARS) {
      yield batch;
      batch = [];
      pages = 0;
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

const pagesOf = (batch: PageItem[]): RawPage[] =>
  batch.flatMap((item) => ("page" in item ? [item.page] : []));

/** The outcome of each item of a batch, in order, from its pages' results. */
function outcomes(batch: PageItem[], results: PageResult[]): Outcome[] {
  let k = 0;
  return batch.map((item) => {
    if ("failure" in item) return item;
    const { source, name, text } = item.page;
    const result = results[k++]!;
    return "extraction" in result
      ? { page: { source, name, chars: text.length }, extraction: result.extraction }
      : { failure: { source, message: `${source}: extraction failed (${result.error})` } };
  });
}

/** A worker thread running worker.js, or worker.ts through tsx when this module runs from source. */
function startWorker(): Worker {
  const ts = import.meta.url.endsWith(".ts");
  const url = new URL(`./worker.${ts ? "ts" : "js"}`, import.meta.url);
  if (!ts) return new Worker(url);
  // Workers do not inherit the parent's loader hooks (vitest, tsx): register tsx's
  // in the new thread before importing the TypeScript worker.
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function pick(options: ParallelOptions): ExtractOptions {
  return {
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.withText !== undefined ? { withText: options.withText } : {}),
  };
}

/** Extract every page of `items`, yielding one result per item in input order. */
export async function* extractStream(
  items: AsyncIterable<PageItem>,
  options: ParallelOptions = {},
): AsyncGenerator<ExtractedItem> {
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  const extractOptions = pick(options);
  const source = items[Symbol.asyncIterator]();
  // Peek at two items: a single page is not worth starting threads for.
  const head: PageItem[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
  }
  async function* all(): AsyncGenerator<PageItem> {
    yield* head;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  if (workers === 1 || head.length < 2) {
    for await (const batch of batches(all()))
      yield* outcomes(batch, extractBatch(pagesOf(batch), extractOptions));
    return;
  }
  yield* runPool(batches(all()), workers, extractOptions, options.aheadPerWorker ?? 2);
}

async function* runPool(
  items: AsyncGenerator<PageItem[]>,
  size: number,
  extractOptions: ExtractOptions,
  ahead: number,
): AsyncGenerator<ExtractedItem> {
  const pool = Array.from({ length: size }, startWorker);
  // Two batches in flight per worker: the next one already waits in its port when it
  // finishes, so a worker does not sit idle while this thread is busy (writing to
  // the store, say) and cannot hand it a new batch.
  const idle = [...pool, ...pool];
  const waiting: { seq: number; pages: RawPage[] }[] = [];
  const sent = new Map<number, PageItem[]>();
  const done = new Map<number, Outcome[]>();
  let crashed: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  const dispatch = (worker: Worker) => {
    const task = waiting.shift();
    if (!task) return void idle.push(worker);
    worker.postMessage({ seq: task.seq, pages: task.pages, options: extractOptions });
  };
  for (const worker of pool) {
    worker.on("message", (msg: { seq: number; results: PageResult[] }) => {
      const batch = sent.get(msg.seq)!;
      sent.delete(msg.seq);
      done.set(msg.seq, outcomes(batch, msg.results));
      dispatch(worker);
      signal();
    });
    worker.on("error", (err) => {
      crashed = err;
      signal();
    });
  }
  let nextSeq = 0;
  let emitted = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && nextSeq - emitted < size * ahead) {
        const next = await items.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const seq = nextSeq++;
        const batch = next.value;
        const pages = pagesOf(batch);
        if (pages.length === 0) {
          done.set(seq, outcomes(batch, []));
          continue;
        }
        sent.set(seq, batch);
        waiting.push({ seq, pages });
        const worker = idle.pop();
        if (worker) dispatch(worker);
      }
      while (done.has(emitted)) {
        const list = done.get(emitted)!;
        done.delete(emitted++);
        yield* list;
      }
      if (crashed) throw crashed;
      if (exhausted && emitted === nextSeq) return;
      if (!done.has(emitted) && (exhausted || nextSeq - emitted >= size * ahead))
        await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
