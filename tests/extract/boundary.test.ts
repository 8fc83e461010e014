import { Jieba } from "@node-rs/jieba";
import { describe, expect, it, vi } from "vitest";
import { ClauseTokens } from "../../src/extract/recognise/boundary.js";

const TEXT =
  "11月18日，工业和信息化部、国家发展改革委等十部门联合印发《行动方案》，提出到2027年，" +
  "智能制造装备产业规模突破5万亿元。沈阳新松机器人自动化股份有限公司董事长曲道奎说，" +
  "“我们将把研发投入占比提高到12%以上。” 合肥高新区已集聚量子科技企业68家 AI 5G。";

describe("ClauseTokens", () => {
  it("gives every clause the same words whether segmented alone or prefetched together", () => {
    const alone = new ClauseTokens(TEXT);
    const batched = new ClauseTokens(TEXT);
    const positions = [...TEXT].map((_, i) => i);
    batched.prefetch(positions);
    const spy = vi.spyOn(Jieba.prototype, "tag");
    const prefetched = positions.map((pos) => batched.at(pos));
    expect(spy).not.toHaveBeenCalled(); // every clause came from the one batched call
    spy.mockRestore();
    positions.forEach((pos, i) => expect(prefetched[i]).toEqual(alone.at(pos)));
  });

  it("keeps offsets that cut the article's text into the words", () => {
    const words = new ClauseTokens(TEXT);
    words.prefetch([0, 30, 60, 90]);
    for (const pos of [0, 30, 60, 90])
      for (const t of words.at(pos)) expect(TEXT.slice(t.start, t.end)).toBe(t.word);
  });
});
