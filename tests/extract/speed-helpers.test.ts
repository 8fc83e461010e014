// Helpers that replaced slower equivalents on the extraction's hot paths: each is
// checked against the straightforward definition it stands for (or, for the page-wide
// segmentation, against recognising each article on its own).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/extract/english/language.js";
import { compiledRules } from "../../src/extract/rules/compile.js";
import { memoByRulesAndGroup } from "../../src/extract/rules/memo.js";
import { visualWidth } from "../../src/extract/normalise/chars.js";
import { mergeResults } from "../../src/extract/merge.js";
import { extractBatch } from "../../src/extract/parallel/batch.js";
import {
  extractArticle,
  extractArticles,
  extractEachPage,
  extractPages,
  segmentPage,
} from "../../src/extract/pipeline.js";
import { prepareArticles, recogniseEntities } from "../../src/extract/recognise/index.js";
import type { RawPage } from "../../src/extract/types.js";
import { examplesDir } from "../../src/paths.js";

/** The definition detectLanguage implements: ideographs vs a quarter of the Latin letters, per code point. */
function byCodePoint(text: string): "zh" | "en" {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return han >= latin / 4 ? "zh" : "en";
}

describe("detectLanguage", () => {
  it("agrees with the per-code-point definition, astral characters included", () => {
    const pieces = ["工信部", "Wang said", "𠀀𪚥", "😀", "ａｂｃ", "abcdefgh ", "，。", "\uFA0E", "\u4DBF"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.string(), (parts, noise) => {
        const text = parts.join("") + noise;
        expect(detectLanguage(text)).toBe(byCodePoint(text));
      }),
    );
  });
});

describe("memoByRulesAndGroup", () => {
  it("computes once per group and name, and keeps groups apart", () => {
    const rules = compiledRules();
    const calls: string[] = [];
    const memo = memoByRulesAndGroup((group: string, name: string) => {
      calls.push(`${group}/${name}`);
      return `${group}:${name}`;
    });
    expect(memo("Enterprise", "百度", rules)).toBe("Enterprise:百度");
    expect(memo("Enterprise", "百度", rules)).toBe("Enterprise:百度");
    expect(memo("Zone", "百度", rules)).toBe("Zone:百度");
    expect(memo("Enterprise\t", "百度", rules)).toBe("Enterprise\t:百度");
    expect(calls).toEqual(["Enterprise/百度", "Zone/百度", "Enterprise\t/百度"]);
  });
});

describe("visualWidth", () => {
  /** The definition: half a unit below U+2E80, one unit otherwise, per code point. */
  const byCodePoint = (text: string): number => {
    let w = 0;
    for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
    return w;
  };
  it("counts code points as for…of does, surrogate pairs and lone halves included", () => {
    const pieces = ["工信部", "AI 2024", "𠀀𪚥", "😀", "\ud800", "\udc00", "，。", "ａ"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), fc.string(), (parts, noise) => {
        const text = parts.join("") + noise;
        expect(visualWidth(text)).toBe(byCodePoint(text));
      }),
    );
  });
});

describe("prepareArticles", () => {
  /** Items whose clauses hold titles, speech verbs and head words, so that many are segmented. */
  const page = (k: number): RawPage => ({
    source: `p${k}.txt`,
    name: `p${k}.txt`,
    text: [
      "2024年8月3日 星期六 第1版",
      "",
      "合肥高新区加快人工智能产业集群",
      "",
      `本报讯 工业和信息化部副部长王江平表示，将推动产业链上下游协同创新。科大讯飞股份有限公司位于合肥高新技术产业开发区，主要从事人工智能研发。陈海峰董事长介绍，公司今年新增${k}家合作伙伴。`,
      "",
      "安徽省人民政府举行新闻发布会",
      "",
      "省发展改革委主任张伟指出，合肥综合性国家科学中心建设取得进展。安徽华立源新材料有限公司与中国科学技术大学签署合作协议。",
    ].join("\n"),
  });

  it("gives every article the mentions it gets when recognised on its own", () => {
    for (let k = 0; k < 3; k++) {
      const articles = segmentPage(page(k));
      expect(articles.length).toBeGreaterThan(1);
      const alone = articles.map((a) => recogniseEntities(a));
      prepareArticles(articles);
      const together = articles.map((a) => recogniseEntities(a));
      expect(together).toEqual(alone);
      expect(alone.flat().length).toBeGreaterThan(5);
    }
  });

  it("extracts a page's articles stage by stage as extractArticle does one at a time", () => {
    const english = readdirSync(examplesDir).filter((f) => f.startsWith("en-") && f.endsWith(".txt"));
    const pages = [
      page(7),
      ...english.map((f) => ({ source: f, name: f, text: readFileSync(path.join(examplesDir, f), "utf8") })),
    ];
    for (const p of pages) {
      const articles = segmentPage(p);
      const oneByOne = articles.map(extractArticle);
      expect(extractArticles(articles)).toEqual(oneByOne);
      const merged = mergeResults(oneByOne);
      const viaPages = extractPages([p]);
      expect(viaPages.entities).toEqual(merged.entities);
      expect(viaPages.relations).toEqual(merged.relations);
    }
    expect(english.length).toBeGreaterThan(0);
  });
});

describe("extractEachPage and extractBatch", () => {
  const pages = [0, 1, 2].map((k) => ({
    source: `b${k}.txt`,
    name: `b${k}.txt`,
    text: `2024年8月${k + 3}日 星期六 第1版\n\n合肥高新区加快产业集群\n\n本报讯 工业和信息化部副部长王江平表示，将推动协同创新。科大讯飞股份有限公司位于合肥高新技术产业开发区。`,
  }));

  it("gives each page of a batch what extractPages gives it alone", () => {
    const each = extractEachPage(pages);
    expect(each).toEqual(pages.map((p) => extractPages([p])));
    expect(extractBatch(pages, {})).toEqual(each.map((extraction) => ({ extraction })));
    expect(each.every((x) => x.relations.length > 0)).toBe(true);
  });

  it("reports a failure per page, not one for the batch", () => {
    const results = extractBatch(pages, { date: "2024/08/03" });
    expect(results).toHaveLength(pages.length);
    for (const r of results) expect("error" in r && r.error).toMatch(/invalid date "2024\/08\/03"/);
  });
});
