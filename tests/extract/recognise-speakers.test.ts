// Speakers that are no persons (documents, data, common nouns before a speech verb)
// and company speakers (名字 + 职务 + 动词, a body's 负责人, a company announcing).
import { describe, expect, it } from "vitest";
import { extractPages } from "../../src/extract/pipeline.js";

const run = (text: string) =>
  extractPages([{ source: "t.txt", name: "t.txt", text }], { date: "2025-01-20" });
const persons = (text: string): string[] =>
  run(text)
    .entities.filter((e) => e.label === "Person")
    .map((e) => e.name);
const speakers = (text: string): string[] =>
  run(text)
    .relations.filter((r) => r.type === "STATED")
    .map((r) => r.source);

describe("document and common-noun heads are no speakers", () => {
  it.each([
    "蓝皮书建议，地方加快布局算力设施。",
    "方案提出，到2028年培育十家链主企业。",
    "文件指出，要优化营商环境。",
    "白皮书认为，产业链韧性持续增强。",
  ])("%s gives no person and no statement", (text) => {
    expect(persons(text)).toEqual([]);
    expect(speakers(text)).toEqual([]);
  });
  it("still reads a person before the verb", () => {
    expect(speakers("刘志强指出，要优化营商环境。")).toEqual(["Person:刘志强"]);
  });
});
