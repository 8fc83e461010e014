// `policygraph start` (what `npm start` runs): bring the embedded graph up to
// date with the sample pages in examples/ (unchanged pages are skipped by their
// hash) and serve it. The first command of the README, so it needs nothing but
// a fresh clone: no Neo4j, no data outside the repository.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { IngestPathsResult } from "../../app/ingest.js";
import { defaultStoreFile, examplesDir, sharedCorpusDir } from "../../paths.js";
import { ingestProgress } from "../progress.js";
import { action } from "../errors.js";
import { addServeOptions, serveStore } from "./serve.js";
import type { ServeOptions } from "./serve.js";

/** The sample pages: the project's own examples/, plus ../shared/corpus when it sits beside the checkout. */
export function samplePages(): string[] {
  return existsSync(sharedCorpusDir) ? [examplesDir, sharedCorpusDir] : [examplesDir];
}

function report(result: IngestPathsResult): void {
  const { documents } = result.summary;
  console.log(
    `graph: ${documents.added} new, ${documents.replaced} changed, ${documents.unchanged} unchanged articles ` +
      `from ${result.files} files (${result.seconds.toFixed(1)} s)`,
  );
  for (const failure of result.failures) console.warn(`  skipped ${failure.message}`);
}

export function register(program: Command): void {
  const command = program
    .command("start")
    .description(
      "ingest the sample pages (examples/ and ../shared/corpus if present; only what changed) into the embedded store and serve it",
    )
    .argument("[inputs...]", "page files or folders to ingest instead of the sample pages")
    .option(
      "--store <file>",
      "embedded store file",
      path.relative(process.cwd(), defaultStoreFile) || defaultStoreFile,
    );
  addServeOptions(command).action(
    action(async (inputs: string[], options: ServeOptions & { store: string }) => {
      const [{ ingestPaths }, { MemoryGraphStore }, { openStore }] = await Promise.all([
        import("../../app/ingest.js"),
        import("../../graph/memory/store.js"),
        import("../../graph/open.js"),
      ]);
      const store = await openStore({ store: options.store });
      const progress = ingestProgress();
      let result: IngestPathsResult;
      try {
        result = await ingestPaths(store, inputs.length > 0 ? inputs : samplePages(), {
          onProgress: progress.update,
        });
        // Persist now rather than at shutdown, so a killed server does not lose the ingest.
        if (store instanceof MemoryGraphStore) await store.save();
      } catch (err) {
        await store.close().catch(() => undefined);
        throw err;
      } finally {
        progress.stop();
      }
      report(result);
      await serveStore(store, options, `the embedded store (${options.store})`);
    }),
  );
}
