import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/extract/normalise/lines.js";
import { mapped } from "../../src/extract/normalise/mapped.js";
import { unifyQuotes, unifyWidth } from "../../src/extract/normalise/width.js";
import { collapseSpaces } from "../../src/extract/normalise/spaces.js";
import { doubledBlocks, repairDoubled } from "../../src/extract/normalise/doubled.js";
import { isPageJump, stripPageJumps } from "../../src/extract/normalise/page-jumps.js";
import { splitCredits } from "../../src/extract/normalise/credits.js";
import { cleanLines, normalisePage } from "../../src/extract/normalise/index.js";
import { repairFloatingHeadings } from "../../src/extract/normalise/rejoin.js";
import type { Paragraph } from "../../src/extract/normalise/index.js";

const m = (text: string) => mapped(text);
const page = (text: string) => normalisePage({ source: "t.txt", name: "t.txt", text });

describe("splitLines", () => {
  it("drops a BOM and every line-end style, keeping raw offsets", () => {
    const raw = "\uFEFF第一行\r\n第二行\r第三行\n";
    const lines = splitLines(raw);
    expect(lines.map((l) => l.text)).toEqual(["第一行", "第二行", "第三行"]);
    for (const line of lines)
      expect(raw.slice(line.origin[0], line.origin[0]! + line.text.length)).toBe(line.text);
  });
});

describe("unifyWidth", () => {
  it("makes letters and digits half-width and keeps Chinese punctuation full-width", () => {
    expect(unifyWidth(m("ＡＩ产业规模达１２００亿元，增长１５％。")).text).toBe(
      "AI产业规模达1200亿元，增长15%。",
    );
  });
  it("turns half-width punctuation touching Chinese into the full-width form", () => {
    expect(unifyWidth(m("工信部,发展改革委:今年(2025年)开展试点!")).text).toBe(
      "工信部，发展改革委：今年（2025年）开展试点！",
    );
  });
  it("leaves numbers and Latin text alone", () => {
    expect(unifyWidth(m("营收1,250.5万元, at 10:30 (UTC)")).text).toBe("营收1,250.5万元， at 10:30 (UTC)");
  });
  it("maps corner quotes and spaces, one origin per output character", () => {
    const out = unifyWidth(m("「智造」\u3000行动"));
    expect(out.text).toBe("“智造” 行动");
    expect(out.origin).toHaveLength(out.text.length);
  });
  it("turns ASCII double quotes in Chinese text into paired curly quotes", () => {
    expect(unifyQuotes(m('实施"强链"工程和"育苗"计划')).text).toBe("实施“强链”工程和“育苗”计划");
  });
});

describe("collapseSpaces", () => {
  it("removes spaces next to Chinese and keeps one between Latin words", () => {
    expect(collapseSpaces(m("  本报讯 6 月 3 日 ，Open   Source 大会 ")).text).toBe(
      "本报讯6月3日，Open Source大会",
    );
  });
  it("keeps the separators between reporters' names", () => {
    expect(collapseSpaces(m("本报记者 王晓 刘畅")).text).toBe("本报记者 王晓 刘畅");
  });
});

describe("repairDoubled", () => {
  it("repairs block- and character-doubled headlines", () => {
    expect(repairDoubled(m("新能源汽车产量创新高新能源汽车产量创新高20242024年年")).text).toBe(
      "新能源汽车产量创新高2024年",
    );
    expect(repairDoubled(m("33..55%%的企业上云的企业上云")).text).toBe("3.5%的企业上云");
    expect(repairDoubled(m("66GG专网覆盖专网覆盖全省全省")).text).toBe("6G专网覆盖全省");
  });
  it("keeps the origin of the first copy", () => {
    const out = repairDoubled(m("算力券发放算力券发放"));
    expect(out.origin).toEqual([0, 1, 2, 3, 4]);
  });
  it("leaves ordinary text and short repetitions alone", () => {
    for (const text of ["谢谢谢谢", "工信部发布新规", "天天向上天天向上。再说一遍", "产业产业链"]) {
      expect(doubledBlocks(text)).toBeNull();
    }
  });
});

describe("page jumps", () => {
  it("recognises jump lines in their usual forms", () => {
    for (const line of ["▼▼ 下转第2版", "（下转第3版）", "上接第1版", "▲ 转第十二版", "(上接第 4 版)"]) {
      expect(isPageJump(unifyWidth(m(line)).text)).toBe(true);
    }
    expect(isPageJump("第2版要闻")).toBe(false);
  });
  it("cuts inline jumps out of running text", () => {
    expect(stripPageJumps(m("推动产业升级。（下转第4版）")).text).toBe("推动产业升级。");
    expect(stripPageJumps(m("（上接第1版）会议指出")).text).toBe("会议指出");
  });
});

