import { describe, expect, it } from "vitest";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import { coreName } from "../../src/extract/resolve/index.js";
import { compiledRules } from "../../src/extract/rules/compile.js";
import { oneSentenceArticle } from "../helpers/article.js";

const article = (text: string) => oneSentenceArticle(text, { id: "r.txt#0", date: "2024-05-17" });
const run = (text: string) => recogniseEntities(article(text));

describe("declared short names", () => {
  it("makes （以下简称《X》） an alias and resolves later mentions of X", () => {
    const ms = run(
      "两部门印发《工业机器人产业高质量发展行动方案(2025—2027年)》（以下简称《行动方案》）。《行动方案》提出三项任务。",
    );
    const policies = ms.filter((m) => m.label === "Policy");
    // the full title, the short form in the declaration, and its later use
    expect(policies).toHaveLength(3);
    expect(new Set(policies.map((m) => m.name))).toEqual(
      new Set(["工业机器人产业高质量发展行动方案(2025—2027年)"]),
    );
    expect(policies[0]!.aliases).toContain("行动方案");
  });
  it("makes （简称X） an alias and finds bare X later", () => {
    const ms = run("长沙智能制造研究院（简称CIMI）揭牌。CIMI将开放平台。");
    const org = ms.filter((m) => m.label === "Organization");
    expect(org.map((m) => m.surface)).toEqual(["长沙智能制造研究院", "CIMI", "CIMI"]);
    expect(new Set(org.map((m) => m.name)).size).toBe(1);
  });
});

describe("partial names from context", () => {
  it("completes 省工信厅 with the province the article is about", () => {
    const ms = run("山东济南、青岛等地加快布局。省工信厅有关负责人介绍，山东将出台新政。");
    expect(ms.find((m) => m.surface === "省工信厅")?.name).toBe("山东省工业和信息化厅");
  });
  it("drops a partial name the article cannot complete", () => {
    expect(run("省工信厅有关负责人介绍了情况。").filter((m) => m.label === "Agency")).toEqual([]);
  });
  it("reads 部党组 after a ministry as that ministry", () => {
    const ms = run("商务部召开会议。部党组书记主持。");
    expect(ms.filter((m) => m.label === "Agency").map((m) => m.name)).toEqual(["商务部", "商务部"]);
  });
});

describe("short forms within an article", () => {
  it("resolves the bare brand after the full company name", () => {
    const ms = run("在苏州汇川智控技术股份有限公司，工人忙碌。汇川智控今年营收增长。");
    const ent = ms.filter((m) => m.label === "Enterprise");
    expect(ent.map((m) => m.surface)).toEqual(["苏州汇川智控技术股份有限公司", "汇川智控"]);
    expect(new Set(ent.map((m) => m.name))).toEqual(new Set(["苏州汇川智控技术股份有限公司"]));
  });
  it("computes the core of a company name without region, legal form and trade words", () => {
    expect(coreName("北方华创科技集团股份有限公司", compiledRules())).toBe("北方华创");
    expect(coreName("东莞市宇瞳光学科技股份有限公司", compiledRules())).toBe("宇瞳");
  });
  it("never treats a class word alone as an entity", () => {
    const ms = run("示范区探索创新成效。该企业表示，有关部门和地方政府支持独角兽企业。");
    expect(ms.filter((m) => ["Zone", "Enterprise", "Agency"].includes(m.label))).toEqual([]);
  });
});
