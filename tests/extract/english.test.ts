// English items: language detection, sentences, each entity rule family and
// each relation family, with sentences of their own (positive and negative).
import { describe, expect, it } from "vitest";
import { detectLanguage, englishLeadDate } from "../../src/extract/english/language.js";
import { extractEnglishArticle } from "../../src/extract/english/index.js";
import { chinesePersonKeys, englishNameKey, isPinyinWord } from "../../src/extract/english/pinyin.js";
import { splitEnglishSentences } from "../../src/extract/english/sentences.js";
import { segmentPage } from "../../src/extract/pipeline.js";
import type { Article } from "../../src/extract/types.js";

function article(text: string): Article {
  return {
    id: "t.txt#0",
    source: "t.txt",
    index: 0,
    title: "",
    date: "2024-11-20",
    byline: null,
    language: "en",
    text,
    sentences: splitEnglishSentences(text),
    captions: [],
  };
}
const run = (text: string) => extractEnglishArticle(article(text));
const names = (text: string, label: string) =>
  run(text)
    .mentions.filter((m) => m.label === label)
    .map((m) => m.name);
const rels = (text: string, type: string) =>
  run(text)
    .relations.filter((r) => r.type === type)
    .map(
      (r) =>
        `${r.source.name} -> ${r.target.name}${r.properties?.title ? ` {${String(r.properties.title)}}` : ""}`,
    );

describe("language detection", () => {
  it("tells Chinese from English by ideographs against Latin letters", () => {
    expect(detectLanguage("工业和信息化部副部长王江平表示，将加大支持力度。")).toBe("zh");
    expect(detectLanguage("华为发布HarmonyOS NEXT操作系统，OPPO、vivo等厂商跟进。")).toBe("zh");
    expect(detectLanguage("The MIIT (工信部) said it will support unicorn companies in AI.")).toBe("en");
  });

  it("sets Article.language per item, so one page can carry both", () => {
    const page = `# 工信部支持独角兽企业\n\n工业和信息化部副部长王江平表示，将加大支持力度。\n\n# MIIT backs unicorns\n\nThe ministry said it will back unicorn companies in integrated circuits.\n`;
    const items = segmentPage({ source: "p.md", name: "p.md", text: page });
    expect(items.map((a) => a.language)).toEqual(["zh", "en"]);
  });

  it("reads wire datelines", () => {
    expect(englishLeadDate("BEIJING, Nov. 18 (Xinhua) -- The ministry said")).toEqual({ month: 11, day: 18 });
    expect(englishLeadDate("On March 3, 2024, the commission issued")).toEqual({
      month: 3,
      day: 3,
      year: 2024,
    });
    expect(englishLeadDate("The ministry said on Monday")).toBeNull();
  });
});

describe("English sentences", () => {
  const split = (t: string) => splitEnglishSentences(t).map((s) => t.slice(s.start, s.end));
  it("does not split inside abbreviations and keeps a quote with its speaker", () => {
    const t =
      'Huawei Technologies Co., Ltd. and Baidu Inc. signed the deal. The U.S. firm left. "We will grow. Fast," Mr. Wang said.';
    expect(split(t)).toEqual([
      "Huawei Technologies Co., Ltd. and Baidu Inc. signed the deal.",
      "The U.S. firm left.",
      '"We will grow. Fast," Mr. Wang said.',
    ]);
  });
  it("ends a sentence at a line break", () => {
    expect(split("First line without stop\nSecond line.")).toEqual([
      "First line without stop",
      "Second line.",
    ]);
  });
  it("keeps English paragraphs apart in a page and finds English headlines", () => {
    const page = `Ministry backs robot makers\n\nThe ministry said it will support robot makers.\n\nChip output rises\n\nIntegrated circuit output rose 20 percent in October.\n`;
    const items = segmentPage({ source: "p.txt", name: "p.txt", text: page });
    expect(items.map((a) => a.title)).toEqual(["Ministry backs robot makers", "Chip output rises"]);
  });
});

