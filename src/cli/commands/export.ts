// `policygraph export --format json|graphml|gexf|csv`: the whole graph, from the
// embedded store or Neo4j, to standard output or --out (a folder for CSV).
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { EXPORT_FORMATS } from "../../graph/export/formats.js";
import type { ExportFormat } from "../../graph/export/formats.js";
import { defaultStoreFile } from "../../paths.js";
import { UserError, action } from "../errors.js";

interface ExportOptions {
  format: string;
  store?: string;
  neo4j?: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command("export")
    .description(
      "write the whole graph as JSON (interchange format), GraphML, GEXF (Gephi) or CSV (neo4j-admin import)",
    )
    .option("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`, "json")
    .option("--store <file>", "embedded graph file (default: data/graph.json)")
    .option("--neo4j <uri>", "read from Neo4j at this Bolt URI instead (`managed`: the managed server)")
    .option("--out <path>", "file to write (default: standard output); for csv, a folder")
    .action(
      action(async (options: ExportOptions) => {
        if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
          throw new UserError(
            `--format: unknown format "${options.format}" (expected ${EXPORT_FORMATS.join(", ")})`,
          );
        if (options.format === "csv" && !options.out)
          throw new UserError("--format csv writes a folder: give --out DIR");
        const file = options.store ?? defaultStoreFile;
        if (!options.neo4j && !existsSync(file))
          throw new UserError(`${file}: no graph there yet (run \`policygraph ingest\` first)`);
        const [{ exportGraph }, { openStore }] = await Promise.all([
          import("../../graph/export/index.js"),
          import("../../graph/open.js"),
        ]);
        const store = await openStore({ store: options.store, neo4j: options.neo4j });
        try {
          const files = await exportGraph(store, options.format as ExportFormat, options.out);
          if (options.out) console.error(`policygraph: wrote ${files.length} file(s) to ${options.out}`);
        } finally {
          await store.close();
        }
      }),
    );
}
