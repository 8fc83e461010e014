import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extract/sentences.js";

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("splits at sentence-final punctuation and line breaks", () => {
    expect(sentences("标题\n第一句。第二句！第三句？")).toEqual(["标题", "第一句。", "第二句！", "第三句？"]);
  });
  it("keeps a quotation with its speaker", () => {
    expect(sentences("“要抓紧落实。务求实效。”王部长表示。随后散会。")).toEqual([
      "“要抓紧落实。务求实效。”王部长表示。",
      "随后散会。",
    ]);
  });
  it("does not split inside brackets or book titles", () => {
    expect(sentences("会议通过《方案（试行。草案）》等文件。下一步推进。")).toEqual([
      "会议通过《方案（试行。草案）》等文件。",
      "下一步推进。",
    ]);
  });
  it("takes closers and repeated marks into the sentence", () => {
    expect(sentences("他问：“能行吗？！”大家笑了……好。")).toEqual(["他问：“能行吗？！”大家笑了……", "好。"]);
  });
  it("ignores quotes in a line whose quotes do not balance", () => {
    expect(sentences("他说“第一句。第二句。第三句")).toEqual(["他说“第一句。", "第二句。", "第三句"]);
  });
  it("returns trimmed, ordered, non-overlapping spans that cover all text", () => {
    const text = " 甲。 乙！\n\n丙 ";
    const spans = splitSentences(text);
    let covered = "";
    let last = 0;
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      last = s.end;
      covered += text.slice(s.start, s.end);
    }
    expect(covered).toBe(text.replace(/\s/g, ""));
  });
});
