// Progress of an ingest on stderr: a bar on a terminal (files, articles, entities
// per second), plain lines otherwise so logs stay readable. Shared by `ingest` and
// `start`.
import cliProgress from "cli-progress";
import type { IngestProgress } from "../app/ingest.js";

export interface ProgressReporter {
  update: (p: IngestProgress) => void;
  stop: () => void;
}

export function ingestProgress(): ProgressReporter {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: "ingest [{bar}] {value}/{total} files | {articles} articles | {rate} entities/s | {file}",
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.filesTotal, 0, { articles: 0, rate: 0, file: "" });
        started = true;
        bar.update(p.filesDone, {
          articles: p.articles,
          rate: Math.round(p.entities / Math.max(p.seconds, 1e-3)),
          file: p.file,
        });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      // Plain lines for logs: every file when few, else about every 2 seconds.
      if (p.filesTotal <= 50 || p.filesDone === p.filesTotal || p.seconds - last >= 2) {
        last = p.seconds;
        const rate = Math.round(p.entities / Math.max(p.seconds, 1e-3));
        console.error(
          `ingest: ${p.filesDone}/${p.filesTotal} files, ${p.articles} articles, ${rate} entities/s — ${p.file}`,
        );
      }
    },
    stop: () => undefined,
  };
}