describe("splitCredits", () => {
  it("splits a photo credit off a caption", () => {
    const pieces = splitCredits(m("图为工人在车间调试设备。 新华社记者 王明/摄"));
    expect(pieces.map((p) => [p.kind, p.m.text.trim()])).toEqual([
      ["text", "图为工人在车间调试设备。"],
      ["credit", "新华社记者 王明/摄"],
    ]);
  });
  it("recognises bracketed credits and the ▶ marker", () => {
    expect(splitCredits(m("陈辉摄（视觉中国）"))[0]!.kind).toBe("credit");
    expect(splitCredits(m("新华社发（刘洋/摄）"))[0]!.kind).toBe("credit");
    expect(splitCredits(m("▶ 本报记者 周文"))[0]!.kind).toBe("credit");
  });
  it("splits an author's signature after the last sentence", () => {
    const pieces = splitCredits(m("推动项目尽快落地。 李华"));
    expect(pieces.map((p) => p.kind)).toEqual(["text", "signature"]);
    expect(pieces[1]!.m.text).toBe("李华");
  });
  it("does not take verbs like 拍摄 for credits", () => {
    expect(splitCredits(m("摄制组在园区拍摄纪录片，记者随行")).map((p) => p.kind)).toEqual(["text"]);
  });
});

describe("rejoining lines", () => {
  const column = [
    "智能制造迈上新台阶",
    "",
    "本报讯 近日，省工业和信息",
    "",
    "化厅召开全省智能制造推进",
    "",
    "会，部署下一阶段工作。",
    "",
    "会议指出，全省已建成智能",
    "",
    "工厂120家。",
  ].join("\n");

  it("joins column lines broken inside a sentence and keeps headlines apart", () => {
    const paragraphs = page(column).paragraphs;
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ["heading", "智能制造迈上新台阶"],
      ["text", "本报讯近日，省工业和信息化厅召开全省智能制造推进会，部署下一阶段工作。"],
      ["text", "会议指出，全省已建成智能工厂120家。"],
    ]);
  });

  it("tells a short headline from the column lines around it", () => {
    const text = ["提质增效", "", "今年以来，园区围绕主导产业开展精", "", "准招商，新落地项目四十个。"].join(
      "\n",
    );
    expect(page(text).paragraphs.map((p) => p.kind)).toEqual(["heading", "text"]);
  });

  it("keeps a title and its subtitle above a long paragraph as headlines", () => {
    const text = [
      "数字经济看浙江",
      "“链主”企业带动上下游协同",
      "",
      "日前，" + "记者走访多家企业，了解到".repeat(4) + "。",
    ].join("\n");
    expect(page(text).paragraphs.map((p) => p.kind)).toEqual(["heading", "heading", "text"]);
  });

  it("joins a Latin word broken by the PDF hyphenation mark, and keeps a space between words", () => {
    const text = "该系统支持Open\u2043\n\nHarmony内核和Harmony\n\nOS接口，性能提升。";
    expect(page(text).paragraphs[0]!.text).toBe("该系统支持OpenHarmony内核和Harmony OS接口，性能提升。");
  });

  it("treats a jump line as a hard break", () => {
    const lines = cleanLines("推动新型工业化\n▼▼ 下转第2版\n迈出坚实步伐。");
    expect(lines.map((l) => l.kind)).toEqual(["text", "break", "text"]);
  });

  it("rejoins a sentence interrupted by floating headlines", () => {
    const para = (text: string, kind: Paragraph["kind"]): Paragraph => ({ ...mapped(text), kind });
    const out = repairFloatingHeadings([
      para("园区企业普遍反映融资成本", "text"),
      para("观察", "heading"),
      para("下降明显。", "text"),
    ]);
    expect(out.map((p) => [p.text, p.floating ?? false])).toEqual([
      ["园区企业普遍反映融资成本下降明显。", false],
      ["观察", true],
    ]);
  });

  it("maps every character back to the raw page", () => {
    const raw = "本报讯 ６月３日，工信部（ＭＩＩＴ）召开会议,\n\n部署工作。 王林";
    for (const p of page(raw).paragraphs) {
      expect(p.origin).toHaveLength(p.text.length);
      p.origin.forEach((o, i) => {
        const source = raw[o]!.normalize("NFKC");
        const clean = p.text[i]!.normalize("NFKC");
        expect(source === clean || [",", "，"].includes(source)).toBe(true);
      });
    }
  });
});
