// Writing a generated corpus to disk page by page (never more than one page in
// memory): folders of 500 page files, or one file with form feeds between pages.
// A manifest records size and seed, so the benchmark can reuse a corpus it made.
import { createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { generatePage } from "./corpus.js";
import { loadLexicon } from "./lexicon.js";
import { Random } from "./random.js";

export interface CorpusOptions {
  /** Megabytes (10^6 bytes) of UTF-8 text to write. */
  mb: number;
  out: string;
  seed?: number;
  /** One file with form feeds between pages instead of one file per page. */
  single?: boolean;
  onProgress?: (bytes: number, pages: number) => void;
}

export interface CorpusManifest {
  mb: number;
  seed: number;
  single: boolean;
  pages: number;
  bytes: number;
  /** What to pass to `extract`: the folder of pages or the single file. */
  input: string;
}

const PER_FOLDER = 500;

async function put(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

export async function writeCorpus(options: CorpusOptions): Promise<CorpusManifest> {
  const seed = options.seed ?? 1;
  const rng = new Random(seed);
  const lexicon = loadLexicon();
  const target = Math.round(options.mb * 1e6);
  const pagesDir = path.join(options.out, "pages");
  const input = options.single ? path.join(options.out, "pages.txt") : pagesDir;
  await mkdir(options.single ? options.out : pagesDir, { recursive: true });
  const single = options.single ? createWriteStream(input, "utf8") : null;
  let bytes = 0;
  let pages = 0;
  while (bytes < target) {
    const text = generatePage(rng, lexicon, pages);
    if (single) await put(single, pages === 0 ? text : `\f${text}`);
    else {
      const folder = path.join(pagesDir, String(Math.floor(pages / PER_FOLDER)).padStart(4, "0"));
      if (pages % PER_FOLDER === 0) await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, `page_${String(pages).padStart(7, "0")}.txt`), text, "utf8");
    }
    bytes += Buffer.byteLength(text, "utf8") + (single && pages > 0 ? 1 : 0);
    pages++;
    if (pages % 500 === 0) options.onProgress?.(bytes, pages);
  }
  if (single) await close(single);
  const manifest: CorpusManifest = { mb: options.mb, seed, single: !!options.single, pages, bytes, input };
  await writeFile(path.join(options.out, "corpus.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** The manifest of a corpus already written with these options, if any. */
export async function existingCorpus(out: string, mb: number, seed: number, single = false) {
  try {
    const m = JSON.parse(await readFile(path.join(out, "corpus.json"), "utf8")) as CorpusManifest;
    return m.mb === mb && m.seed === seed && m.single === single ? m : null;
  } catch {
    return null;
  }
}
