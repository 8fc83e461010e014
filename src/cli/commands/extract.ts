// `policygraph extract <paths…>`: read pages, run the extraction pipeline, print
// the interchange JSON of ONTOLOGY.md, one extraction per page as JSON lines, or a
// readable summary. Pages are read one at a time and extracted on worker threads
// (--workers); `jsonl` writes each page as soon as it is done, so its memory does
// not grow with the input. A file that cannot be read is one line on stderr; the
// others are still processed, and the exit status is 1 when any failed.
import { createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import type { Command } from "commander";
import { availableParallelism } from "node:os";
import { checkDate } from "../../extract/date.js";
import type { Extraction } from "../../types.js";
import { UserError, action } from "../errors.js";

export interface ExtractCommandOptions {
  format?: string;
  date?: string;
  withText?: boolean;
  out?: string;
  /** Worker threads (default: one per core). */
  workers?: string | number;
}

const FORMATS = ["json", "jsonl", "summary"];

/** Where output goes: a file stream or stdout with back-pressure, or the test's stdout function. */
interface Sink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

function fileSink(file: string): Sink {
  const stream: WriteStream = createWriteStream(file, "utf8");
  let failed: NodeJS.ErrnoException | null = null;
  stream.on("error", (err) => (failed = err));
  const check = () => {
    if (failed) throw new UserError(`${file}: cannot write output (${failed.code ?? "write failed"})`);
  };
  return {
    async write(text) {
      check();
      if (!stream.write(text)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      check();
    },
    async end() {
      check();
      await new Promise<void>((resolve) => stream.end(resolve));
      check();
    },
  };
}

function ioSink(io: ExtractIO): Sink {
  if (io.stdout !== defaultIO.stdout)
    return { write: async (text) => io.stdout(text), end: async () => undefined };
  return {
    async write(text) {
      if (!process.stdout.write(text)) await once(process.stdout, "drain");
    },
    end: async () => undefined,
  };
}

export function parseWorkers(value: string | number | undefined): number {
  if (value === undefined) return availableParallelism(); // as extract/parallel's defaultWorkers()
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UserError(`--workers: "${value}" is not a number of threads (expected 1–256)`);
  return n;
}

export interface ExtractIO {
  stdout: (text: string) => void;
  stderr: (line: string) => void;
  stdin?: NodeJS.ReadableStream;
}

const defaultIO: ExtractIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (line) => console.error(line),
};

function count<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The human-readable report: documents, entities per label, top entities, relations per type. */
export function formatSummary(extraction: Extraction, pages: number, seconds: number): string {
  const { documents, entities, relations } = extraction;
  const lines = [
    `${pages} page(s), ${documents.length} document(s), ${entities.length} entit(ies), ${relations.length} relation(s) in ${seconds.toFixed(2)} s`,
    "",
    "Documents",
  ];
  for (const doc of documents) lines.push(`  ${doc.id}  ${doc.date ?? "(no date)"}  ${doc.title}`);
  lines.push("", "Entities by label");
  for (const [label, n] of count(entities, (e) => e.label)) lines.push(`  ${label.padEnd(13)} ${n}`);
  if (entities.length === 0) lines.push("  (none)");
  lines.push("", "Top entities (by mentions)");
  const top = [...entities].sort(
    (a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1),
  );
  for (const e of top.slice(0, 15))
    lines.push(`  ${String(e.mentions.length).padStart(4)}  ${e.label.padEnd(13)} ${e.name}`);
  if (entities.length === 0) lines.push("  (none)");
  lines.push("", "Relations by type");
  for (const [type, n] of count(relations, (r) => r.type)) lines.push(`  ${type.padEnd(15)} ${n}`);
  if (relations.length === 0) lines.push("  (none)");
  return lines.join("\n") + "\n";
}

/** The command's work, separate from commander so that tests can call it. Returns the exit status. */
export async function runExtract(
  paths: string[],
  options: ExtractCommandOptions,
  io: ExtractIO = defaultIO,
): Promise<number> {
  const format = options.format ?? "summary";
  if (!FORMATS.includes(format)) {
    throw new UserError(`--format: unknown format "${format}" (expected json, jsonl or summary)`);
  }
  try {
    checkDate(options.date);
  } catch {
    throw new UserError(`--date: "${options.date}" is not a date (expected YYYY-MM-DD)`);
  }
  const workers = parseWorkers(options.workers);
  if (paths.length === 0)
    throw new UserError("extract: give at least one file, folder or - for standard input");
  // Loaded here, not at start-up, so that --help and other commands do not pay for the pipeline.
  const { ExtractionMerger, extractStream, readPageStream } = await import("../../extract/parallel/index.js");
  const sink = options.out ? fileSink(options.out) : ioSink(io);
  const merger = format === "jsonl" ? null : new ExtractionMerger();
  let pages = 0;
  let failures = 0;
  const started = performance.now();
  const results = extractStream(readPageStream(paths, io.stdin), {
    workers,
    ...(options.date ? { date: options.date } : {}),
    withText: options.withText === true,
  });
  for await (const item of results) {
    if ("failure" in item) {
      failures++;
      io.stderr(`policygraph: ${item.failure.message}`);
      continue;
    }
    pages++;
    if (merger) merger.add(item.extraction);
    else await sink.write(JSON.stringify(item.extraction) + "\n");
  }
  const seconds = (performance.now() - started) / 1000;
  if (merger) {
    const extraction = merger.result();
    await sink.write(
      format === "json"
        ? JSON.stringify(extraction, null, 2) + "\n"
        : formatSummary(extraction, pages, seconds),
    );
  }
  await sink.end();
  return failures > 0 ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command("extract")
    .description(
      "extract documents, entities and relations from newspaper pages (files, folders, - for stdin)",
    )
    .argument("<paths...>", "page files (.txt/.md), folders (searched recursively) or - for standard input")
    .option(
      "-f, --format <format>",
      "json (interchange format), jsonl (one interchange object per page, streamed) or summary",
      "summary",
    )
    .option("-d, --date <YYYY-MM-DD>", "date of pages that print none (item dates become approximate)")
    .option("--with-text", "include each document's normalised text in the JSON")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .option("-w, --workers <n>", "worker threads for extraction (default: one per core)")
    .action(
      action(async (paths: string[], options: ExtractCommandOptions) => {
        const status = await runExtract(paths, options);
        if (status !== 0) process.exitCode = status;
      }),
    );
}
