// Each relation family on sentences written for the test (not the corpus), with
// the negative cases the rules must refuse.
import { describe, expect, it } from "vitest";
import { ofType, pairs, relate } from "./relate-fixture.js";
import { relationRuleIds } from "../../src/extract/relate/index.js";

describe("ISSUED", () => {
  it("gives one relation per joint issuer, joined by 、 和 会同", () => {
    const text = "工业和信息化部、国家发展改革委和财政部近日联合印发《关于推动未来产业创新发展的实施意见》。";
    const rels = relate(text, [
      ["Agency", "工业和信息化部"],
      ["Agency", "国家发展改革委"],
      ["Agency", "财政部"],
      ["Policy", "关于推动未来产业创新发展的实施意见"],
    ]);
    expect(pairs(rels, "ISSUED")).toEqual([
      "工业和信息化部 → 关于推动未来产业创新发展的实施意见",
      "国家发展改革委 → 关于推动未来产业创新发展的实施意见",
      "财政部 → 关于推动未来产业创新发展的实施意见",
    ]);
    expect(ofType(rels, "ISSUED")[0]!.rule).toBe("issued.joint-yinfa");
    expect(ofType(rels, "ISSUED")[0]!.properties).toMatchObject({
      date: "2024-10-25",
      dateApproximate: true,
    });
  });

  it("accepts a region as issuer and dates the relation from the sentence", () => {
    const text = "9月3日，杭州市出台《杭州市低空经济高质量发展实施方案》。";
    const rels = relate(text, [
      ["Region", "杭州市"],
      ["Policy", "杭州市低空经济高质量发展实施方案"],
    ]);
    expect(pairs(rels, "ISSUED")).toEqual(["杭州市 → 杭州市低空经济高质量发展实施方案"]);
    expect(ofType(rels, "ISSUED")[0]!.properties).toEqual({ date: "2024-09-03" });
  });

  it("reads 会同, the attributive 发布的 and the passive 由…印发", () => {
    const text =
      "商务部会同海关总署制定《跨境电商出口指引》。赛迪研究院发布的《中国算力白皮书》显示，算力增长较快。《数据要素行动计划》由国家数据局印发。";
    const rels = relate(text, [
      ["Agency", "商务部"],
      ["Agency", "海关总署"],
      ["Policy", "跨境电商出口指引"],
      ["Organization", "赛迪研究院"],
      ["Report", "中国算力白皮书"],
      ["Policy", "数据要素行动计划"],
      ["Agency", "国家数据局"],
    ]);
    expect(pairs(rels, "ISSUED")).toEqual([
      "商务部 → 跨境电商出口指引",
      "海关总署 → 跨境电商出口指引",
      "赛迪研究院 → 中国算力白皮书",
      "国家数据局 → 数据要素行动计划",
    ]);
    expect(ofType(rels, "ISSUED").map((r) => r.rule)).toEqual([
      "issued.joint-yinfa",
      "issued.joint-yinfa",
      "issued.attributive",
      "issued.passive-you",
    ]);
  });

  it("yields nothing when the issuer is a class word (有关部门印发)", () => {
    const text = "有关部门印发《关于加强新能源汽车安全管理的通知》。";
    const rels = relate(text, [["Policy", "关于加强新能源汽车安全管理的通知"]]);
    expect(ofType(rels, "ISSUED")).toEqual([]);
  });
});

