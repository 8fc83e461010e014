// `policygraph ingest <paths…>`: extract pages (or read .json extractions) and
// merge them into the embedded store or Neo4j, file by file in input order, the
// pages extracted on worker threads (--workers). A progress bar on a
// terminal, plain lines otherwise; a summary table at the end; a file that fails
// is named on stderr and the others go on (exit status 1). With --bulk, a first
// load of the managed server through neo4j-admin import (app/bulk-ingest.ts).
import type { Command } from "commander";
import { checkDate } from "../../extract/date.js";
import type { IngestSummary } from "../../graph/store.js";
import { UserError, action } from "../errors.js";
import { ingestProgress } from "../progress.js";
import { parseWorkers } from "./extract.js";

interface IngestOptions {
  store?: string;
  neo4j?: string;
  dryRun?: boolean;
  date?: string;
  workers?: string;
  bulk?: boolean;
  replace?: boolean;
}

/** The end-of-run table: per label and per type, what was created, updated and removed. */
export function formatIngestSummary(summary: IngestSummary): string {
  const d = summary.documents;
  const lines = [
    `${summary.dryRun ? "Dry run (nothing written): would ingest" : "Ingested"} ${d.added} new, ${d.replaced} changed, ${d.unchanged} unchanged document(s); evidence +${summary.evidence.added} −${summary.evidence.removed}`,
  ];
  for (const part of ["entities", "relations"] as const) {
    const { created, updated, removed = {} } = summary[part];
    const keys = [
      ...new Set([...Object.keys(created), ...Object.keys(updated), ...Object.keys(removed)]),
    ].sort();
    lines.push(
      "",
      `${part === "entities" ? "Entities by label" : "Relations by type"}`.padEnd(20) +
        "new".padStart(8) +
        "updated".padStart(9) +
        "removed".padStart(9),
    );
    for (const k of keys)
      lines.push(
        `  ${k.padEnd(18)}${String(created[k] ?? 0).padStart(8)}${String(updated[k] ?? 0).padStart(9)}${String(removed[k] ?? 0).padStart(9)}`,
      );
    if (keys.length === 0) lines.push("  (no change)");
  }
  return lines.join("\n") + "\n";
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description(
      "extract pages (or read .json extractions) and merge them into the graph; unchanged documents are skipped, changed ones replaced",
    )
    .argument("<paths...>", "files or folders of pages (.txt, .md), or .json extractions")
    .option("--store <file>", "embedded graph file (default: data/graph.json)")
    .option(
      "--neo4j <uri>",
      "write to Neo4j at this Bolt URI instead (`managed`: the managed server); credentials from NEO4J_USER / NEO4J_PASSWORD or the managed server",
    )
    .option("--dry-run", "report what would change without writing anything")
    .option(
      "--bulk",
      "first load of the managed server (--neo4j managed) through neo4j-admin import: many times faster for a large graph; stops the server during the import; the database must be empty",
    )
    .option("--replace", "with --bulk: discard what the database holds instead of refusing")
    .option("--date <YYYY-MM-DD>", "date of pages that print none")
    .option(
      "-w, --workers <n>",
      "worker threads for extraction (default: one per core; one for inputs under 1 MB)",
    )
    .action(
      action(async (paths: string[], options: IngestOptions) => {
        try {
          checkDate(options.date);
        } catch {
          throw new UserError(`--date: "${options.date}" is not a date (expected YYYY-MM-DD)`);
        }
        const workers = options.workers === undefined ? undefined : parseWorkers(options.workers);
        if (options.replace && !options.bulk) throw new UserError("--replace goes with --bulk");
        if (options.bulk) {
          if (options.store)
            throw new UserError("--bulk loads Neo4j (--neo4j managed), not the embedded --store");
          if (options.neo4j !== "managed")
            throw new UserError(
              `--bulk needs --neo4j managed: neo4j-admin import writes the managed server's files on this machine; for ${options.neo4j ? `Neo4j at ${options.neo4j}` : "the embedded store"} ingest without --bulk`,
            );
          if (options.dryRun)
            throw new UserError(
              "--bulk writes a whole database; for a dry run, use --dry-run without --bulk",
            );
          await bulkIngest(paths, options, workers);
          return;
        }
        // The pipeline and the stores load here, not at start-up (--help stays quick).
        const [{ ingestPaths }, { openStore }] = await Promise.all([
          import("../../app/ingest.js"),
          import("../../graph/open.js"),
        ]);
        const store = await openStore({ store: options.store, neo4j: options.neo4j });
        const progress = ingestProgress();
        try {
          const result = await ingestPaths(store, paths, {
            dryRun: options.dryRun ?? false,
            date: options.date,
            ...(workers !== undefined ? { workers } : {}),
            onProgress: progress.update,
          });
          progress.stop();
          process.stdout.write(formatIngestSummary(result.summary));
          const rate = Math.round(result.relations / Math.max(result.seconds, 1e-3));
          process.stdout.write(
            `\n${result.files} file(s), ${result.articles} article(s), ${result.relations} relation(s) in ${result.seconds.toFixed(1)} s (${rate} relations/s, ${result.workers} extraction thread(s)) → ${store.kind === "neo4j" ? `Neo4j ${options.neo4j}` : (options.store ?? "data/graph.json")}\n`,
          );
          for (const f of result.failures) console.error(`policygraph: ${f.message}`);
          if (result.failures.length > 0) {
            console.error(
              `policygraph: ${result.failures.length} file(s) failed: ${result.failures.map((f) => f.source).join(", ")}`,
            );
            process.exitCode = 1;
          }
          const unwritten = result.unwrittenDocuments;
          if (unwritten.length > 0)
            console.error(
              `policygraph: ${unwritten.length} document(s) not written: ${unwritten.slice(0, 10).join(", ")}${unwritten.length > 10 ? " …" : ""}; run the same ingest again to write them`,
            );
          if (result.storeUnavailable)
            console.error(`policygraph: the store became unavailable; the files after it were not tried`);
        } finally {
          progress.stop();
          await store.close();
        }
      }),
    );
}

