// `policygraph extract <paths…>`: read pages, run the extraction pipeline, print
// the interchange JSON of ONTOLOGY.md or a readable summary. A file that cannot
// be read is one line on stderr; the others are still processed, and the exit
// status is 1 when any failed.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { extractPages, checkDate } from "../../extract/pipeline.js";
import { readPages } from "../../extract/input/index.js";
import type { Extraction } from "../../types.js";
import { UserError, action } from "../errors.js";

export interface ExtractCommandOptions {
  format?: string;
  date?: string;
  withText?: boolean;
  out?: string;
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
  if (format !== "json" && format !== "summary") {
    throw new UserError(`--format: unknown format "${format}" (expected json or summary)`);
  }
  try {
    checkDate(options.date);
  } catch {
    throw new UserError(`--date: "${options.date}" is not a date (expected YYYY-MM-DD)`);
  }
  if (paths.length === 0)
    throw new UserError("extract: give at least one file, folder or - for standard input");
  const { pages, failures } = await readPages(paths, io.stdin);
  for (const failure of failures) io.stderr(`policygraph: ${failure.message}`);
  const started = performance.now();
  const extraction = extractPages(pages, {
    ...(options.date ? { date: options.date } : {}),
    withText: options.withText === true,
  });
  const seconds = (performance.now() - started) / 1000;
  const output =
    format === "json"
      ? JSON.stringify(extraction, null, 2) + "\n"
      : formatSummary(extraction, pages.length, seconds);
  if (options.out) {
    try {
      await writeFile(options.out, output, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "write failed";
      throw new UserError(`${options.out}: cannot write output (${code})`);
    }
  } else io.stdout(output);
  return failures.length > 0 ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command("extract")
    .description(
      "extract documents, entities and relations from newspaper pages (files, folders, - for stdin)",
    )
    .argument("<paths...>", "page files (.txt/.md), folders (searched recursively) or - for standard input")
    .option("-f, --format <format>", "json (interchange format) or summary", "summary")
    .option("-d, --date <YYYY-MM-DD>", "date of pages that print none (item dates become approximate)")
    .option("--with-text", "include each document's normalised text in the JSON")
    .option("-o, --out <file>", "write the output to a file instead of standard output")
    .action(
      action(async (paths: string[], options: ExtractCommandOptions) => {
        const status = await runExtract(paths, options);
        if (status !== 0) process.exitCode = status;
      }),
    );
}
