// Alliances, consortia and networks are programmes (ONTOLOGY: Program covers networks),
// and every body that founds or joins one is its member.
import { describe, expect, it } from "vitest";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import { makeArticle, pairs, relate } from "./relate-fixture.js";

const labelOf = (text: string, name: string): string[] =>
  recogniseEntities(makeArticle(text))
    .filter((m) => m.name === name)
    .map((m) => m.label);

describe("alliances are programmes", () => {
  it("labels a named 联盟 or 联合体 Program, not Organization", () => {
    expect(labelOf("江西省光伏产业联盟在南昌揭牌。", "江西省光伏产业联盟")).toEqual(["Program"]);
    expect(labelOf("会上成立了湖北省氢能创新联合体。", "湖北省氢能创新联合体")).toEqual(["Program"]);
  });
  it("leaves a bare class phrase unnamed", () => {
    expect(labelOf("支持龙头企业组建创新联合体。", "创新联合体")).toEqual([]);
  });
});

describe("founders and joiners of an alliance", () => {
  it("counts the initiator parted from the list by its short-name bracket", () => {
    const text =
      "福州高新技术产业开发区（以下简称“福州高新区”）联合厦门火炬高新区、泉州高新区等5家园区，共同成立海西光电产业联盟。";
    const rels = relate(text, [
      ["Zone", "福州高新技术产业开发区"],
      ["Zone", "福州高新区", "福州高新技术产业开发区"],
      ["Zone", "厦门火炬高新区"],
      ["Zone", "泉州高新区"],
      ["Program", "海西光电产业联盟"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toEqual([
      "福州高新技术产业开发区 → 海西光电产业联盟",
      "厦门火炬高新区 → 海西光电产业联盟",
      "泉州高新区 → 海西光电产业联盟",
    ]);
  });

  it("counts the leader of 牵头，联合…共同组建", () => {
    const text = "甲乙科技牵头，联合江南大学、丙丁材料有限公司等12家单位，共同组建江苏省微纳制造创新联合体。";
    const rels = relate(text, [
      ["Enterprise", "甲乙科技"],
      ["Organization", "江南大学"],
      ["Enterprise", "丙丁材料有限公司"],
      ["Program", "江苏省微纳制造创新联合体"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toEqual([
      "甲乙科技 → 江苏省微纳制造创新联合体",
      "江南大学 → 江苏省微纳制造创新联合体",
      "丙丁材料有限公司 → 江苏省微纳制造创新联合体",
    ]);
  });

  it("reads a list that 共同加入 an alliance, past its 等园区 tail", () => {
    const text = "7月，苏州工业园区与昆山高新区、常州高新区等园区共同加入长三角生物医药产业联盟。";
    const rels = relate(text, [
      ["Zone", "苏州工业园区"],
      ["Zone", "昆山高新区"],
      ["Zone", "常州高新区"],
      ["Program", "长三角生物医药产业联盟"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toHaveLength(3);
  });

  it("does not make a body named before an unrelated clause a member", () => {
    const text = "苏州工业园区发布年度报告，昆山高新区、常州高新区共同成立长三角生物医药产业联盟。";
    const rels = relate(text, [
      ["Zone", "苏州工业园区"],
      ["Zone", "昆山高新区"],
      ["Zone", "常州高新区"],
      ["Program", "长三角生物医药产业联盟"],
    ]);
    expect(pairs(rels, "MEMBER_OF")).toEqual([
      "昆山高新区 → 长三角生物医药产业联盟",
      "常州高新区 → 长三角生物医药产业联盟",
    ]);
  });
});