describe("HOLDS_POSITION", () => {
  it("splits a chain of posts over several bodies", () => {
    const text = "中共中央政治局委员、上海市委书记陈吉宁出席会议。";
    const rels = relate(text, [
      ["Agency", "中共中央政治局"],
      ["Agency", "上海市委"],
      ["Person", "陈吉宁"],
    ]);
    expect(ofType(rels, "HOLDS_POSITION").map((r) => [r.target.name, r.properties?.title])).toEqual([
      ["中共中央政治局", "委员"],
      ["上海市委", "书记"],
    ]);
  });

  it("joins the posts held in one body and makes a printed sub-unit PART_OF it", () => {
    const text = "海关总署新闻发言人、统计分析司司长吕大良介绍了情况。";
    const rels = relate(text, [
      ["Agency", "海关总署"],
      ["Person", "吕大良"],
    ]);
    expect(ofType(rels, "HOLDS_POSITION").map((r) => [r.target.name, r.properties?.title])).toEqual([
      ["海关总署", "新闻发言人"],
      ["海关总署统计分析司", "司长"],
    ]);
    expect(pairs(rels, "PART_OF")).toEqual(["海关总署统计分析司 → 海关总署"]);
  });

  it("resolves a short form (部, 公司) to the body named earlier in the article", () => {
    const text =
      "商务部召开发布会。部党组成员、副部长盛秋平出席。深圳市大疆创新科技有限公司很忙。公司副总裁邵明说，订单很多。";
    const rels = relate(text, [
      ["Agency", "商务部"],
      ["Person", "盛秋平"],
      ["Enterprise", "深圳市大疆创新科技有限公司"],
      ["Person", "邵明"],
    ]);
    const holds = ofType(rels, "HOLDS_POSITION");
    expect(holds.map((r) => [r.source.name, r.target.name, r.properties?.title, r.rule])).toEqual([
      ["盛秋平", "商务部", "党组成员、副部长", "holds.short-form"],
      ["邵明", "深圳市大疆创新科技有限公司", "副总裁", "holds.short-form"],
    ]);
  });

  it("names a company's business unit after the brand and makes it PART_OF the company", () => {
    const text = "小米集团总裁、手机部总裁卢伟冰表示，新品将于下月发布。";
    const rels = relate(text, [
      ["Enterprise", "小米集团"],
      ["Person", "卢伟冰"],
    ]);
    expect(ofType(rels, "HOLDS_POSITION").map((r) => [r.target.name, r.properties?.title])).toEqual([
      ["小米集团", "总裁、手机部总裁"],
    ]);
    expect(pairs(rels, "PART_OF")).toEqual([]);
  });

  it("finds no post where the words before a name are not a title", () => {
    const text = "记者王小明在现场看到，车间里一片繁忙。";
    expect(ofType(relate(text, [["Person", "王小明"]]), "HOLDS_POSITION")).toEqual([]);
  });
});

describe("STATED", () => {
  it("takes the clause after the verb and the speaker before it, across adverbials", () => {
    const text = "商务部部长王文涛在新闻发布会上表示，将进一步扩大服务业开放。";
    const rels = relate(text, [
      ["Agency", "商务部"],
      ["Person", "王文涛"],
    ]);
    const stated = ofType(rels, "STATED");
    expect(stated).toHaveLength(1);
    expect(stated[0]!.source.name).toBe("王文涛");
    expect(stated[0]!.target.label).toBe("Statement");
    expect(stated[0]!.target.name).toBe("将进一步扩大服务业开放");
    expect(text.slice(stated[0]!.target.start, stated[0]!.target.end)).toBe(stated[0]!.target.surface);
    expect(stated[0]!.rule).toBe("stated.verb-after-speaker");
  });

  it("gives a quote before the speaker to that speaker (“……”X表示。)", () => {
    const text = "“今年的订单已经排到了年底。”宁德时代董事长曾毓群表示。";
    const rels = relate(text, [
      ["Enterprise", "宁德时代"],
      ["Person", "曾毓群"],
    ]);
    const stated = ofType(rels, "STATED");
    expect(stated.map((r) => [r.source.name, r.target.name, r.rule])).toEqual([
      ["曾毓群", "今年的订单已经排到了年底。", "stated.quote-then-speaker"],
    ]);
  });

  it("reads 他 as the last named person and 该负责人 as the last speaker", () => {
    const text =
      "国家能源局副局长任京东主持会议。他强调，要保障能源安全。国家能源局相关负责人表示，迎峰度夏准备充分。该负责人指出，电力供应总体平稳。";
    const rels = relate(text, [
      ["Agency", "国家能源局"],
      ["Person", "任京东"],
    ]);
    expect(ofType(rels, "STATED").map((r) => [r.source.name, r.rule])).toEqual([
      ["任京东", "stated.pronoun"],
      ["国家能源局", "stated.spokesperson"],
      ["国家能源局", "stated.pronoun"],
    ]);
  });

  it("yields no statement without a named speaker", () => {
    const text = "业内人士表示，行业将迎来整合。会议强调，要抓好落实。据介绍，项目进展顺利。";
    expect(ofType(relate(text, [["Industry", "行业"]]), "STATED")).toEqual([]);
  });

  it("does not take 表示赞许 or a 情况介绍 for a statement", () => {
    const text = "张三对企业的创新成果表示赞许。张三听取了企业情况介绍，随后离开。";
    expect(ofType(relate(text, [["Person", "张三"]]), "STATED")).toEqual([]);
  });

  it("links the statement to the entities it names and dates it", () => {
    const text = "10月13日，工业和信息化部副部长王江平表示，将支持独角兽企业发展人工智能。";
    const rels = relate(text, [
      ["Agency", "工业和信息化部"],
      ["Person", "王江平"],
      ["Industry", "人工智能"],
    ]);
    const stated = ofType(rels, "STATED")[0]!;
    expect(stated.target.properties).toEqual({ date: "2024-10-13" });
    expect(ofType(rels, "MENTIONS").map((r) => [r.source.label, r.target.name])).toEqual([
      ["Statement", "人工智能"],
    ]);
  });

  it("keeps the statement name within 200 characters", () => {
    const text = `李明表示，${"产业发展持续向好".repeat(40)}。`;
    const stated = ofType(relate(text, [["Person", "李明"]]), "STATED")[0]!;
    expect(stated.target.name.length).toBe(200);
    expect(stated.target.surface.length).toBeGreaterThan(200);
  });
});

