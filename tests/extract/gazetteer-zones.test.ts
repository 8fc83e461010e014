import { describe, expect, it } from "vitest";
import { extractDir } from "../../src/paths.js";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import { loadRuleData } from "../../src/extract/rules/load.js";
import { oneSentenceArticle } from "../helpers/article.js";

const article = (text: string) => oneSentenceArticle(text, { id: "zones.txt#0" });

const zones = (text: string): [string, string][] =>
  recogniseEntities(article(text))
    .filter((m) => m.label === "Zone")
    .map((m) => [m.surface, m.name]);

const zoneEntries = loadRuleData(extractDir).entries.filter((e) => e.label === "Zone");
const fromFile = (rule: string): string[] =>
  zoneEntries.filter((e) => e.rule.startsWith(`${rule}:`)).map((e) => e.canonical);

describe("zone gazetteers", () => {
  it("cover the national high-tech zone and ETDZ lists", () => {
    expect(fromFile("gaz.zone.national-hightech").length).toBeGreaterThanOrEqual(178);
    expect(fromFile("gaz.zone.etdz").length).toBeGreaterThanOrEqual(220);
  });

  it("give no canonical name and no short form to two zones", () => {
    const canonicals = zoneEntries.map((e) => e.canonical);
    expect(canonicals.filter((c, i) => canonicals.indexOf(c) !== i)).toEqual([]);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of zoneEntries)
      for (const name of [e.canonical, ...e.aliases]) {
        const prev = owner.get(name);
        if (prev !== undefined && prev !== e.canonical) clashes.push(`${name}: ${prev} / ${e.canonical}`);
        owner.set(name, e.canonical);
      }
    expect(clashes).toEqual([]);
  });

  it("resolves well-known and X经开区 short forms to the official name", () => {
    expect(zones("小米汽车工厂落户北京亦庄，二期项目已开工。")).toContainEqual([
      "北京亦庄",
      "北京经济技术开发区",
    ]);
    expect(zones("今年以来，鹤壁经开区新签约项目12个。")).toContainEqual([
      "鹤壁经开区",
      "鹤壁经济技术开发区",
    ]);
    expect(zones("宁波杭州湾经开区与泰州医药高新区签署合作协议。")).toEqual([
      ["宁波杭州湾经开区", "宁波杭州湾经济技术开发区"],
      ["泰州医药高新区", "泰州医药高新技术产业开发区"],
    ]);
    expect(zones("中国光谷再添一家独角兽。")).toContainEqual(["中国光谷", "武汉东湖新技术产业开发区"]);
  });
});
