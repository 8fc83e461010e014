import { describe, expect, it } from "vitest";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import type { EntityMention } from "../../src/extract/types.js";
import { oneSentenceArticle } from "../helpers/article.js";

const article = (text: string) => oneSentenceArticle(text);

const run = (text: string): EntityMention[] => recogniseEntities(article(text));
const names = (text: string, label: string): string[] =>
  run(text)
    .filter((m) => m.label === label)
    .map((m) => m.name);

describe("gazetteer", () => {
  it("maps short forms to the official name", () => {
    const ms = run("工信部提出，国家发改委和国新办将联合发布。");
    expect(ms.filter((m) => m.label === "Agency").map((m) => [m.surface, m.name])).toEqual([
      ["工信部", "工业和信息化部"],
      ["国家发改委", "国家发展改革委"],
      ["国新办", "国务院新闻办公室"],
    ]);
  });
  it("gives cities their 市 form and provinces their 省 form", () => {
    expect(names("记者在湖北武汉和广州看到", "Region")).toEqual(["湖北省", "武汉市", "广州市"]);
  });
  it("does not read 农业部门 as the ministry", () => {
    expect(names("各地农业部门积极指导农民", "Agency")).toEqual([]);
  });
});

describe("head-word patterns and left boundaries", () => {
  it("keeps the words before a zone out of its name", () => {
    expect(names("王明首先来到天津市智能网联汽车先导示范区，察看演示。", "Zone")).toEqual([
      "天津市智能网联汽车先导示范区",
    ]);
  });
  it("finds companies by their legal form and stops at 的 and at a park name", () => {
    expect(names("位于浙江省湖州市的安吉绿谷材料科技有限公司扩产", "Enterprise")).toEqual([
      "安吉绿谷材料科技有限公司",
    ]);
    const ms = run("在湖南长沙市望城工业园星沙精密机械有限公司，工人正忙。");
    expect(ms.find((m) => m.label === "Enterprise")?.name).toBe("星沙精密机械有限公司");
    expect(ms.find((m) => m.label === "Zone")?.name).toMatch(/望城工业园$/);
  });
  it("rejects class words and bare verbs before a head word", () => {
    expect(
      run("该企业和有关部门表示，国家高新区要听取公司意见，地方政府支持独角兽企业。").filter(
        (m) => m.label !== "Region",
      ),
    ).toEqual([]);
  });
  it("finds research institutes, universities and associations that start with a place or a national word", () => {
    expect(names("在成都智能算力研究院，专家来自四川大学和中国人工智能产业联合会。", "Organization")).toEqual(
      ["成都智能算力研究院", "四川大学", "中国人工智能产业联合会"],
    );
  });
  it("completes local bodies with their region and expands short body names", () => {
    const ms = run("浙江省工信厅和杭州市政府联合部署。");
    expect(ms.filter((m) => m.label === "Agency").map((m) => m.name)).toEqual([
      "浙江省工业和信息化厅",
      "杭州市人民政府",
    ]);
  });
  it("recognises named sub-units of a ministry", () => {
    expect(names("工业和信息化部科技司副司长李华表示", "Agency")).toEqual(["工业和信息化部科技司"]);
  });
  it("strips 产业/领域 from industries and ignores class phrases", () => {
    expect(names("推动氢燃料电池产业和人工智能领域发展，培育未来产业。", "Industry")).toEqual([
      "氢燃料电池",
      "人工智能",
    ]);
  });
  it("finds named events with an ordinal or a year, and the bodies named inside them", () => {
    const ms = run("第五届中国新材料产业博览会上，2025科大讯飞全球开发者节同期举行。");
    expect(ms.filter((m) => m.label === "Event").map((m) => m.name)).toEqual([
      "第五届中国新材料产业博览会",
      "2025科大讯飞全球开发者节",
    ]);
    expect(ms.some((m) => m.label === "Enterprise" && m.surface === "科大讯飞")).toBe(true);
  });
});

describe("counties and quoted events", () => {
  it("reads a county right after its city as a region", () => {
    expect(names("在江西省赣州市信丰县，脐橙丰收。", "Region")).toEqual(["江西省", "赣州市", "信丰县"]);
  });
  it("finds an event named in quotes", () => {
    expect(names("两国元首出席“中法文化旅游年”开幕式。", "Event")).toEqual(["中法文化旅游年"]);
  });
});

describe("titles and quoted programmes", () => {
  it("classifies 《》 titles by their head word and drops other titles", () => {
    const ms = run(
      "省里印发《关于推动低空经济发展的实施意见(2024—2026年)》和《数字经济发展白皮书》，《人民日报》报道。",
    );
    expect(ms.filter((m) => m.label === "Policy").map((m) => m.name)).toEqual([
      "关于推动低空经济发展的实施意见(2024—2026年)",
    ]);
    expect(ms.filter((m) => m.label === "Report").map((m) => m.name)).toEqual(["数字经济发展白皮书"]);
  });
  it("finds programmes in quotes followed or ended by their kind", () => {
    expect(names("实施“数智赋能”工程和“强链行动”，开展“双百”专项。", "Program")).toEqual([
      "数智赋能工程",
      "强链行动",
      "双百专项",
    ]);
  });
  it("finds unquoted national networks and platforms", () => {
    expect(names("会上成立国家高新区生物医药产业协同创新网络。", "Program")).toEqual([
      "国家高新区生物医药产业协同创新网络",
    ]);
  });
});

describe("persons", () => {
  it("takes the name after a title and its length from the text that follows", () => {
    const ms = run("科技部副部长陈立新在会上表示，董事长黄志远说，副厅长周军介绍。");
    expect(ms.filter((m) => m.label === "Person").map((m) => m.name)).toEqual(["陈立新", "黄志远", "周军"]);
  });
  it("finds a name before a speech verb and again where it recurs", () => {
    const ms = run("“前景很好。”魏明认为。此后魏明又补充了几点。");
    expect(ms.filter((m) => m.label === "Person").map((m) => m.start)).toEqual([7, 14]);
  });
  it("does not take common words that start with a surname for names", () => {
    expect(names("公司表示，方面表示，成员单位共绘蓝图。", "Person")).toEqual([]);
  });
});

describe("mention layout", () => {
  it("returns mentions sorted by start whose surface is the text at their offsets", () => {
    const text = "工业和信息化部副部长王江平在国新办举行的发布会上表示，北京市将支持中关村示范区。";
    const ms = run(text);
    expect(ms.length).toBeGreaterThan(4);
    for (let i = 0; i < ms.length; i++) {
      expect(text.slice(ms[i]!.start, ms[i]!.end)).toBe(ms[i]!.surface);
      if (i > 0) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.start);
    }
  });
});
