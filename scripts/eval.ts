// `npm run eval`: extracts every page that has a gold file, scores it with the
// shared scorer and prints per-page and micro-averaged figures (tp/fp/fn summed
// over pages). It reports; it is not a test, so it exits 0 whatever the scores.
//
//   npm run eval -- [--json] [--page NAME]… [--verbose] [--scorer PATH] [--corpus DIR] [--via pipeline|cli]
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot, examplesDir } from "../src/paths.js";
import { readGoldDir } from "./lib/gold.js";
import type { GoldSet } from "./lib/gold.js";
import { runScorer, sumRows, sumTitles, prf } from "./lib/score.js";
import type { PageScore } from "./lib/score.js";
import { diffPage } from "./lib/diff.js";
import type { PageDiff } from "./lib/diff.js";
import { makeExtractor, savedExtractor } from "./lib/extract.js";
import { renderBlock, LEGEND } from "./lib/report.js";

const HELP = `Usage: npm run eval -- [options]

Scores the extractor against the gold files in tests/gold/ (pages in the corpus
folder), tests/gold/examples/ (pages in examples/), tests/gold/heldout/ (pages in
tests/heldout/) and tests/gold/heldout2/ (pages in tests/heldout2/, never used to write
rules), page by page and summed per section.

Options:
  --json            print the figures as JSON
  --page NAME       only this page (file name or its start, e.g. 000; repeatable)
  --verbose         list missed and spurious entities and relations per page
  --scorer PATH     scorer to use (default ../shared/tools/score.mjs, env POLICYGRAPH_SCORER)
  --corpus DIR      folder of the corpus pages (default ../shared/corpus, env POLICYGRAPH_CORPUS)
  --gold DIR        folder of the gold files (default tests/gold)
  --via ROUTE       pipeline (in process) or cli (built bin/policygraph.js); default: pipeline if present
  --saved DIR       score extractions saved earlier as DIR/<page>.json instead of extracting
  -h, --help        this help`;

interface PageResult {
  document: string;
  ms: number;
  score: PageScore;
  diff: PageDiff;
}

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    page: { type: "string", multiple: true },
    verbose: { type: "boolean", default: false },
    scorer: { type: "string" },
    corpus: { type: "string" },
    gold: { type: "string" },
    via: { type: "string" },
    saved: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const scorer = path.resolve(
  values.scorer ??
    process.env.POLICYGRAPH_SCORER ??
    path.join(projectRoot, "..", "shared", "tools", "score.mjs"),
);
if (!existsSync(scorer)) fail(`${scorer}: scorer not found (use --scorer or POLICYGRAPH_SCORER)`);
const corpusDir = path.resolve(
  values.corpus ?? process.env.POLICYGRAPH_CORPUS ?? path.join(projectRoot, "..", "shared", "corpus"),
);
const goldDir = path.resolve(values.gold ?? path.join(projectRoot, "tests", "gold"));
if (values.via !== undefined && values.via !== "pipeline" && values.via !== "cli")
  fail(`--via ${values.via}: expected pipeline or cli`);

const wanted = (values.page ?? []).map((p) => path.basename(p).replace(/\.(txt|md|json)$/, ""));
const isWanted = (document: string) => wanted.length === 0 || wanted.some((w) => document.startsWith(w));

