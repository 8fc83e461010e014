// Getting the system's extraction of one page: in process through the project's
// pipeline (src/extract/pipeline.ts, run from source by tsx, so no build is
// needed), or through the built command line (`policygraph extract --format json`)
// when asked to or when the pipeline module is not there.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Extraction } from "../../src/types.js";
import type { RawPage } from "../../src/extract/types.js";

export type Via = "pipeline" | "cli" | "saved";
type ExtractPages = (pages: RawPage[], options?: Record<string, unknown>) => Extraction | Promise<Extraction>;

export interface Extractor {
  via: Via;
  /** One-off cost before the first page (loading dictionaries and gazetteers), in ms. */
  startupMs: number;
  extract(pagePath: string): Promise<{ extraction: Extraction; ms: number }>;
}

export function readPage(pagePath: string): RawPage {
  // Strip a BOM the way the CLI's reader does, so both routes see the same text.
  const text = readFileSync(pagePath, "utf8").replace(/^\uFEFF/, "");
  return { source: pagePath, name: path.basename(pagePath), text };
}

async function loadPipeline(): Promise<ExtractPages | null> {
  // A computed specifier: the module is written by a colleague and may not exist yet,
  // and the type checker must not require it.
  const spec = "../../src/extract/pipeline.js";
  try {
    const mod = (await import(spec)) as { extractPages?: unknown };
    return typeof mod.extractPages === "function" ? (mod.extractPages as ExtractPages) : null;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND") return null;
    throw err;
  }
}

function cliExtractor(root: string): Extractor {
  const bin = path.join(root, "bin", "policygraph.js");
  return {
    via: "cli",
    startupMs: 0,
    async extract(pagePath) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, [bin, "extract", pagePath, "--format", "json"], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      const ms = performance.now() - t0;
      if (res.status !== 0)
        throw new Error(`policygraph extract ${path.basename(pagePath)}: ${(res.stderr || "failed").trim()}`);
      return { extraction: JSON.parse(res.stdout) as Extraction, ms };
    },
  };
}

/** Reads extractions saved earlier as `<dir>/<page name without extension>.json`. */
export function savedExtractor(dir: string): Extractor {
  return {
    via: "saved",
    startupMs: 0,
    async extract(pagePath) {
      const file = path.join(dir, `${path.basename(pagePath).replace(/\.(txt|md)$/, "")}.json`);
      if (!existsSync(file)) throw new Error(`${file}: no saved extraction for this page`);
      return { extraction: JSON.parse(readFileSync(file, "utf8")) as Extraction, ms: 0 };
    },
  };
}

/** The extractor to use: `want` forces one route; otherwise the pipeline when present, else the CLI. */
export async function makeExtractor(root: string, want?: "pipeline" | "cli"): Promise<Extractor> {
  if (want !== "cli") {
    const t0 = performance.now();
    const extractPages = await loadPipeline();
    if (extractPages) {
      // Warm up on a one-line page so that per-page times measure extraction, not loading.
      await extractPages(
        [{ source: "warm-up", name: "warm-up.txt", text: "本报讯 工业和信息化部近日印发通知。" }],
        {},
      );
      return {
        via: "pipeline",
        startupMs: performance.now() - t0,
        async extract(pagePath) {
          const page = readPage(pagePath);
          const t0 = performance.now();
          const extraction = await extractPages([page], {});
          return { extraction, ms: performance.now() - t0 };
        },
      };
    }
    if (want === "pipeline") throw new Error("src/extract/pipeline.ts does not export extractPages yet");
  }
  if (!existsSync(path.join(root, "dist", "cli", "main.js")))
    throw new Error(
      "no src/extract/pipeline.ts and no build: run `npm run build` first, or pass --via pipeline",
    );
  return cliExtractor(root);
}
