// Extraction throughput next to @node-rs/jieba tag() on the same text, in one run
// (this machine is shared and noisy: only the ratio is comparable between runs).
// The input is the corpus and example pages repeated until --mb, each copy with
// the characters of a name-like set permuted, so that names, companies and
// zones vary from copy to copy instead of repeating verbatim.
//
//   npx tsx scripts/profile-extract.ts [--mb 3] [--rounds 2] [--json]
//   node --cpu-prof --import tsx scripts/profile-extract.ts --mb 2   (CPU profile)
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { extractPages } from "../src/extract/pipeline.js";
import type { RawPage } from "../src/extract/types.js";
import { examplesDir } from "../src/paths.js";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
    corpus: { type: "string", default: process.env.POLICYGRAPH_CORPUS ?? "../shared/corpus" },
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

function readPages(dir: string): RawPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ source: path.join(dir, f), name: f, text: readFileSync(path.join(dir, f), "utf8") }));
}

const seeds = [...readPages(path.resolve(values.corpus)), ...readPages(examplesDir)];
if (seeds.length === 0) throw new Error("no pages found");
const target = Number(values.mb) * 2 ** 20;
const pages: RawPage[] = [];
let bytes = 0;
for (let copy = 0; bytes < target; copy++)
  for (const p of seeds) {
    const text = permuted(p.text, copy);
    pages.push({ source: `${copy}/${p.name}`, name: `${copy}-${p.name}`, text });
    bytes += Buffer.byteLength(text, "utf8");
  }
const mb = bytes / 2 ** 20;

const jieba = Jieba.withDict(dict);
function timeJieba(): number {
  const t = performance.now();
  let n = 0;
  for (const p of pages) n += jieba.tag(p.text, true).length;
  if (n === 0) throw new Error("jieba returned nothing");
  return (performance.now() - t) / 1000;
}
function timeExtract(): { s: number; entities: number; relations: number } {
  const t = performance.now();
  const x = extractPages(pages);
  return { s: (performance.now() - t) / 1000, entities: x.entities.length, relations: x.relations.length };
}

// Warm-up: rule compilation, jieba's dictionary, JIT.
extractPages(seeds);
jieba.tag(seeds[0]!.text, true);

const rounds = Math.max(1, Number(values.rounds));
let bestJieba = Infinity;
let bestExtract = Infinity;
let counts = { entities: 0, relations: 0 };
for (let r = 0; r < rounds; r++) {
  bestJieba = Math.min(bestJieba, timeJieba());
  const x = timeExtract();
  bestExtract = Math.min(bestExtract, x.s);
  counts = { entities: x.entities, relations: x.relations };
}
const result = {
  inputMb: Number(mb.toFixed(2)),
  pages: pages.length,
  extractMbPerSec: Number((mb / bestExtract).toFixed(3)),
  jiebaTagMbPerSec: Number((mb / bestJieba).toFixed(3)),
  ratioVsJieba: Number((bestJieba / bestExtract).toFixed(3)),
  ...counts,
};
if (values.json) console.log(JSON.stringify(result));
else
  console.log(
    `${result.inputMb} MB in ${result.pages} pages (best of ${rounds}): extraction ${result.extractMbPerSec} MB/s, ` +
      `jieba tag() ${result.jiebaTagMbPerSec} MB/s, ratio ${result.ratioVsJieba}; ` +
      `${counts.entities} entities, ${counts.relations} relations`,
  );
