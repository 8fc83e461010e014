// Speakers that are no persons (documents, data, common nouns before a speech verb)
// and company speakers (名字 + 职务 + 动词, a body's 负责人, a company announcing).
import { describe, expect, it } from "vitest";
import { extractPages } from "../../src/extract/pipeline.js";

const run = (text: string) =>
  extractPages([{ source: "t.txt", name: "t.txt", text }], { date: "2025-01-20" });
const persons = (text: string): string[] =>
  run(text)
    .entities.filter((e) => e.label === "Person")
    .map((e) => e.name);
const speakers = (text: string): string[] =>
  run(text)
    .relations.filter((r) => r.type === "STATED")
    .map((r) => r.source);

describe("document and common-noun heads are no speakers", () => {
  it.each([
    "蓝皮书建议，地方加快布局算力设施。",
    "方案提出，到2028年培育十家链主企业。",
    "文件指出，要优化营商环境。",
    "白皮书认为，产业链韧性持续增强。",
  ])("%s gives no person and no statement", (text) => {
    expect(persons(text)).toEqual([]);
    expect(speakers(text)).toEqual([]);
  });
  it("still reads a person before the verb", () => {
    expect(speakers("刘志强指出，要优化营商环境。")).toEqual(["Person:刘志强"]);
  });
});

describe("company speakers", () => {
  const posts = (text: string): string[] =>
    run(text)
      .relations.filter((r) => r.type === "HOLDS_POSITION")
      .map((r) => `${r.source}>${r.target}`);
  it("reads a name with its post after it before a speech verb, the post in the body the clause is at", () => {
    const text = "在温州东瓯精密仪器有限公司，林国栋总经理介绍，今年出口订单翻了一番。";
    expect(speakers(text)).toEqual(["Person:林国栋"]);
    expect(posts(text)).toEqual(["Person:林国栋>Enterprise:温州东瓯精密仪器有限公司"]);
  });
  it("gives the post to the body printed right before the name", () => {
    const text = "温州东瓯精密仪器有限公司林国栋总经理表示，将新建两条产线。";
    expect(posts(text)).toEqual(["Person:林国栋>Enterprise:温州东瓯精密仪器有限公司"]);
  });
  it("gives no post when the text does not name the body", () => {
    expect(posts("林国栋总经理表示，将新建两条产线。")).toEqual([]);
  });
  it("reads a company announcing an accomplished fact, not one launching something", () => {
    expect(speakers("苏州启明光电科技有限公司日前宣布完成数亿元C轮融资。")).toEqual([
      "Enterprise:苏州启明光电科技有限公司",
    ]);
    expect(speakers("苏州启明光电科技有限公司宣布启动新工厂建设。")).toEqual([]);
  });
});
