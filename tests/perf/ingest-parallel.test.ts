// Ingestion with parallel, streaming extraction writes exactly what extracting
// each file in this thread and ingesting it did: the same graph for 1 and 2
// workers, files in input order, a large file written in bounded batches, and
// per-file failures (unreadable pages, bad .json, a store that goes away) that
// leave the other files alone.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePage } from "../../scripts/bench/corpus.js";
import { loadLexicon } from "../../scripts/bench/lexicon.js";
import { Random } from "../../scripts/bench/random.js";
import { ingestPaths } from "../../src/app/ingest.js";
import type { IngestPathsOptions, IngestPathsResult, IngestProgress } from "../../src/app/ingest.js";
import { readPages } from "../../src/extract/input/index.js";
import { extractPages } from "../../src/extract/pipeline.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import type { Extraction } from "../../src/types.js";

let dir: string;
let pagesDir: string;
let edition: string;
const texts: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-ingest-parallel-"));
  pagesDir = path.join(dir, "pages");
  const rng = new Random(7);
  const lexicon = loadLexicon();
  for (let i = 0; i < 10; i++) texts.push(generatePage(rng, lexicon, i));
  await mkdir(path.join(pagesDir, "a"), { recursive: true });
  for (const [i, text] of texts.slice(0, 6).entries())
    await writeFile(path.join(pagesDir, i < 3 ? "a" : "", `p${i}.txt`), text);
  // One file of several pages (what pdftotext writes): written in batches when they are small.
  edition = path.join(dir, "edition.txt");
  await writeFile(edition, texts.slice(4).join("\f"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ingest(
  inputs: string[],
  options: IngestPathsOptions,
  store = new MemoryGraphStore(null),
): Promise<{ result: IngestPathsResult; graph: Extraction; store: MemoryGraphStore }> {
  const result = await ingestPaths(store, inputs, options);
  return { result, graph: await store.exportAll(), store };
}

/** What ingest did before extraction went parallel: each file read, extracted and ingested here. */
async function fileByFile(files: string[]): Promise<Extraction> {
  const store = new MemoryGraphStore(null);
  for (const file of files) {
    const { pages, failures } = await readPages([file]);
    expect(failures).toEqual([]);
    await store.ingest(extractPages(pages));
  }
  await store.computeAnalytics();
  return store.exportAll();
}

describe("ingest with parallel extraction", () => {
  it("builds the same graph with 1 and 2 workers as file-by-file extraction did", async () => {
    const inputs = [pagesDir, edition];
    const one = await ingest(inputs, { workers: 1 });
    const two = await ingest(inputs, { workers: 2 });
    expect(one.result.workers).toBe(1);
    expect(two.result.workers).toBe(2);
    expect(one.result.failures).toEqual([]);
    expect(one.result.files).toBe(7);
    expect(one.graph.relations.length).toBeGreaterThan(20);
    expect(await two.store.stats()).toEqual(await one.store.stats());
    expect(two.result.summary).toEqual(one.result.summary);
    expect(two.result.articles).toBe(one.result.articles);
    expect(two.result.relations).toBe(one.result.relations);
    expect(JSON.stringify(two.graph)).toBe(JSON.stringify(one.graph));
    const files = [
      ...["a/p0.txt", "a/p1.txt", "a/p2.txt", "p3.txt", "p4.txt", "p5.txt"].map((f) =>
        path.join(pagesDir, f),
      ),
      edition,
    ];
    expect(JSON.stringify(one.graph)).toBe(JSON.stringify(await fileByFile(files)));
  });

  it("writes a large file in bounded batches, in order, with the same result for any number of workers", async () => {
    const calls: number[] = [];
    const progress: IngestProgress[] = [];
    const run = async (workers: number) => {
      const store = new MemoryGraphStore(null);
      const ingestOne = store.ingest.bind(store);
      store.ingest = (extraction, options) => {
        if (workers === 1) calls.push(new Set(extraction.documents.map((d) => d.id.split("#")[0])).size);
        return ingestOne(extraction, options);
      };
      // Batches of about one page, the file read as a stream.
      const batchChars = Math.min(...texts.map((t) => t.length));
      return ingest(
        [edition],
        { workers, batchChars, streamAbove: 0, onProgress: (p) => progress.push(p) },
        store,
      );
    };
    const one = await run(1);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // Each write holds a page or two, never the whole file (6 pages).
    expect(Math.max(...calls)).toBeLessThanOrEqual(2);
    expect(progress.length).toBe(calls.length + 1);
    expect(progress.at(-1)!.filesDone).toBe(1);
    const two = await run(2);
    expect(JSON.stringify(two.graph)).toBe(JSON.stringify(one.graph));
    // Entities named on several pages are merged by the store, as when the file is written at once.
    const whole = await ingest([edition], { workers: 1 });
    expect(await one.store.stats()).toEqual(await whole.store.stats());
    expect(one.graph.entities.map((e) => e.id).sort()).toEqual(whole.graph.entities.map((e) => e.id).sort());
  });

  it("names each failed file and ingests the others, .json extractions in their place", async () => {
    const missing = path.join(dir, "missing.txt");
    const binary = path.join(dir, "binary.txt");
    await writeFile(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]));
    const badJson = path.join(dir, "bad.json");
    await writeFile(badJson, JSON.stringify({ hello: "world" }));
    const extracted = path.join(dir, "p6.json");
    const p6 = path.join(dir, "p6.txt");
    await writeFile(p6, texts[6]!);
    await writeFile(extracted, JSON.stringify(extractPages((await readPages([p6])).pages)));
    const inputs = [
      missing,
      path.join(pagesDir, "p3.txt"),
      binary,
      badJson,
      extracted,
      path.join(pagesDir, "p4.txt"),
    ];
    const one = await ingest(inputs, { workers: 1 });
    const two = await ingest(inputs, { workers: 2 });
    expect(one.result.failures.map((f) => f.source)).toEqual([missing, binary, badJson]);
    for (const f of one.result.failures) {
      expect(f.message.startsWith(f.source)).toBe(true);
      expect(f.message).not.toContain("\n");
    }
    expect(two.result.failures).toEqual(one.result.failures);
    expect(JSON.stringify(two.graph)).toBe(JSON.stringify(one.graph));
    const sources = new Set(one.graph.documents.map((d) => path.basename(d.source)));
    expect([...sources].sort()).toEqual(["p3.txt", "p4.txt", "p6.txt"]);
    expect(one.result.unwrittenDocuments).toEqual([]);
  });

  it("reports a dry run without writing, and skips unchanged documents on a second run", async () => {
    const store = new MemoryGraphStore(null);
    const dry = await ingestPaths(store, [pagesDir], { workers: 2, dryRun: true });
    expect(dry.summary.dryRun).toBe(true);
    expect(dry.summary.documents.added).toBeGreaterThan(0);
    expect((await store.stats()).documents).toBe(0);
    const first = await ingestPaths(store, [pagesDir], { workers: 2 });
    expect(first.summary.documents.added).toBe(dry.summary.documents.added);
    // A small input is extracted in this thread by default: starting threads would cost more.
    const again = await ingestPaths(store, [pagesDir]);
    expect(again.workers).toBe(1);
    expect(again.summary.documents).toEqual({
      added: 0,
      replaced: 0,
      unchanged: dry.summary.documents.added,
    });
  });

  it("stops at a store that went away: the rest are named as not written, not tried", async () => {
    for (const workers of [1, 2]) {
      const store = new MemoryGraphStore(null);
      const ingestOne = store.ingest.bind(store);
      let calls = 0;
      store.ingest = (extraction, options) => {
        if (++calls < 3) return ingestOne(extraction, options);
        throw Object.assign(new Error("connection refused\nat somewhere"), { code: "ServiceUnavailable" });
      };
      const result = await ingestPaths(store, [pagesDir], { workers });
      expect(calls).toBe(3);
      expect(result.storeUnavailable).toBe("connection refused");
      expect(result.failures).toHaveLength(4);
      const [failed, ...rest] = result.failures;
      expect(failed!.message).toBe(`${failed!.source}: connection refused`);
      expect(path.basename(failed!.source)).toBe("p2.txt");
      for (const f of rest) expect(f.message).toBe(`${f.source}: not written (the store is unavailable)`);
      expect(result.unwrittenDocuments.length).toBeGreaterThan(0);
      expect(result.unwrittenDocuments.every((id) => id.startsWith("p2.txt#"))).toBe(true);
      expect((await store.stats()).documents).toBeGreaterThan(0);
    }
  });
});
