// `policygraph ingest <paths…>`: extract pages (or read .json extractions) and
// merge them into the embedded store or Neo4j, file by file in input order, the
// pages extracted on worker threads (--workers). A progress bar on a
// terminal, plain lines otherwise; a summary table at the end; a file that fails
// is named on stderr and the others go on (exit status 1).
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
