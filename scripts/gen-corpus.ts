// npm run gen-corpus -- --mb N [--out DIR] [--seed S] [--single]
// Writes N megabytes of synthetic newspaper pages (see scripts/bench/corpus.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { projectRoot } from "../src/paths.js";
import { writeCorpus } from "./bench/write-corpus.js";

const program = new Command("gen-corpus")
  .description("generate synthetic newspaper pages for scale tests (deterministic for a seed)")
  .requiredOption("--mb <n>", "megabytes (10^6 bytes) of text to write", Number)
  .option("--out <dir>", "output folder", path.join(projectRoot, "bench", "out", "corpus"))
  .option("--seed <n>", "random seed", Number, 1)
  .option("--single", "one file with form feeds between pages instead of one file per page")
  .parse();

const opts = program.opts<{ mb: number; out: string; seed: number; single?: boolean }>();
if (!(opts.mb > 0)) program.error("--mb: give a positive number of megabytes");
if (!Number.isInteger(opts.seed)) program.error("--seed: give an integer");
await rm(opts.out, { recursive: true, force: true });
const started = performance.now();
const manifest = await writeCorpus({
  mb: opts.mb,
  out: opts.out,
  seed: opts.seed,
  single: opts.single ?? false,
  onProgress: (bytes, pages) =>
    process.stderr.write(`gen-corpus: ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB\r`),
});
process.stderr.write("\n");
console.log(
  `${manifest.pages} pages, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s → ${manifest.input}`,
);