/** `--bulk`: extract, then neo4j-admin import into the managed server (app/bulk-ingest.ts). */
async function bulkIngest(
  paths: string[],
  options: IngestOptions,
  workers: number | undefined,
): Promise<void> {
  const { bulkIngestPaths } = await import("../../app/bulk-ingest.js");
  const progress = ingestProgress();
  const say = (line: string) => {
    progress.stop();
    console.error(line);
  };
  let result;
  try {
    result = await bulkIngestPaths(paths, {
      date: options.date,
      replace: options.replace ?? false,
      ...(workers !== undefined ? { workers } : {}),
      onProgress: progress.update,
      log: say,
    });
  } finally {
    progress.stop();
  }
  const { extraction, load } = result;
  if (load) {
    process.stdout.write(formatIngestSummary(load.files.summary));
    const s = load.seconds;
    const total = extraction.seconds + s.total + result.analyticsSeconds;
    const relations = extraction.relations;
    process.stdout.write(
      `\n${extraction.files} file(s), ${extraction.articles} article(s), ${relations} relation(s) in ${total.toFixed(1)} s (extraction ${extraction.seconds.toFixed(1)} s with ${extraction.workers} thread(s); load ${s.total.toFixed(1)} s = ${Math.round(relations / Math.max(s.total, 1e-3))} relations/s: CSV ${s.csv.toFixed(1)}, stop ${s.stop.toFixed(1)}, import ${s.import.toFixed(1)}, start ${s.start.toFixed(1)}, schema ${s.schema.toFixed(1)}, lists ${s.fixups.toFixed(1)}; analytics ${result.analyticsSeconds.toFixed(1)} s) → Neo4j managed${load.replacedNodes > 0 ? ` (replaced ${load.replacedNodes} node(s))` : ""}\n`,
    );
  }
  for (const f of extraction.failures) console.error(`policygraph: ${f.message}`);
  if (extraction.failures.length > 0) {
    console.error(
      `policygraph: ${extraction.failures.length} file(s) failed${load ? " and were not loaded" : ""}: ${extraction.failures.map((f) => f.source).join(", ")}`,
    );
    process.exitCode = 1;
  }
}