describe("English entity rules", () => {
  it("agencies: table names, acronyms in brackets and head-word patterns", () => {
    const t =
      "The National Development and Reform Commission and the Jiangsu Provincial Bureau of Commerce (JBC) met. JBC said so.";
    expect(names(t, "Agency")).toEqual([
      "国家发展改革委",
      "Jiangsu Provincial Bureau of Commerce",
      "Jiangsu Provincial Bureau of Commerce",
      "Jiangsu Provincial Bureau of Commerce",
    ]);
    expect(run(t).mentions.filter((m) => m.surface === "JBC")).toHaveLength(2);
    expect(names("The ministry and the bureau met.", "Agency")).toEqual([]);
  });

  it("persons: pinyin names, titled names; not place names or pronouns", () => {
    expect(names("Vice Minister Zhao Zhiguo said the plan works.", "Person")).toEqual(["Zhao Zhiguo"]);
    expect(names("Chairman Richard Liu said so.", "Person")).toEqual(["Richard Liu"]);
    expect(names("He said the Optics Valley grows. Long March rockets fly.", "Person")).toEqual([]);
  });

  it("companies: known brands and legal-form suffixes", () => {
    expect(names("Baidu and Shenzhen Fangda Robotics Co., Ltd. signed a deal.", "Enterprise")).toEqual([
      "百度在线网络技术(北京)有限公司",
      "Shenzhen Fangda Robotics Co., Ltd.",
    ]);
    expect(names("Companies in the zone grew.", "Enterprise")).toEqual([]);
  });

  it("zones: official names, short names and zone patterns", () => {
    expect(names("Optics Valley and the Nanchang Xiaolan Economic Development Zone grew.", "Zone")).toEqual([
      "武汉东湖新技术产业开发区",
      "Nanchang Xiaolan Economic Development Zone",
    ]);
    expect(names("The zone grew.", "Zone")).toEqual([]);
  });

  it("policies and reports in quotes or italics; quoted speech is not a policy", () => {
    const t =
      'The MIIT issued the "Guidelines for Building Pilot Platforms for New Materials (2024-2027)" and *Several Measures on Supporting Robotics*. It said "we will keep working hard for all firms".';
    expect(names(t, "Policy")).toEqual([
      "Guidelines for Building Pilot Platforms for New Materials (2024-2027)",
      "Several Measures on Supporting Robotics",
    ]);
    expect(names("The CAICT released the *China Computing Power Development Index*.", "Report")).toEqual([
      "China Computing Power Development Index",
    ]);
  });

  it("programmes, events and industries", () => {
    expect(names('The ministry launched the "5G Plus" campaign.', "Program")).toEqual(["5G Plus"]);
    expect(names("The 2024 World Intelligence Expo opened in Tianjin.", "Event")).toEqual([
      "2024 World Intelligence Expo",
    ]);
    expect(names("Firms in integrated circuits and new energy vehicles grew.", "Industry")).toEqual([
      "集成电路",
      "新能源汽车",
    ]);
  });
});

