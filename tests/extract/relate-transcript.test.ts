// Transcript paragraphs (姓名：…) and headline colons (机构：…) name their speaker without a verb.
import { describe, expect, it } from "vitest";
import { extractPages } from "../../src/extract/pipeline.js";

const stated = (text: string): string[] => {
  const ex = extractPages([{ source: "t.txt", name: "t.txt", text }], { date: "2025-01-20" });
  return ex.relations.filter((r) => r.type === "STATED").map((r) => r.source.split(":")[1]!);
};

describe("transcript speakers", () => {
  it("reads a paragraph opening with a name and a colon as that person's statement", () => {
    const text =
      "新闻发布会实录\n\n商务部副部长郑国华出席发布会。\n\n郑国华：今年以来，外贸稳中有进，出口增长较快。\n\n问：记者提问，下一步有何举措？\n";
    expect(stated(text)).toEqual(["郑国华"]);
  });
  it("reads a body before a colon at the head of a line", () => {
    expect(stated("国家统计局：上半年工业增加值增长百分之六。\n")).toEqual(["国家统计局"]);
  });
  it("ignores a colon in the middle of a sentence and a non-name before it", () => {
    expect(stated("会议指出：要加快发展。\n记者：请问有何进展？\n")).toEqual([]);
  });
});

describe("a place after 在 is no issuer", () => {
  const issuers = (text: string): string[] =>
    extractPages([{ source: "t.txt", name: "t.txt", text }], { date: "2025-01-20" })
      .relations.filter((r) => r.type === "ISSUED")
      .map((r) => r.source);
  it("gives ISSUED to the body before 在X", () => {
    expect(issuers("3月2日，中国汽车工业协会在上海发布《2025汽车产业报告》。")).toEqual([
      "Organization:中国汽车工业协会",
    ]);
  });
  it("still reads a region named as the issuer", () => {
    expect(issuers("上海市发布《关于支持汽车产业的若干措施》。")).toEqual(["Region:上海市"]);
  });
});
