import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AhoCorasick } from "../../src/extract/rules/aho-corasick.js";

/** Every (start, end, key) occurrence, the slow way, in the automaton's order (end, then longest first… as produced). */
function naive(text: string, keys: string[]): string[] {
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++)
    for (const k of keys)
      if (k.length <= end && text.startsWith(k, end - k.length)) out.push(`${end - k.length}-${end}:${k}`);
  return out.sort();
}

// Random keys and texts over a small alphabet (an astral character included), so that
// keys overlap and share prefixes often.
const alphabet = fc.constantFrom(..."北京市京东科技园区a1\u{20000}");
const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(""));

const keySets = fc.uniqueArray(word, { maxLength: 12 });
const texts = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(""));

function automaton(keys: string[]): AhoCorasick<string> {
  const ac = new AhoCorasick<string>();
  for (const k of keys) ac.add(k, k);
  return ac;
}

describe("Aho–Corasick over UTF-16 code units", () => {
  it("finds exactly the occurrences a naive scan finds, on random keys and texts", () => {
    fc.assert(
      fc.property(keySets, texts, (keys, text) => {
        const ac = automaton(keys);
        const got = ac.search(text).map((h) => `${h.start}-${h.end}:${h.value}`);
        expect([...got].sort()).toEqual(naive(text, keys));
        // hits come in order of their end offset
        const ends = ac.search(text).map((h) => h.end);
        expect(ends).toEqual([...ends].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("forEachHit reports the hits of search(), in the same order", () => {
    fc.assert(
      fc.property(keySets, texts, (keys, text) => {
        const ac = automaton(keys);
        const each: { start: number; end: number; value: string }[] = [];
        ac.forEachHit(text, (start, end, value) => each.push({ start, end, value }));
        expect(each).toEqual(ac.search(text));
      }),
    );
  });

  it("keeps every value of a key added twice and refuses keys after build", () => {
    const ac = new AhoCorasick<number>();
    ac.add("园区", 1);
    ac.add("园区", 2);
    ac.build();
    expect(ac.search("工业园区").map((h) => h.value)).toEqual([1, 2]);
    expect(() => ac.add("x", 3)).toThrow(/after build/);
  });

  it("matches characters beyond the root's direct table (astral, private use) and empty input", () => {
    const ac = new AhoCorasick<string>();
    ac.add("\u{20000}区", "astral");
    ac.add("\uffff", "max");
    expect(ac.search("")).toEqual([]);
    expect(ac.search("a\u{20000}区\uffff").map((h) => `${h.start}-${h.end}:${h.value}`)).toEqual([
      "1-4:astral",
      "4-5:max",
    ]);
  });
});
