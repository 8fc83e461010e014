// Parallel, streaming extraction gives exactly the single-threaded result: the
// same merged interchange JSON for 1, 2 and 3 workers and for extractPages over
// the same pages, the same per-page lines in input order, and the same pages
// whether a form-feed file is read whole or streamed in chunks.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePage } from "../../scripts/bench/corpus.js";
import { loadLexicon } from "../../scripts/bench/lexicon.js";
import { Random } from "../../scripts/bench/random.js";
import { ExtractionMerger, extractStream, readPageStream } from "../../src/extract/parallel/index.js";
import type { ExtractedItem, PageItem } from "../../src/extract/parallel/index.js";
import { extractPages } from "../../src/extract/pipeline.js";
import type { RawPage } from "../../src/extract/types.js";

let dir: string;
const texts: string[] = [];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function merged(items: ExtractedItem[]): string {
  const merger = new ExtractionMerger();
  for (const item of items) if ("extraction" in item) merger.add(item.extraction);
  return JSON.stringify(merger.result());
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-parallel-"));
  const rng = new Random(42);
  const lexicon = loadLexicon();
  for (let i = 0; i < 8; i++) texts.push(generatePage(rng, lexicon, i));
  await mkdir(path.join(dir, "pages", "b"), { recursive: true });
  // Two folders, so that the sorted, recursive order is part of what is compared.
  for (const [i, text] of texts.entries())
    await writeFile(path.join(dir, "pages", i < 4 ? "b" : "", `p${String(i).padStart(2, "0")}.txt`), text);
  await writeFile(path.join(dir, "edition.txt"), texts.slice(0, 5).join("\f"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("parallel extraction", () => {
  it("merges to the same JSON as extractPages, whatever the number of workers", async () => {
    const pages = (await collect(readPageStream([path.join(dir, "pages")])))
      .filter((item): item is { page: RawPage } => "page" in item)
      .map((item) => item.page);
    expect(pages).toHaveLength(8);
    const reference = JSON.stringify(extractPages(pages));
    expect(JSON.parse(reference).relations.length).toBeGreaterThan(20);
    for (const workers of [1, 2, 3]) {
      const items = await collect(extractStream(readPageStream([path.join(dir, "pages")]), { workers }));
      expect(items.map((i) => ("page" in i ? i.page.name : "failure"))).toEqual(pages.map((p) => p.name));
      expect(merged(items), `${workers} worker(s)`).toBe(reference);
    }
  });

  it("yields one extraction per page in input order, failures in their place", async () => {
    const inputs = [
      path.join(dir, "edition.txt"),
      path.join(dir, "missing.txt"),
      path.join(dir, "pages", "p06.txt"),
    ];
    const one = await collect(extractStream(readPageStream(inputs), { workers: 1 }));
    const two = await collect(extractStream(readPageStream(inputs), { workers: 2, aheadPerWorker: 1 }));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.map((i) => ("page" in i ? i.page.name : "failed"))).toEqual([
      "edition.txt",
      "edition.txt~p2",
      "edition.txt~p3",
      "edition.txt~p4",
      "edition.txt~p5",
      "failed",
      "p06.txt",
    ]);
    const first = one[1]!;
    expect("extraction" in first && first.extraction.documents[0]!.id.startsWith("edition.txt~p2#")).toBe(
      true,
    );
  });

  it("cuts a large file at form feeds while streaming, into the same pages as a whole read", async () => {
    const file = path.join(dir, "edition.txt");
    const whole = await collect(readPageStream([file]));
    const streamed = await collect(readPageStream([file], process.stdin, { streamAbove: 0 }));
    expect(streamed).toEqual(whole);
    expect(whole.map((item: PageItem) => ("page" in item ? item.page.text : ""))).toEqual(texts.slice(0, 5));
  });
});
