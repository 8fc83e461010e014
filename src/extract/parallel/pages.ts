// Pages from files, folders and standard input, one at a time and in input order,
// so that extraction can start before everything is read and memory is bounded by
// one page, not by the input. A file may hold several pages separated by form
// feeds (what pdftotext writes); large files are read as a stream and cut at
// those form feeds, so a 1 GB dump never sits in memory whole. Pages after the
// first of a file are named `<file>~p<n>`, so their document ids stay unique.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError, decode, listPageFiles, readStream, streamFilePages } from "../input/index.js";
import type { InputFailure } from "../input/index.js";
import type { RawPage } from "../types.js";

export type PageItem = { page: RawPage } | { failure: InputFailure };

/** Files above this size are streamed and cut at form feeds instead of read whole. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

const FORM_FEED = "\f";

export function pageName(base: string, n: number): string {
  return n === 1 ? base : `${base}~p${n}`;
}

/** The pages of one decoded file: split at form feeds, blank pieces dropped. */
export function splitPages(source: string, base: string, text: string): RawPage[] {
  if (!text.includes(FORM_FEED)) return [{ source, name: base, text }];
  const pages: RawPage[] = [];
  for (const piece of text.split(FORM_FEED))
    if (piece.trim() !== "") pages.push({ source, name: pageName(base, pages.length + 1), text: piece });
  return pages;
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

function failure(source: string, err: unknown): PageItem {
  const message = err instanceof InputError ? err.message : `${source}: ${describe(err)}`;
  return { failure: { source, message } };
}

/** The pages of one file in order (streamed above `streamAbove` bytes), a failure in place of the rest. */
export async function* filePageItems(
  file: string,
  streamAbove: number = STREAM_THRESHOLD,
): AsyncGenerator<PageItem> {
  try {
    const info = await stat(file);
    if (info.size > streamAbove) {
      // Any encoding, cut at form feeds and into bounded pages while reading (input/stream.ts).
      for await (const page of streamFilePages(file)) yield { page };
      return;
    }
    const text = decode(await readFile(file), file);
    for (const page of splitPages(file, path.basename(file), text)) yield { page };
  } catch (err) {
    yield failure(file, err);
  }
}

/**
 * Every page named by `inputs` (files, folders recursively in sorted order, "-"
 * for `stdin`), in order, with unreadable inputs as failures in their place.
 */
export async function* readPageStream(
  inputs: string[],
  stdin: NodeJS.ReadableStream = process.stdin,
  options: { streamAbove?: number } = {},
): AsyncGenerator<PageItem> {
  const streamAbove = options.streamAbove ?? STREAM_THRESHOLD;
  for (const input of inputs) {
    if (input === "-") {
      try {
        const text = decode(await readStream(stdin), "standard input");
        for (const page of splitPages("-", "stdin", text)) yield { page };
      } catch (err) {
        yield failure("standard input", err);
      }
      continue;
    }
    let files: string[];
    try {
      const info = await stat(input);
      files = info.isDirectory() ? await listPageFiles(input) : [input];
      if (info.isDirectory() && files.length === 0)
        yield { failure: { source: input, message: `${input}: no .txt, .md or .html files in this folder` } };
    } catch (err) {
      yield failure(input, err);
      continue;
    }
    for (const file of files) yield* filePageItems(file, streamAbove);
  }
}
