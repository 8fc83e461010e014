// Cross-language linking: the bilingual table gives English mentions the
// Chinese canonical name (one entity in a mixed batch), pinyin links persons
// only when exactly one Chinese person reads that way and the posts agree.
import { describe, expect, it } from "vitest";
import { bilingualTable } from "../../src/extract/english/data.js";
import { extractPages } from "../../src/extract/pipeline.js";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import { splitSentences } from "../../src/extract/sentences.js";
import type { Extraction } from "../../src/types.js";

const zhPage = (text: string) => ({ source: "zh.txt", name: "zh.txt", text });
const enPage = (text: string) => ({ source: "en.txt", name: "en.txt", text });

const ZH = `工信部部署支持独角兽企业发展

本报讯 11月20日，工业和信息化部副部长王江平在2024中国独角兽企业发展论坛上表示，工信部将加大对集成电路、人工智能领域独角兽企业的支持力度。
`;
const EN = `MIIT vows more support for unicorns

BEIJING, Nov. 20 (Xinhua) -- Vice Minister of Industry and Information Technology Wang Jiangping said on Wednesday that China will step up support for unicorn enterprises in integrated circuits and artificial intelligence.
The Ministry of Industry and Information Technology (MIIT) said it will improve financing channels for technology start-ups.
`;

const entity = (x: Extraction, label: string, name: string) =>
  x.entities.filter((e) => e.label === label && (e.name === name || e.aliases.includes(name)));
const docs = (x: Extraction, id: string) =>
  new Set(x.entities.find((e) => e.id === id)!.mentions.map((m) => m.documentId));

describe("cross-language entity linking", () => {
  const x = extractPages([zhPage(ZH), enPage(EN)]);

  it("gives one entity for 工信部 / MIIT / Ministry of Industry and Information Technology, named in Chinese", () => {
    const all = [
      ...entity(x, "Agency", "工信部"),
      ...entity(x, "Agency", "MIIT"),
      ...entity(x, "Agency", "Ministry of Industry and Information Technology"),
    ];
    const ids = new Set(all.map((e) => e.id));
    expect(ids.size).toBe(1);
    const miit = all[0]!;
    expect(miit.name).toBe("工业和信息化部");
    expect(miit.aliases).toEqual(
      expect.arrayContaining(["MIIT", "Ministry of Industry and Information Technology"]),
    );
    expect(docs(x, miit.id)).toEqual(new Set(["zh.txt#0", "en.txt#0"]));
  });

  it("links Wang Jiangping to 王江平 and keeps evidence from both languages on one relation", () => {
    const wang = entity(x, "Person", "王江平");
    expect(wang).toHaveLength(1);
    expect(wang[0]!.aliases).toContain("Wang Jiangping");
    expect(entity(x, "Person", "Wang Jiangping").map((e) => e.id)).toEqual([wang[0]!.id]);
    const holds = x.relations.filter((r) => r.type === "HOLDS_POSITION" && r.source === wang[0]!.id);
    expect(holds).toHaveLength(1);
    expect(holds[0]!.target).toBe("Agency:工业和信息化部");
    expect(new Set(holds[0]!.evidence.map((e) => e.documentId))).toEqual(new Set(["zh.txt#0", "en.txt#0"]));
    const stated = x.relations.filter((r) => r.type === "STATED" && r.source === wang[0]!.id);
    expect(new Set(stated.flatMap((r) => r.evidence.map((e) => e.documentId)))).toEqual(
      new Set(["zh.txt#0", "en.txt#0"]),
    );
  });

  it("does not link when two Chinese persons of the batch share the pinyin", () => {
    const twoWangs = `${ZH}\n华为公司副总裁汪江平说，公司将继续加大研发投入。\n`;
    const y = extractPages([zhPage(twoWangs), enPage(EN)]);
    const english = entity(y, "Person", "Wang Jiangping");
    expect(english).toHaveLength(1);
    expect(english[0]!.name).toBe("Wang Jiangping");
    expect(entity(y, "Person", "王江平")[0]!.aliases).not.toContain("Wang Jiangping");
    expect(entity(y, "Person", "汪江平")[0]!.aliases).not.toContain("Wang Jiangping");
  });

  it("does not link when the posts conflict (another body, or minister vs vice minister)", () => {
    const otherBody = `Huawei names new chairman

SHENZHEN, Nov. 21 (Xinhua) -- Wang Jiangping, chairman of Huawei Technologies Co., Ltd., said the company will invest more in chips.
`;
    const y = extractPages([zhPage(ZH), enPage(otherBody)]);
    expect(entity(y, "Person", "Wang Jiangping")[0]!.name).toBe("Wang Jiangping");
    const minister = EN.replace("Vice Minister of Industry", "Minister of Industry");
    const z = extractPages([zhPage(ZH), enPage(minister)]);
    expect(entity(z, "Person", "Wang Jiangping")[0]!.name).toBe("Wang Jiangping");
  });

  it("does not link a pinyin name to a Chinese person who reads differently", () => {
    const y = extractPages([zhPage(ZH), enPage(EN.replaceAll("Wang Jiangping", "Wang Jianping"))]);
    expect(entity(y, "Person", "Wang Jianping")[0]!.name).toBe("Wang Jianping");
    expect(entity(y, "Person", "王江平")[0]!.aliases).not.toContain("Wang Jianping");
  });
});

describe("bilingual alias table", () => {
  // Chinese names the Chinese recogniser does not (yet) find as one entity; an
  // English mention of them keeps its Chinese name but meets no Chinese one.
  const CHINESE_LEXICON_GAPS = ["智能制造装备", "自动驾驶", "中国日报社"];

  it("uses the Chinese recogniser's own canonical names, so both languages meet on one id", () => {
    const mismatched: string[] = [];
    for (const e of bilingualTable()) {
      const text = e.label === "Industry" ? `据报道，${e.zh}产业增长。` : `据报道，${e.zh}表示支持。`;
      const mentions = recogniseEntities({
        id: "t#0",
        source: "t",
        index: 0,
        title: "",
        date: null,
        byline: null,
        language: "zh",
        text,
        sentences: splitSentences(text),
        captions: [],
      });
      const hit = mentions.find((m) => m.start === 4 && m.end === 4 + e.zh.length);
      if (!hit || hit.name !== e.zh || hit.label !== e.label) mismatched.push(e.zh);
    }
    expect(mismatched).toEqual(CHINESE_LEXICON_GAPS);
  });

  it("has no English form that names two entities", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of bilingualTable())
      for (const form of e.en) {
        const key = form.replace(/^!/, "").toLowerCase();
        const other = seen.get(key);
        if (other !== undefined && other !== e.zh) clashes.push(`${form}: ${other} / ${e.zh}`);
        seen.set(key, e.zh);
      }
    expect(clashes).toEqual([]);
  });
});
