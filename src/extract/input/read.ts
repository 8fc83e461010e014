// Reading pages from files, folders (recursively: .txt, .md and .html, in sorted
// order so that document ids and output are the same on every machine) and
// standard input ("-"). A file holds several pages when they are separated by
// form feeds (pdftotext); large files are streamed (stream.ts). Per-file problems
// (missing, empty, binary, undecodable) are collected, never thrown, so one bad
// file in a batch does not stop the others.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { RawPage } from "../types.js";
import { decode } from "./decode.js";
import { STREAM_BYTES, pageName, streamFilePages } from "./stream.js";

export interface InputFailure {
  source: string;
  /** One line naming the file and the problem. */
  message: string;
}

export interface ReadResult {
  pages: RawPage[];
  failures: InputFailure[];
}

const PAGE_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm"]);

/**
 * A folder's own documentation (README.md, LICENSE.txt, CHANGELOG.md …) describes the
 * pages rather than being one; walking a folder skips it. Named explicitly, it is read.
 */
const FOLDER_DOCS = /^(readme|license|licence|changelog|contributing|notice)(\.[a-z]+)?$/i;

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return err instanceof Error ? err.message.split("\n")[0]! : String(err);
  }
}

/** Files under `dir` with a page extension, depth first, sorted by path. */
export async function listPageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".") || FOLDER_DOCS.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listPageFiles(full)));
    else if (entry.isFile() && PAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The pages of one decoded text: split at form feeds, blank pieces dropped. */
export function splitPages(source: string, base: string, text: string): RawPage[] {
  if (!text.includes("\f")) return [{ source, name: base, text }];
  const pages: RawPage[] = [];
  for (const piece of text.split("\f"))
    if (piece.trim() !== "") pages.push({ source, name: pageName(base, pages.length + 1), text: piece });
  return pages;
}

/** The pages of one file, in order; large files are streamed. Throws InputError for unusable files. */
export async function* filePages(file: string): AsyncGenerator<RawPage> {
  const info = await stat(file);
  if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (info.size > STREAM_BYTES) {
    yield* streamFilePages(file);
    return;
  }
  yield* splitPages(file, path.basename(file), decode(await readFile(file), file));
}

/**
 * Read every page named by `inputs`: files as given (any extension), folders
 * recursively, "-" for `stdin`. Folder contents that cannot be listed, missing
 * paths and undecodable files become failures.
 */
export async function readPages(
  inputs: string[],
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<ReadResult> {
  const pages: RawPage[] = [];
  const failures: InputFailure[] = [];
  const fail = (source: string, err: unknown) => {
    const message =
      err instanceof Error && err.name === "InputError" ? err.message : `${source}: ${describe(err)}`;
    failures.push({ source, message });
  };
  for (const input of inputs) {
    if (input === "-") {
      try {
        pages.push(...splitPages("-", "stdin", decode(await readStream(stdin), "standard input")));
      } catch (err) {
        fail("standard input", err);
      }
      continue;
    }
    try {
      const info = await stat(input);
      const files = info.isDirectory() ? await listPageFiles(input) : [input];
      if (info.isDirectory() && files.length === 0) {
        failures.push({ source: input, message: `${input}: no .txt, .md or .html files in this folder` });
      }
      for (const file of files) {
        // A file that fails part-way keeps the pages read before the failure.
        try {
          for await (const page of filePages(file)) pages.push(page);
        } catch (err) {
          fail(file, err);
        }
      }
    } catch (err) {
      fail(input, err);
    }
  }
  return { pages, failures };
}
