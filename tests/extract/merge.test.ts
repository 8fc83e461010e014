import { describe, expect, it } from "vitest";
import { mergeResults } from "../../src/extract/merge.js";
import type { Article, EntityMention } from "../../src/extract/types.js";
import { entityId } from "../../src/ids.js";
import { oneSentenceArticle } from "../helpers/article.js";

const article = (id: string, text: string) => oneSentenceArticle(text, { id, title: "t" });
const mention = (
  label: EntityMention["label"],
  name: string,
  surface: string,
  start: number,
  extra: Partial<EntityMention> = {},
): EntityMention => ({
  label,
  name,
  surface,
  start,
  end: start + surface.length,
  rule: "test",
  ...extra,
});

describe("mergeResults", () => {
  const a = article("p.txt#0", "工信部副部长王江平表示，要加快发展。");
  const b = article("p.txt#1", "工业和信息化部印发通知。王江平说：“好。”");
  const miit = (surface: string, start: number) => mention("Agency", "工业和信息化部", surface, start);
  const wang = (start: number) => mention("Person", "王江平", "王江平", start);

  it("keeps one entity per thing with every alias and mention", () => {
    const x = mergeResults([
      { article: a, mentions: [miit("工信部", 0), wang(6)], relations: [] },
      { article: b, mentions: [miit("工业和信息化部", 0), wang(12)], relations: [] },
    ]);
    const agency = x.entities.find((e) => e.id === entityId("Agency", "工业和信息化部"))!;
    expect(agency.aliases).toEqual(["工信部"]);
    expect(agency.mentions).toEqual([
      { documentId: "p.txt#0", start: 0, end: 3, text: "工信部" },
      { documentId: "p.txt#1", start: 0, end: 7, text: "工业和信息化部" },
    ]);
    expect(x.entities.filter((e) => e.label === "Person")).toHaveLength(1);
    expect(x.documents.map((d) => d.id)).toEqual(["p.txt#0", "p.txt#1"]);
  });

  it("merges relations by key and keeps evidence from every document", () => {
    const rel = (art: Article, src: EntityMention, tgt: EntityMention) => ({
      type: "HOLDS_POSITION" as const,
      source: src,
      target: tgt,
      properties: { title: "副部长" },
      sentence: { start: 0, end: art.text.length },
      rule: "holds.title",
    });
    const x = mergeResults([
      { article: a, mentions: [], relations: [rel(a, wang(6), miit("工信部", 0))] },
      { article: b, mentions: [], relations: [rel(b, wang(12), miit("工业和信息化部", 0))] },
    ]);
    expect(x.relations).toHaveLength(1);
    expect(x.relations[0]!.properties.title).toBe("副部长");
    expect(x.relations[0]!.evidence.map((e) => [e.documentId, e.sentence])).toEqual([
      ["p.txt#0", a.text],
      ["p.txt#1", b.text],
    ]);
  });

  it("gives statements an id per document and offset, a capped name and the article's date", () => {
    const long = "好".repeat(300);
    const st = (art: Article, start: number) => mention("Statement", long, long, start);
    const x = mergeResults([
      {
        article: b,
        mentions: [],
        relations: [
          {
            type: "STATED",
            source: wang(12),
            target: st(b, 16),
            sentence: { start: 12, end: 21 },
            rule: "stated",
          },
          {
            type: "STATED",
            source: wang(12),
            target: st(b, 40),
            sentence: { start: 12, end: 21 },
            rule: "stated",
          },
        ],
      },
    ]);
    const statements = x.entities.filter((e) => e.label === "Statement");
    expect(statements.map((s) => s.id)).toEqual(["Statement:p.txt#1:16", "Statement:p.txt#1:40"]);
    expect(statements[0]!.name).toHaveLength(200);
    expect(statements[0]!.properties.date).toBe("2024-10-15");
    expect(x.relations).toHaveLength(2);
  });
});
