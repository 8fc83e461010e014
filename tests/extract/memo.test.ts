import { describe, expect, it } from "vitest";
import type { CompiledRules } from "../../src/extract/rules/compile.js";
import { MAX_ENTRIES, memoByRules, memoByRulesAndGroup } from "../../src/extract/rules/memo.js";

// The memo only uses the rule set as a WeakMap key.
const rulesA = {} as CompiledRules;
const rulesB = {} as CompiledRules;

function counted() {
  const calls: string[] = [];
  const memo = memoByRules((name: string) => {
    calls.push(name);
    return name.length;
  });
  return { calls, memo };
}

describe("memoByRules", () => {
  it("computes a name once per rule set", () => {
    const { calls, memo } = counted();
    expect(memo("工业和信息化部", rulesA)).toBe(7);
    expect(memo("工业和信息化部", rulesA)).toBe(7);
    expect(memo("工业和信息化部", rulesB)).toBe(7);
    expect(calls).toEqual(["工业和信息化部", "工业和信息化部"]);
  });

  it("forgets names seen once when more than two generations of distinct names pass", () => {
    const { calls, memo } = counted();
    memo("first", rulesA);
    for (let i = 0; i < 2 * MAX_ENTRIES + 1; i++) memo(`name${i}`, rulesA);
    memo("first", rulesA);
    expect(calls.filter((c) => c === "first")).toHaveLength(2);
  });

  it("keeps a name that recurs while distinct names stream past", () => {
    const { calls, memo } = counted();
    for (let i = 0; i < 5 * MAX_ENTRIES; i++) {
      memo(`name${i}`, rulesA);
      if (i % (MAX_ENTRIES / 2) === 0) memo("recurring", rulesA);
    }
    expect(calls.filter((c) => c === "recurring")).toHaveLength(1);
    expect(calls).toHaveLength(5 * MAX_ENTRIES + 1);
  });
});

describe("memoByRulesAndGroup", () => {
  it("keeps one table per group", () => {
    const calls: string[] = [];
    const memo = memoByRulesAndGroup((group: string, name: string) => {
      calls.push(`${group}:${name}`);
      return `${group}/${name}`;
    });
    expect(memo("Agency", "科技部", rulesA)).toBe("Agency/科技部");
    expect(memo("Enterprise", "科技部", rulesA)).toBe("Enterprise/科技部");
    expect(memo("Agency", "科技部", rulesA)).toBe("Agency/科技部");
    expect(calls).toEqual(["Agency:科技部", "Enterprise:科技部"]);
  });
});
