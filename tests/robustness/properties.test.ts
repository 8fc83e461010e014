// Property-based tests: normalisation and extraction hold their contracts on any
// string — full Unicode, lone surrogates, control characters, thousands of the
// same punctuation mark — not only on well-formed news. Runs are kept small so
// that the suite stays fast; a failure prints the shrunk counter-example.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/extract/input/index.js";
import { normalisePage } from "../../src/extract/normalise/index.js";
import { extractPages } from "../../src/extract/pipeline.js";
import type { RawPage } from "../../src/extract/types.js";
import type { Extraction } from "../../src/types.js";

// Pieces of real news text, so that rules actually fire on the generated pages.
const NEWS = [
  "工业和信息化部部长金壮龙表示，要加快推进新型工业化。",
  "国务院印发《关于促进新能源汽车产业发展的意见》。",
  "“要加快发展新质生产力。”浙江省人民政府省长王浩说。",
  "工业和信息化部",
  "部长",
  "金壮龙",
  "国务院",
  "印发",
  "《关于促进新能源汽车产业发展的意见》",
  "浙江省人民政府",
  "杭州高新技术产业开发区",
  "华为技术有限公司",
  "表示",
  "指出",
  "2024年3月5日",
  "记者从",
  "获悉",
  "新能源汽车产业",
  "集成电路",
  "在北京",
  "调研",
  "本报讯",
  "（记者 张三）",
  "。",
  "，",
  "、",
  "：",
  "“",
  "”",
  "《",
  "》",
  "（",
  "）",
  "\n",
  "\n\n",
  " ",
  "\u3000",
  "\f",
  "# ",
  "——",
  "…",
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("\ud800", "\udfff", "\u0000", "\u200b", "\ufeff", "\u2028", "\u0085"),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("。", "，", "《", "“", "”", "》", "！", "、", "\n", "-", "="),
        fc.integer({ min: 2, max: 3000 }),
      )
      .map(([mark, n]) => mark.repeat(n)),
  },
);
const newsText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(newsText, fc.string({ unit: "binary", maxLength: 200 }));

const page = (text: string, name = "p.txt"): RawPage => ({ source: name, name, text });

/** Every offset inside its document's text and equal to the text it claims. */
function checkOffsets(extraction: Extraction): void {
  const texts = new Map(extraction.documents.map((d) => [d.id, d.text ?? ""]));
  for (const e of extraction.entities) {
    for (const m of e.mentions) {
      const text = texts.get(m.documentId);
      expect(text).toBeDefined();
      expect(0 <= m.start && m.start < m.end && m.end <= text!.length).toBe(true);
      expect(text!.slice(m.start, m.end)).toBe(m.text);
    }
  }
  for (const r of extraction.relations) {
    for (const ev of r.evidence) {
      const text = texts.get(ev.documentId);
      expect(text).toBeDefined();
      expect(0 <= ev.start && ev.start < ev.end && ev.end <= text!.length).toBe(true);
      expect(text!.slice(ev.start, ev.end)).toBe(ev.sentence);
    }
  }
}

describe("normalisation", () => {
  it("never throws and maps every character back inside the raw page", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const p of normalisePage(page(text)).paragraphs) {
          expect(p.origin.length).toBe(p.text.length);
          for (const o of p.origin) expect(Number.isInteger(o) && o >= 0 && o < text.length).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("extraction", () => {
  it("never throws; mentions and evidence sit inside the text and equal it", () => {
    let evidence = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        const extraction = extractPages([page(text)], { withText: true });
        checkOffsets(extraction);
        evidence += extraction.relations.reduce((n, r) => n + r.evidence.length, 0);
      }),
      { numRuns: 120 },
    );
    // The generated pages are newsy enough for relation rules to fire, so the property bites.
    expect(evidence).toBeGreaterThan(0);
  });

  it("the same holds after decoding arbitrary bytes (or the file is refused with an error naming it)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        let text: string;
        try {
          text = decode(bytes, "bytes.txt");
        } catch (err) {
          expect((err as Error).message).toMatch(/^bytes\.txt: [^\n]+$/);
          return;
        }
        checkOffsets(extractPages([page(text)], { withText: true }));
      }),
      { numRuns: 150 },
    );
  });

  it("a page's own facts do not depend on the other pages in the batch", () => {
    /** Per-document facts: mention spans with labels, evidence spans with relation types. */
    const factsOf = (extraction: Extraction, docIds: Set<string>) => {
      const facts: string[] = [];
      for (const e of extraction.entities)
        for (const m of e.mentions)
          if (docIds.has(m.documentId))
            facts.push(`M ${m.documentId} ${m.start} ${m.end} ${e.label} ${m.text}`);
      for (const r of extraction.relations)
        for (const ev of r.evidence)
          if (docIds.has(ev.documentId))
            facts.push(`R ${ev.documentId} ${ev.start} ${ev.end} ${r.type} ${ev.rule}`);
      return facts.sort();
    };
    fc.assert(
      fc.property(newsText, fc.array(newsText, { maxLength: 3 }), fc.nat(3), (mine, others, at) => {
        const alone = extractPages([page(mine, "mine.txt")], { withText: true });
        const batch = others.map((t, i) => page(t, `other${i}.txt`));
        batch.splice(Math.min(at, batch.length), 0, page(mine, "mine.txt"));
        const together = extractPages(batch, { withText: true });
        const ids = new Set(alone.documents.map((d) => d.id));
        expect(together.documents.filter((d) => ids.has(d.id))).toEqual(alone.documents);
        expect(factsOf(together, ids)).toEqual(factsOf(alone, ids));
      }),
      { numRuns: 60 },
    );
  });
});
