// Cases colleagues found on real pages, each generalised into a rule and checked
// here on sentences written for the test.
import { describe, expect, it } from "vitest";
import { recogniseEntities } from "../../src/extract/recognise/index.js";
import type { EntityMention } from "../../src/extract/types.js";
import { makeArticle, pairs, relate } from "./relate-fixture.js";

const run = (text: string): EntityMention[] => recogniseEntities(makeArticle(text));
const names = (text: string, label: string): string[] =>
  run(text)
    .filter((m) => m.label === label)
    .map((m) => m.name);

describe("industry names drop every trailing head word", () => {
  it("strips 产业领域 and 行业领域, not just the last head", () => {
    expect(names("推动钠电池行业领域加快发展。", "Industry")).toEqual(["钠电池"]);
    expect(names("东湖高新区在光电子信息产业领域独树一帜。", "Industry")).toEqual(["光电子信息"]);
  });
  it("keeps a name whose core would be too short", () => {
    expect(names("推动钠电池产业发展。", "Industry")).toEqual(["钠电池"]);
  });
});

describe("a known name inside a longer one", () => {
  it("reads 李强华 after a title or before a speech verb, not the lexicon's 李强", () => {
    expect(names("省工信厅副厅长李强华表示，要加快发展。", "Person")).toEqual(["李强华"]);
    expect(names("会上，李强华指出，要推进改革。", "Person")).toEqual(["李强华"]);
    expect(names("李强华说，今年工作很多。", "Person")).toEqual(["李强华"]);
  });
  it("still reads the lexicon name where the text goes on with a verb", () => {
    expect(names("国务院总理李强在会上指出，要推进改革。", "Person")).toEqual(["李强"]);
    expect(names("李强强调，要推进改革。", "Person")).toEqual(["李强"]);
    expect(names("李强主持召开国务院常务会议。", "Person")).toEqual(["李强"]);
  });
});

describe("posts printed after the name", () => {
  const people = (text: string): EntityMention[] => run(text).filter((m) => m.label !== "Statement");
  it("finds the person and the post after a comma or in brackets", () => {
    for (const text of [
      "周明远，华东理工大学教授，长期研究催化材料。",
      "周明远（华东理工大学教授）认为，前景广阔。",
    ]) {
      const ms = people(text);
      expect(ms.filter((m) => m.label === "Person").map((m) => m.name)).toEqual(["周明远"]);
      const rels = relate(
        text,
        ms.map((m) => [m.label, m.surface]),
      );
      expect(pairs(rels, "HOLDS_POSITION")).toEqual(["周明远 → 华东理工大学"]);
      expect(rels.find((r) => r.type === "HOLDS_POSITION")?.properties).toEqual({ title: "教授" });
    }
  });
  it("reads a post before the name as before", () => {
    const text = "华东理工大学教授周明远表示，前景广阔。";
    const rels = relate(text, [
      ["Organization", "华东理工大学"],
      ["Person", "周明远"],
    ]);
    expect(pairs(rels, "HOLDS_POSITION")).toEqual(["周明远 → 华东理工大学"]);
  });
  it("gives nothing when what follows the comma is no post", () => {
    const text = "周明远，华东理工大学的学生，参加了比赛。";
    const rels = relate(text, [
      ["Person", "周明远"],
      ["Organization", "华东理工大学"],
    ]);
    expect(pairs(rels, "HOLDS_POSITION")).toEqual([]);
  });
});

describe("company names with a place in brackets", () => {
  it("reads the whole legal name across （） and ()", () => {
    expect(names("华光新材料科技（无锡）股份有限公司今天发布年报。", "Enterprise")).toEqual([
      "华光新材料科技（无锡）股份有限公司",
    ]);
    expect(names("据悉，康泰生物制药(成都)有限公司已完成扩产。", "Enterprise")).toEqual([
      "康泰生物制药(成都)有限公司",
    ]);
  });
  it("does not read a class word before the bracket as a name", () => {
    expect(names("该公司（无锡）有限公司", "Enterprise")).toEqual([]);
  });
});

describe("bodies named by their kind", () => {
  it("reads a national centre only when the name opens with the state", () => {
    expect(names("中国农村技术开发中心主任介绍了情况。", "Organization")).toEqual(["中国农村技术开发中心"]);
    expect(names("江苏将加快建设苏州综合性国家科学中心。", "Organization")).toEqual([]);
    expect(names("坚持以企业为中心。", "Organization")).toEqual([]);
  });
  it("reads farms as enterprises named after their place", () => {
    expect(names("近年来，黑龙江农垦友谊农场扩大了大豆种植。", "Enterprise")).toEqual(["黑龙江农垦友谊农场"]);
    expect(names("鼓励发展家庭农场。", "Enterprise")).toEqual([]);
  });
  it("reads a regional task force as an Agency, not the bare class word", () => {
    expect(names("日前，湖南稳外资工作专班召开会议。", "Agency")).toEqual(["湖南稳外资工作专班"]);
    expect(names("当地成立工作专班推进项目。", "Agency")).toEqual([]);
  });
});

describe("a known name followed by a one-character verb", () => {
  it("does not read the verb's first character as part of the name", () => {
    expect(names("随后，李强来到一家企业。", "Person")).toEqual(["李强"]);
  });
});

describe("a meeting speaks for the body that convened it", () => {
  it("gives STATED from the convener of 会议 earlier in the paragraph", () => {
    const text = "日前，湖南稳外资工作专班召开专题会议，分析当前形势。会议强调，要加大政策支持力度。";
    const rels = relate(text, [["Agency", "湖南稳外资工作专班"]]);
    expect(pairs(rels, "STATED")).toEqual(["湖南稳外资工作专班 → 要加大政策支持力度"]);
    expect(rels.find((r) => r.type === "STATED")?.rule).toBe("stated.meeting");
  });
  it("gives nothing when no body convened a meeting in the paragraph", () => {
    const text = "湖南稳外资工作专班发布数据。\n会议强调，要加大政策支持力度。";
    expect(pairs(relate(text, [["Agency", "湖南稳外资工作专班"]]), "STATED")).toEqual([]);
  });
});
