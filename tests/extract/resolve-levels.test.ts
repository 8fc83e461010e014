// A partial name (省X, 市X) is the body of that level in the article's place, never the
// national body whose short form it contains.
import { describe, expect, it } from "vitest";
import { extractPages } from "../../src/extract/pipeline.js";

const agencies = (text: string): string[] =>
  extractPages([{ source: "t.txt", name: "t.txt", text }], { date: "2024-05-01" })
    .entities.filter((e) => e.label === "Agency")
    .map((e) => e.name)
    .sort();

describe("partial names resolve to the article's level", () => {
  it("completes 省发展改革委 and 省统计局 from the province, not the national bodies", () => {
    const names = agencies("湖南省推进先进制造业。5月3日，省发展改革委印发通知。省统计局表示，增速加快。");
    expect(names).toContain("湖南省发展改革委");
    expect(names).toContain("湖南省统计局");
    expect(names).not.toContain("国家发展改革委");
    expect(names).not.toContain("国家统计局");
  });

  it("reads partial names after 由 and 会同", () => {
    const names = agencies("江西省发布新规。《办法》由省发展改革委会同省经济和信息化厅起草。");
    expect(names).toEqual(["江西省发展改革委", "江西省经济和信息化厅"]);
  });

  it("still finds the national body by its own names", () => {
    expect(agencies("国家发展改革委和国家统计局联合发布数据。")).toEqual(["国家发展改革委", "国家统计局"]);
  });

  it("does not read a partial name inside a word ending in 省 or 市", () => {
    expect(agencies("城市统计局局长来访。")).not.toContain("国家统计局");
  });
});
