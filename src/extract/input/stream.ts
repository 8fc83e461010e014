// Reading one large file as a stream of pages: the encoding is sniffed from the
// first bytes, the rest is decoded chunk by chunk and cut into bounded pages
// (chunk.ts), so memory holds a few MB of the file, never the whole of it (nor
// a copy of it as bytes and another as text). HTML needs the whole document for
// its structure and is read whole; markdown and plain text are line-local.
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import type { RawPage } from "../types.js";
import { PageChunker } from "./chunk.js";
import { chunkDecoder, decode, pageFormat, textEncoding, toPageText } from "./decode.js";
import { SNIFF_BYTES, sniff } from "./sniff.js";

/** Files above this size are streamed and cut into pages instead of read whole. */
export const STREAM_BYTES = 16 * 1024 * 1024;

/** Name of the n-th page of a file (1-based): the file name, then `<name>~p2`, `~p3`, … */
export function pageName(base: string, n: number): string {
  return n === 1 ? base : `${base}~p${n}`;
}

async function head(file: string): Promise<{ sample: Buffer; size: number }> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const sample = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    return { sample: sample.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

export interface StreamOptions {
  /** Page size bound, characters (default chunk.ts's MAX_PAGE_CHARS). */
  maxPageChars?: number;
  /** Bytes read at a time. */
  chunkBytes?: number;
}

/**
 * The pages of one file, in order, as it is read. Throws InputError (one line,
 * naming the file) for empty, binary or undecodable files before any page.
 */
export async function* streamFilePages(file: string, options: StreamOptions = {}): AsyncGenerator<RawPage> {
  const base = path.basename(file);
  const { sample, size } = await head(file);
  const { encoding, bom } = textEncoding(sniff(sample, sample.length === size), file);
  let n = 0;
  if (pageFormat(file, new TextDecoder().decode(sample.subarray(0, 2048))) === "html") {
    yield { source: file, name: base, text: decode(await readFile(file), file) };
    return;
  }
  const decoder = chunkDecoder(encoding);
  const chunker = new PageChunker(options.maxPageChars);
  const pages = function* (texts: string[]): Generator<RawPage> {
    for (const raw of texts) {
      const text = toPageText(raw, file);
      if (text.trim() !== "") yield { source: file, name: pageName(base, ++n), text };
    }
  };
  const stream = createReadStream(file, { start: bom, highWaterMark: options.chunkBytes ?? 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) yield* pages(chunker.push(decoder.write(chunk)));
  yield* pages([...chunker.push(decoder.end()), ...chunker.end()]);
}
