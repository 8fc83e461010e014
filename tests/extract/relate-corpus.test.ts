// The relation stage over every corpus page (whatever pages the folder holds):
// checks structural promises, not the pages' content — every relation's sentence
// is one of its article's sentences, its endpoints' surfaces are cut from the
// text at their offsets, every rule id is defined, Statements stay within 200
// characters, and endpoints respect the ontology's labels.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { segmentPage } from "../../src/extract/pipeline.js";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import { extractRelations, relationRuleIds } from "../../src/extract/relate/index.js";
import type { NodeLabel, RelationType } from "../../src/types.js";
import { ENTITY_LABELS } from "../../src/types.js";

const corpusDir = path.join(projectRoot, "..", "shared", "corpus");
const pages = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".txt"))
  .sort();

const ENDPOINTS: Partial<Record<RelationType, [NodeLabel[], NodeLabel[]]>> = {
  ISSUED: [
    ["Agency", "Region", "Organization", "Enterprise"],
    ["Policy", "Report"],
  ],
  HOLDS_POSITION: [["Person"], ["Agency", "Enterprise", "Organization"]],
  STATED: [["Person", "Agency", "Enterprise", "Organization"], ["Statement"]],
  ANNOUNCED: [
    ["Agency", "Person", "Enterprise", "Organization", "Zone", "Region"],
    ["Program", "Policy", "Event"],
  ],
  LOCATED_IN: [
    ["Zone", "Enterprise", "Organization", "Agency"],
    ["Region", "Zone"],
  ],
  FOCUSES_ON: [["Zone", "Region", "Enterprise", "Organization", "Policy", "Program"], ["Industry"]],
  MEMBER_OF: [["Zone", "Enterprise", "Organization", "Agency"], ["Program"]],
  PART_OF: [
    ["Agency", "Enterprise"],
    ["Agency", "Enterprise"],
  ],
  VISITED: [["Person"], ["Enterprise", "Organization", "Zone", "Region"]],
  MENTIONS: [["Statement"], [...ENTITY_LABELS]],
};

describe("relations over the corpus", () => {
  it.each(pages)("%s: evidence spans, surfaces, rule ids and endpoint labels hold", (file) => {
    const ids = new Set(relationRuleIds());
    const text = readFileSync(path.join(corpusDir, file), "utf8");
    let count = 0;
    for (const article of segmentPage({ source: path.join(corpusDir, file), name: file, text })) {
      const sentences = new Set(
        [...article.sentences, ...article.captions].map((s) => `${s.start}:${s.end}`),
      );
      for (const r of extractRelations(article, recogniseEntities(article))) {
        count++;
        expect(sentences.has(`${r.sentence.start}:${r.sentence.end}`), `${r.type} ${r.rule}`).toBe(true);
        expect(ids.has(r.rule), r.rule).toBe(true);
        for (const m of [r.source, r.target]) {
          expect(article.text.slice(m.start, m.end)).toBe(m.surface);
          if (m.label === "Statement") expect(m.name.length).toBeLessThanOrEqual(200);
        }
        const [from, to] = ENDPOINTS[r.type]!;
        expect(from, `${r.type} from ${r.source.label}`).toContain(r.source.label);
        expect(to, `${r.type} to ${r.target.label}`).toContain(r.target.label);
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});
