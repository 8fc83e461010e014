// Extraction throughput next to @node-rs/jieba tag() on the same text, in one run,
// both in CPU time of this process (this machine is shared and noisy: only the
// ratio is comparable between runs).
// The input is the corpus and example pages repeated until --mb, each copy with
// the characters of a name-like set permuted, so that names, companies and
// zones vary from copy to copy instead of repeating verbatim.
//
//   npx tsx scripts/profile-extract.ts [--mb 3] [--rounds 2] [--json]
//   npx tsx scripts/profile-extract.ts --dir bench/out/corpus/pages   (pages of npm run gen-corpus)
//   node --cpu-prof --import tsx scripts/profile-extract.ts --mb 2   (CPU profile)
//
// Besides the whole pipeline, it times its halves apart: the text half
// (normalise, segment, sentences) and the entity half (recognise, relate, merge).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { mergeResults } from "../src/extract/merge.js";
import type { ArticleResult } from "../src/extract/merge.js";
import { BATCH_PAGES } from "../src/extract/parallel/batch.js";
import { extractArticles, extractPages, segmentPage } from "../src/extract/pipeline.js";
import type { RawPage } from "../src/extract/types.js";
import { examplesDir } from "../src/paths.js";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
    corpus: { type: "string", default: process.env.POLICYGRAPH_CORPUS ?? "../shared/corpus" },
    dir: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

/** Characters common in given names and in company/zone cores; permuted per copy. */
const VARIABLE = [
  ..."伟强军华明芳敏静丽杰涛磊洋勇艳娟峰超波辉刚健宇浩鹏飞龙云凯帆博瑞鑫源泰恒盛达兴隆嘉鸿腾翔宏振昌",
];

function permuted(text: string, seed: number): string {
  let s = seed * 2654435761;
  const rnd = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const order = [...VARIABLE];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const map = new Map(VARIABLE.map((c, i) => [c, order[i]!]));
  return seed === 0 ? text : [...text].map((c) => map.get(c) ?? c).join("");
}

/** The .txt pages under dir, sub-folders included (gen-corpus shards its pages). */
function readPages(dir: string): RawPage[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({
      source: path.join(dir, f),
      name: path.basename(f),
      text: readFileSync(path.join(dir, f), "utf8"),
    }));
}

const seeds = [...readPages(path.resolve(values.corpus)), ...readPages(examplesDir)].filter(
  (p) => !p.name.startsWith("en-"),
);
if (seeds.length === 0) throw new Error("no pages found");
const target = Number(values.mb) * 2 ** 20;
const pages: RawPage[] = values.dir ? readPages(path.resolve(values.dir)) : [];
let bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.text, "utf8"), 0);
if (values.dir && pages.length === 0) throw new Error(`${values.dir}: no .txt pages`);
for (let copy = 0; !values.dir && bytes < target; copy++)
  for (const p of seeds) {
    const text = permuted(p.text, copy);
    pages.push({ source: `${copy}/${p.name}`, name: `${copy}-${p.name}`, text });
    bytes += Buffer.byteLength(text, "utf8");
  }
const mb = bytes / 2 ** 20;

/**
 * Seconds of CPU this process has used: on a shared, overloaded machine wall-clock time
 * mostly measures the neighbours, CPU time what the code itself costs (GC threads included).
 */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const jieba = Jieba.withDict(dict);
function timeJieba(): number {
  const t = cpu();
  let n = 0;
  for (const p of pages) n += jieba.tag(p.text, true).length;
  if (n === 0) throw new Error("jieba returned nothing");
  return cpu() - t;
}
function timeExtract(): { s: number; text: number; entities: number; relations: number } {
  const t = cpu();
  const byPage = pages.map((p) => segmentPage(p));
  const split = cpu();
  // As the stream does: batches of pages, each batch's articles extracted stage by stage.
  const results: ArticleResult[] = [];
  for (let i = 0; i < byPage.length; i += BATCH_PAGES)
    results.push(...extractArticles(byPage.slice(i, i + BATCH_PAGES).flat()));
  const x = mergeResults(results);
  const end = cpu();
  return {
    s: end - t,
    text: split - t,
    entities: x.entities.length,
    relations: x.relations.length,
  };
}

// Warm-up: rule compilation, jieba's dictionary, JIT.
extractPages(seeds);
jieba.tag(seeds[0]!.text, true);

const rounds = Math.max(1, Number(values.rounds));
let bestJieba = Infinity;
let bestExtract = Infinity;
let textHalf = Infinity;
let counts = { entities: 0, relations: 0 };
for (let r = 0; r < rounds; r++) {
  bestJieba = Math.min(bestJieba, timeJieba());
  const x = timeExtract();
  if (x.s < bestExtract) textHalf = x.text;
  bestExtract = Math.min(bestExtract, x.s);
  counts = { entities: x.entities, relations: x.relations };
}
const result = {
  inputMb: Number(mb.toFixed(2)),
  pages: pages.length,
  extractMbPerSec: Number((mb / bestExtract).toFixed(3)),
  jiebaTagMbPerSec: Number((mb / bestJieba).toFixed(3)),
  ratioVsJieba: Number((bestJieba / bestExtract).toFixed(3)),
  /** Share of the pipeline's time in the text half (normalise, segment, sentences). */
  textHalfShare: Number((textHalf / bestExtract).toFixed(3)),
  /** The entity half alone (recognise, relate, merge) against jieba. */
  entityHalfRatioVsJieba: Number((bestJieba / (bestExtract - textHalf)).toFixed(3)),
  ...counts,
};
if (values.json) console.log(JSON.stringify(result));
else
  console.log(
    `${result.inputMb} MB in ${result.pages} pages (best of ${rounds}, CPU time): extraction ${result.extractMbPerSec} MB/s, ` +
      `jieba tag() ${result.jiebaTagMbPerSec} MB/s, ratio ${result.ratioVsJieba}; ` +
      `text half ${(result.textHalfShare * 100).toFixed(0)}% of the time, entity half alone ${result.entityHalfRatioVsJieba}× jieba; ` +
      `${counts.entities} entities, ${counts.relations} relations`,
  );
