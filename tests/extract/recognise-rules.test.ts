import { describe, expect, it } from "vitest";
import { AhoCorasick } from "../../src/extract/rules/aho-corasick.js";
import { parseLexicon, parseRules } from "../../src/extract/rules/load.js";
import { compiledRules } from "../../src/extract/rules/compile.js";

describe("rule files", () => {
  it("reports every bad rule with its file and line", () => {
    const problems: string[] = [];
    const rules = parseRules(
      [
        '{"id":"ok.rule","label":"Zone","kind":"suffix","suffixes":["高新区"],"reason":"r"}',
        "not json",
        '{"id":"bad.label","label":"Thing","kind":"suffix","suffixes":["x"],"reason":"r"}',
        '{"id":"bad.kind","label":"Zone","kind":"nope","reason":"r"}',
      ].join("\n"),
      "extract/rules/x.jsonl",
      problems,
    );
    expect(rules.map((r) => r.id)).toEqual(["ok.rule"]);
    expect(problems.map((p) => p.split(":").slice(0, 2).join(":"))).toEqual([
      "extract/rules/x.jsonl:2",
      "extract/rules/x.jsonl:3",
      "extract/rules/x.jsonl:4",
    ]);
  });
  it("expands templates and canonical suffixes of lexicons", () => {
    const problems: string[] = [];
    const entries = parseLexicon(
      "@label Region\n@rule gaz.t\n@canonical-suffix 市\n武汉 !大同 恩施土家族苗族自治州|恩施州\n",
      "t.txt",
      problems,
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.canonical, ...e.aliases])).toEqual([
      ["武汉市", "武汉"],
      ["大同市"],
      ["恩施土家族苗族自治州", "恩施州"],
    ]);
    const zones = parseLexicon(
      "@label Zone\n@rule gaz.z\n@template {0}高新技术产业开发区|{0}高新区\n合肥\n",
      "z.txt",
      problems,
    );
    expect(zones[0]).toMatchObject({
      canonical: "合肥高新技术产业开发区",
      aliases: ["合肥高新区"],
      rule: "gaz.z:合肥高新技术产业开发区",
    });
  });
  it("flags an entry before its label", () => {
    const problems: string[] = [];
    parseLexicon("北京\n", "n.txt", problems);
    expect(problems[0]).toMatch(/^n\.txt:1: /);
  });
  it("loads the project's rules without problems and gives every rule a unique id", () => {
    const rules = compiledRules();
    expect(rules.rules.size).toBeGreaterThan(10);
    expect(rules.byName.get("工信部")?.[0]?.canonical).toBe("工业和信息化部");
  });
});

describe("aho-corasick", () => {
  it("finds overlapping keys in one pass", () => {
    const ac = new AhoCorasick<string>();
    for (const k of ["北京", "北京市", "京东", "市"]) ac.add(k, k);
    ac.build();
    expect(ac.search("北京市京东").map((h) => `${h.start}-${h.end}:${h.value}`)).toEqual([
      "0-2:北京",
      "0-3:北京市",
      "2-3:市",
      "3-5:京东",
    ]);
  });
});
