// Golden check for performance work: dumps everything the pipeline produces for a
// set of page folders — each article with its sentences, captions and origin map,
// its mentions and relations, and the merged extraction (pages extracted in batches,
// as the stream does) — one JSON line per page,
// so that two dumps (before/after a change) can be compared line by line.
//
//   npx tsx scripts/compare-output.ts --out .tmp/before.jsonl DIR...
//   npx tsx scripts/compare-output.ts --out .tmp/after.jsonl DIR...
//   npx tsx scripts/compare-output.ts --compare .tmp/before.jsonl .tmp/after.jsonl
//
// Rules may change legitimately between revisions, so no hash is stored in the
// repository: the dump is taken fresh before and after the change being checked.
import { createWriteStream, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BATCH_PAGES } from "../src/extract/parallel/batch.js";
import { extractArticles, extractEachPage, segmentPageWithOrigins } from "../src/extract/pipeline.js";
import type { Extraction } from "../src/types.js";
import type { RawPage } from "../src/extract/types.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: "string" }, compare: { type: "boolean", default: false } },
});

function pagesOf(dir: string): RawPage[] {
  if (statSync(dir).isFile())
    return [{ source: dir, name: path.basename(dir), text: readFileSync(dir, "utf8") }];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => ({
      source: path.join(dir, f),
      name: path.basename(f),
      text: readFileSync(path.join(dir, f), "utf8"),
    }));
}

function compare(a: string, b: string): void {
  const left = readFileSync(a, "utf8").split("\n");
  const right = readFileSync(b, "utf8").split("\n");
  let differ = 0;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    differ++;
    if (differ <= 5) {
      const l = left[i] ?? "";
      const r = right[i] ?? "";
      let k = 0;
      while (k < l.length && l[k] === r[k]) k++;
      console.log(
        `line ${i + 1} (${l.slice(0, 80)}…) differs at ${k}:\n  < ${l.slice(k - 80, k + 160)}\n  > ${r.slice(k - 80, k + 160)}`,
      );
    }
  }
  console.log(
    differ === 0 ? `identical (${left.length - 1} pages)` : `${differ} of ${left.length - 1} pages differ`,
  );
  process.exitCode = differ === 0 ? 0 : 1;
}

if (values.compare) {
  if (positionals.length !== 2) throw new Error("--compare needs two dump files");
  compare(positionals[0]!, positionals[1]!);
} else {
  if (!values.out) throw new Error("--out FILE is required");
  const out = createWriteStream(values.out);
  let n = 0;
  for (const dir of positionals) {
    const pages = pagesOf(path.resolve(dir));
    // Merged per page as the stream extracts them: in batches of pages (extractEachPage).
    const merged: Extraction[] = [];
    for (let i = 0; i < pages.length; i += BATCH_PAGES)
      merged.push(...extractEachPage(pages.slice(i, i + BATCH_PAGES)));
    pages.forEach((page, p) => {
      const segmented = segmentPageWithOrigins(page);
      // As extractPages does: the page's articles stage by stage (extractArticles).
      const extracted = extractArticles(segmented.map((s) => s.article));
      const results = segmented.map((s, i) => {
        const r = extracted[i]!;
        return { article: s.article, origin: s.origin, mentions: r.mentions, relations: r.relations };
      });
      out.write(JSON.stringify({ page: page.source, results, merged: merged[p] }) + "\n");
      n++;
    });
  }
  out.end(() => console.log(`${n} pages → ${values.out}`));
}
