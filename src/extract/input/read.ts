// Reading pages from files, folders (recursively: .txt and .md, in sorted order
// so that document ids and output are the same on every machine) and standard
// input ("-"). Per-file problems are collected, never thrown, so one bad file
// in a batch does not stop the others.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { RawPage } from "../types.js";
import { decode } from "./decode.js";

export interface InputFailure {
  source: string;
  /** One line naming the file and the problem. */
  message: string;
}

export interface ReadResult {
  pages: RawPage[];
  failures: InputFailure[];
}

const PAGE_EXTENSIONS = new Set([".txt", ".md"]);

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
    if (entry.name.startsWith(".")) continue;
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

async function readOne(file: string): Promise<RawPage> {
  const buffer = await readFile(file);
  return { source: file, name: path.basename(file), text: decode(buffer, file) };
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
        pages.push({ source: "-", name: "stdin", text: decode(await readStream(stdin), "standard input") });
      } catch (err) {
        fail("standard input", err);
      }
      continue;
    }
    try {
      const info = await stat(input);
      const files = info.isDirectory() ? await listPageFiles(input) : [input];
      if (info.isDirectory() && files.length === 0) {
        failures.push({ source: input, message: `${input}: no .txt or .md files in this folder` });
      }
      for (const file of files) {
        try {
          pages.push(await readOne(file));
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
