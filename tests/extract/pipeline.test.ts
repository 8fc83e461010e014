// The whole pipeline on the sample corpus. Asserts properties every page must
// have, not the corpus's exact content (pages will be added).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import {
  extractPages,
  segmentPage,
  segmentPageWithOrigins,
  documentHash,
} from "../../src/extract/pipeline.js";
import type { RawPage } from "../../src/extract/types.js";

const corpusDir = path.join(projectRoot, "..", "shared", "corpus");
const pages: RawPage[] = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({
    source: path.join(corpusDir, f),
    name: f,
    text: readFileSync(path.join(corpusDir, f), "utf8"),
  }));
const options = { date: "2024-10-31" };
const articles = pages.flatMap((p) => segmentPage(p, options));

describe("pipeline on the corpus", () => {
  it("finds several items on every page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(segmentPage(page, options).length).toBeGreaterThanOrEqual(2);
  });

  it("gives every article an id, a title, a date and text", () => {
    const ids = new Set<string>();
    for (const a of articles) {
      expect(a.id).toMatch(/^.+\.txt#\d+$/);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.text.length).toBeGreaterThan(a.title.length);
    }
  });

  it("has sentences inside the text, in order, covering all of it", () => {
    for (const a of articles) {
      let last = 0;
      let covered = 0;
      for (const s of a.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(a.text.length);
        covered += s.end - s.start;
        last = s.end;
      }
      expect(covered).toBe(a.text.replace(/\s/g, "").length + (a.text.match(/(?<=\S) (?=\S)/g) ?? []).length);
      for (const c of a.captions) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeLessThanOrEqual(a.text.length);
      }
    }
  });

  it("leaves no page jumps, no doubled headlines and no broken column lines", () => {
    for (const a of articles) {
      expect(a.text).not.toMatch(/(?:下转|上接)\s*第?\s*\d+\s*版|▼/);
      for (const line of a.text.split("\n")) {
        expect(line.length).toBeGreaterThan(0);
        const half = line.length / 2;
        expect(line.length >= 6 && line.length % 2 === 0 && line.slice(0, half) === line.slice(half)).toBe(
          false,
        );
      }
    }
    // Any doubled run like X X (≥4 chars repeated back to back) left in a title is a failed repair.
    for (const a of articles) expect(a.title).not.toMatch(/(.{4,})\1/);
  });

  it("maps every article character back to the raw page", () => {
    for (const page of pages) {
      for (const { article, origin } of segmentPageWithOrigins(page, options)) {
        expect(origin).toHaveLength(article.text.length);
        origin.forEach((o, i) => {
          const ch = article.text[i]!;
          if (ch === "\n" || ch === " ") return;
          const raw = page.text[o]!;
          expect(
            raw.normalize("NFKC") === ch.normalize("NFKC") ||
              `${raw}${ch}`.match(/^[,，:：;；()（）"“”!！?？]+$/),
          ).toBeTruthy();
        });
      }
    }
  });

  // Speed is measured by the benchmark (npm run bench, scripts/profile-extract.ts), not here.
  it("produces the interchange format, with a hash per document and offsets that cut out every mention and evidence sentence", () => {
    const extraction = extractPages(pages, { ...options, withText: true });
    expect(extraction.documents.length).toBe(articles.length);
    for (const doc of extraction.documents) {
      expect(doc.hash).toBe(documentHash(doc.text!));
      expect(doc.source).toMatch(/\.txt$/);
    }
    for (const entity of extraction.entities) {
      for (const mention of entity.mentions) {
        const doc = extraction.documents.find((d) => d.id === mention.documentId)!;
        expect(doc.text!.slice(mention.start, mention.end)).toBe(mention.text);
      }
    }
    const texts = new Map(extraction.documents.map((d) => [d.id, d.text!]));
    expect(extraction.relations.length).toBeGreaterThan(0);
    for (const relation of extraction.relations) {
      expect(relation.evidence.length).toBeGreaterThan(0);
      for (const ev of relation.evidence) {
        expect(texts.get(ev.documentId)!.slice(ev.start, ev.end), `${relation.type} ${ev.rule}`).toBe(
          ev.sentence,
        );
      }
    }
  });
});