describe("English relation rules", () => {
  it("ISSUED: subject lists and passive agents; not without a document", () => {
    expect(rels('The MIIT and the NDRC jointly issued the "Action Plan for Robotics".', "ISSUED")).toEqual([
      "工业和信息化部 -> Action Plan for Robotics",
      "国家发展改革委 -> Action Plan for Robotics",
    ]);
    expect(rels('The "Action Plan for Robotics", released by the MOFCOM, took effect.', "ISSUED")).toEqual([
      "商务部 -> Action Plan for Robotics",
    ]);
    expect(rels("The MIIT issued a statement.", "ISSUED")).toEqual([]);
  });

  it("HOLDS_POSITION in five word orders, with the title", () => {
    expect(rels("MIIT Vice Minister Zhao Zhiguo spoke.", "HOLDS_POSITION")).toEqual([
      "Zhao Zhiguo -> 工业和信息化部 {Vice Minister}",
    ]);
    expect(rels("Zhao Zhiguo, director of the NDRC, spoke.", "HOLDS_POSITION")).toEqual([
      "Zhao Zhiguo -> 国家发展改革委 {Director}",
    ]);
    expect(rels("Li Chao, NDRC spokesperson, spoke.", "HOLDS_POSITION")).toEqual([
      "Li Chao -> 国家发展改革委 {Spokesperson}",
    ]);
    expect(rels("Vice Minister Zhao Zhiguo of the MIIT spoke.", "HOLDS_POSITION")).toEqual([
      "Zhao Zhiguo -> 工业和信息化部 {Vice Minister}",
    ]);
    expect(rels("Minister of Commerce Wang Wentao spoke.", "HOLDS_POSITION")).toEqual([
      "Wang Wentao -> 商务部 {Minister}",
    ]);
    expect(rels("Zhao Zhiguo met the NDRC.", "HOLDS_POSITION")).toEqual([]);
  });

  it("STATED: speaker before or after the verb, pronouns, according to; not without a speaker", () => {
    const t =
      'Zhao Zhiguo, director of the NDRC, said investment rose fast. "Demand is strong this year," he added. "Output will grow further," said Li Chao. According to the MIIT, chip output rose 20 percent.';
    expect(rels(t, "STATED").map((r) => r.split(" -> ")[0])).toEqual([
      "Zhao Zhiguo",
      "Zhao Zhiguo",
      "Li Chao",
      "工业和信息化部",
    ]);
    expect(rels("It was said that output rose.", "STATED")).toEqual([]);
  });

  it("ANNOUNCED and MEMBER_OF: single launchers, joint founders, members include", () => {
    expect(rels('The MIIT launched the "Robot Plus" initiative.', "ANNOUNCED")).toEqual([
      "工业和信息化部 -> Robot Plus",
    ]);
    const joint = "Baidu, together with Tencent and Tsinghua University, set up the AI Safety Alliance.";
    expect(rels(joint, "MEMBER_OF")).toEqual([
      "百度在线网络技术(北京)有限公司 -> AI Safety Alliance",
      "腾讯控股有限公司 -> AI Safety Alliance",
      "清华大学 -> AI Safety Alliance",
    ]);
    expect(rels(joint, "ANNOUNCED")).toEqual(["百度在线网络技术(北京)有限公司 -> AI Safety Alliance"]);
    expect(rels("Xiaomi joined the AI Safety Alliance.", "MEMBER_OF")).toEqual([
      "小米集团 -> AI Safety Alliance",
    ]);
    expect(rels("Baidu praised the AI Safety Alliance.", "MEMBER_OF")).toEqual([]);
  });

  it("VISITED, LOCATED_IN, FOCUSES_ON and PART_OF", () => {
    expect(rels("Premier Li Qiang visited Xiaomi in Beijing.", "VISITED")).toEqual([
      "李强 -> 小米集团",
      "李强 -> 北京市",
    ]);
    expect(rels("Li Qiang praised Xiaomi.", "VISITED")).toEqual([]);
    expect(
      rels("Hefei-based iFlytek grew. SenseTime, headquartered in Shanghai, grew.", "LOCATED_IN"),
    ).toEqual(["科大讯飞股份有限公司 -> 合肥市", "商汤科技 -> 上海市"]);
    expect(
      rels(
        "The Hefei High-tech Zone focuses on artificial intelligence and quantum technology.",
        "FOCUSES_ON",
      ),
    ).toEqual(["合肥高新技术产业开发区 -> 人工智能", "合肥高新技术产业开发区 -> 量子科技"]);
    expect(rels("The Hefei High-tech Zone welcomed artificial intelligence experts.", "FOCUSES_ON")).toEqual(
      [],
    );
    expect(rels("The Department of Planning of the MIIT met.", "PART_OF")).toEqual([
      "Department of Planning of the MIIT -> 工业和信息化部",
    ]);
  });
});

describe("pinyin", () => {
  it("reads Chinese names with surname readings and both orders", () => {
    expect(chinesePersonKeys("王江平")).toContain("wangjiangping");
    expect(chinesePersonKeys("王江平")).toContain("jiangpingwang");
    expect(chinesePersonKeys("单雪")).toContain("shanxue");
    expect(chinesePersonKeys("欧阳明高")).toContain("ouyangminggao");
    expect(englishNameKey("Wang Jiang-ping")).toBe("wangjiangping");
  });
  it("knows pinyin words from English words", () => {
    expect(isPinyinWord("Jiangping", 2)).toBe(true);
    expect(isPinyinWord("Xi'an", 2)).toBe(true);
    expect(isPinyinWord("Valley", 2)).toBe(false);
    expect(isPinyinWord("Said", 2)).toBe(false);
  });
});
