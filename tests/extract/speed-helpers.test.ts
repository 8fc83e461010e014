// Helpers that replaced slower equivalents on the extraction's hot paths: each is
// checked against the straightforward definition it stands for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/extract/english/language.js";
import { compiledRules } from "../../src/extract/rules/compile.js";
import { memoByRulesAndGroup } from "../../src/extract/rules/memo.js";

/** The definition detectLanguage implements: ideographs vs a quarter of the Latin letters, per code point. */
function byCodePoint(text: string): "zh" | "en" {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return han >= latin / 4 ? "zh" : "en";
}

describe("detectLanguage", () => {
  it("agrees with the per-code-point definition, astral characters included", () => {
    const pieces = ["工信部", "Wang said", "𠀀𪚥", "😀", "ａｂｃ", "abcdefgh ", "，。", "\uFA0E", "\u4DBF"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.string(), (parts, noise) => {
        const text = parts.join("") + noise;
        expect(detectLanguage(text)).toBe(byCodePoint(text));
      }),
    );
  });
});

describe("memoByRulesAndGroup", () => {
  it("computes once per group and name, and keeps groups apart", () => {
    const rules = compiledRules();
    const calls: string[] = [];
    const memo = memoByRulesAndGroup((group: string, name: string) => {
      calls.push(`${group}/${name}`);
      return `${group}:${name}`;
    });
    expect(memo("Enterprise", "百度", rules)).toBe("Enterprise:百度");
    expect(memo("Enterprise", "百度", rules)).toBe("Enterprise:百度");
    expect(memo("Zone", "百度", rules)).toBe("Zone:百度");
    expect(memo("Enterprise\t", "百度", rules)).toBe("Enterprise\t:百度");
    expect(calls).toEqual(["Enterprise/百度", "Zone/百度", "Enterprise\t/百度"]);
  });
});