const exampleGold = readGoldDir(path.join(goldDir, "examples"));
const isEnglish = (document: string) => document.startsWith("en-");
const allSets: GoldSet[] = [
  { section: "corpus", pagesDir: corpusDir, files: readGoldDir(goldDir) },
  {
    section: "examples",
    pagesDir: examplesDir,
    files: exampleGold.filter((f) => !isEnglish(f.gold.document)),
  },
  // English pages (examples/en-*) are scored in a section of their own.
  {
    section: "examples-en",
    pagesDir: examplesDir,
    files: exampleGold.filter((f) => isEnglish(f.gold.document)),
  },
  {
    section: "heldout",
    pagesDir: path.join(projectRoot, "tests", "heldout"),
    files: readGoldDir(path.join(goldDir, "heldout")),
  },
  // A second held-out set that nobody tunes on, for when the first has been used to fix rules.
  {
    section: "heldout2",
    pagesDir: path.join(projectRoot, "tests", "heldout2"),
    files: readGoldDir(path.join(goldDir, "heldout2")),
  },
];
const sets = allSets.map((s) => ({ ...s, files: s.files.filter((f) => isWanted(f.gold.document)) }));
if (sets.every((s) => s.files.length === 0))
  fail(wanted.length ? `no gold file for ${wanted.join(", ")} in ${goldDir}` : `no gold files in ${goldDir}`);

const extractor = values.saved
  ? savedExtractor(path.resolve(values.saved))
  : await makeExtractor(projectRoot, values.via as "pipeline" | "cli" | undefined).catch((err: Error) =>
      fail(err.message),
    );

const report: Record<string, unknown> = {
  via: extractor.via,
  startupMs: Math.round(extractor.startupMs),
  scorer,
};
const text: string[] = [
  `eval via ${extractor.via} (start-up ${extractor.startupMs.toFixed(0)} ms); scorer ${scorer}`,
  LEGEND,
  "",
];
for (const set of sets) {
  if (!set.files.length) continue;
  const pages: PageResult[] = [];
  for (const { path: goldPath, gold } of set.files) {
    const pagePath = path.join(set.pagesDir, gold.document);
    if (!existsSync(pagePath)) {
      text.push(`== ${gold.document}: page not found in ${set.pagesDir}, skipped`, "");
      continue;
    }
    const { extraction, ms } = await extractor
      .extract(pagePath)
      .catch((err: Error) => fail(`${gold.document}: ${err.message}`));
    const score = runScorer(scorer, goldPath, extraction);
    pages.push({ document: gold.document, ms, score, diff: diffPage(gold, extraction) });
  }
  const rows = sumRows(pages.map((p) => p.score));
  const titles = sumTitles(pages.map((p) => p.score));
  const totalMs = pages.reduce((s, p) => s + p.ms, 0);
  const kinds = (kind: "entity" | "relation") => rows.filter((r) => r.kind === kind);
  report[set.section] = {
    pages: pages.map((p) => ({
      document: p.document,
      ms: Math.round(p.ms),
      entities: {
        core: prf(
          p.score.rows.filter((r) => r.kind === "entity"),
          true,
        ),
        all: prf(p.score.rows.filter((r) => r.kind === "entity")),
      },
      relations: {
        core: prf(
          p.score.rows.filter((r) => r.kind === "relation"),
          true,
        ),
        all: prf(p.score.rows.filter((r) => r.kind === "relation")),
      },
      titles: p.score.titles,
      rows: p.score.rows,
      ...(values.verbose ? { diff: p.diff } : {}),
    })),
    overall: {
      pages: pages.length,
      ms: Math.round(totalMs),
      entities: { core: prf(kinds("entity"), true), all: prf(kinds("entity")) },
      relations: { core: prf(kinds("relation"), true), all: prf(kinds("relation")) },
      titles,
      rows,
    },
  };
  text.push(`##### ${set.section}`);
  for (const p of pages) {
    text.push(
      renderBlock({
        heading: `${p.document} (extracted in ${p.ms.toFixed(0)} ms)`,
        rows: p.score.rows,
        titles: p.score.titles,
        diff: values.verbose ? p.diff : undefined,
      }),
      "",
    );
  }
  text.push(
    renderBlock({
      heading: `${set.section} overall: ${pages.length} page(s), micro-averaged, extraction ${totalMs.toFixed(0)} ms`,
      rows,
      titles,
    }),
    "",
  );
}
console.log(values.json ? JSON.stringify(report, null, 2) : text.join("\n"));