describe("ANNOUNCED and MEMBER_OF", () => {
  it("makes every co-founder, the initiator included, a member", () => {
    const text =
      "会上，张江高新区联合苏州工业园区、合肥高新区等3家国家高新区，共同成立长三角集成电路产业联盟。";
    const rels = relate(text, [
      ["Zone", "张江高新区"],
      ["Zone", "苏州工业园区"],
      ["Zone", "合肥高新区"],
      ["Program", "长三角集成电路产业联盟"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toEqual([
      "张江高新区 → 长三角集成电路产业联盟",
      "苏州工业园区 → 长三角集成电路产业联盟",
      "合肥高新区 → 长三角集成电路产业联盟",
    ]);
    expect(pairs(rels, "ANNOUNCED")).toHaveLength(3);
  });

  it("finds the launcher of a named programme, jointly or alone", () => {
    const text = "中国电信、中国移动联合宣布启动“5G万站工程”。科技部在前期工作基础上推出“揭榜挂帅”专项行动。";
    const rels = relate(text, [
      ["Enterprise", "中国电信"],
      ["Enterprise", "中国移动"],
      ["Program", "5G万站工程"],
      ["Agency", "科技部"],
      ["Program", "揭榜挂帅"],
    ]);
    expect(pairs(rels, "ANNOUNCED")).toEqual([
      "中国电信 → 5G万站工程",
      "中国移动 → 5G万站工程",
      "科技部 → 揭榜挂帅",
    ]);
  });

  it("reads 加入 as membership", () => {
    const text = "东湖高新区正式加入国家高新区人工智能产业协同创新网络。";
    const rels = relate(text, [
      ["Zone", "东湖高新区"],
      ["Program", "国家高新区人工智能产业协同创新网络"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toEqual(["东湖高新区 → 国家高新区人工智能产业协同创新网络"]);
  });
});

describe("LOCATED_IN", () => {
  it("reads 位于…的, a place chain before 的 and adjacent places", () => {
    const text =
      "位于合肥高新区的科大讯飞股份有限公司发布新品。浙江省湖州市德清县的地理信息小镇很热闹。在苏州市苏州工业园区，产业很兴旺。";
    const rels = relate(text, [
      ["Zone", "合肥高新区"],
      ["Enterprise", "科大讯飞股份有限公司"],
      ["Region", "浙江省"],
      ["Region", "湖州市"],
      ["Region", "德清县"],
      ["Zone", "地理信息小镇"],
      ["Region", "苏州市"],
      ["Zone", "苏州工业园区"],
    ]);
    expect(pairs(rels, "LOCATED_IN")).toEqual(
      expect.arrayContaining([
        "科大讯飞股份有限公司 → 合肥高新区",
        "地理信息小镇 → 德清县",
        "苏州工业园区 → 苏州市",
      ]),
    );
    expect(ofType(rels, "LOCATED_IN").find((r) => r.source.name === "科大讯飞股份有限公司")!.rule).toBe(
      "located.weiyu",
    );
  });

  it("places a zone in the city its name starts with", () => {
    const text = "成都市发布新规。成都高新区集聚了大量软件企业。";
    const rels = relate(text, [
      ["Region", "成都市"],
      ["Zone", "成都高新区"],
    ]);
    expect(pairs(rels, "LOCATED_IN")).toEqual(["成都高新区 → 成都市"]);
    expect(ofType(rels, "LOCATED_IN")[0]!.rule).toBe("located.name-prefix");
  });
});

describe("FOCUSES_ON", () => {
  it("reads 在…领域 and keeps the metrics as text and numbers", () => {
    const text =
      "合肥高新区在量子信息产业领域走在前列。合肥高新区集聚了3200多家量子信息企业，产业规模突破1.2万亿元。";
    const rels = relate(text, [
      ["Zone", "合肥高新区"],
      ["Industry", "量子信息"],
    ]);
    const focuses = ofType(rels, "FOCUSES_ON");
    expect(focuses.map((r) => r.rule)).toEqual(["focuses.field", "focuses.verb-object"]);
    expect(focuses[1]!.properties).toMatchObject({
      metric: "集聚了3200多家量子信息企业；产业规模突破1.2万亿元",
      metricValue: 3200,
      metricUnit: "家",
      metricValues: [3200, 1.2e12],
    });
  });

  it("follows a list of industries after 聚焦", () => {
    const text = "江苏聚焦集成电路、生物医药等产业集群。";
    const rels = relate(text, [
      ["Region", "江苏"],
      ["Industry", "集成电路"],
      ["Industry", "生物医药"],
    ]);
    expect(pairs(rels, "FOCUSES_ON")).toEqual(["江苏 → 集成电路", "江苏 → 生物医药"]);
  });
});

describe("VISITED", () => {
  it("carries the visitor across the stops of a paragraph", () => {
    const text =
      "丁薛祥6月5日在天津调研。他首先来到天津港集团，察看码头。随后来到中国民航大学。在天津大学，丁薛祥详细了解科研情况。";
    const rels = relate(
      text,
      [
        ["Person", "丁薛祥"],
        ["Region", "天津"],
        ["Enterprise", "天津港集团"],
        ["Organization", "中国民航大学"],
        ["Organization", "天津大学"],
      ],
      "2024-06-06",
    );
    expect(pairs(rels, "VISITED")).toEqual([
      "丁薛祥 → 天津",
      "丁薛祥 → 天津港集团",
      "丁薛祥 → 中国民航大学",
      "丁薛祥 → 天津大学",
    ]);
    expect(ofType(rels, "VISITED")[0]!.properties).toEqual({ date: "2024-06-05" });
  });

  it("does not make a visitor of a reporter's 走进", () => {
    const text = "走进天津大学，实验室里灯火通明。";
    expect(ofType(relate(text, [["Organization", "天津大学"]]), "VISITED")).toEqual([]);
  });
});

describe("evidence", () => {
  it("records a rule id the rule files define and a sentence span of the article", () => {
    const text = "工业和信息化部副部长王江平表示，将建立培育体系。沈阳市制定《沈阳市独角兽行动计划》。";
    const rels = relate(text, [
      ["Agency", "工业和信息化部"],
      ["Person", "王江平"],
      ["Region", "沈阳市"],
      ["Policy", "沈阳市独角兽行动计划"],
    ]);
    const ids = new Set(relationRuleIds());
    expect(rels.length).toBeGreaterThan(0);
    for (const r of rels) {
      expect(ids.has(r.rule)).toBe(true);
      expect(["。", "，"].includes(text[r.sentence.end - 1]!) || r.sentence.end === text.length).toBe(true);
    }
  });
});
