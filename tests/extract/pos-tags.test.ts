import { describe, expect, it } from "vitest";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { dictionaryTag, tagOf } from "../../src/extract/recognise/pos-tags.js";

/** The dictionary read line by line into a Map: what the index must answer. */
function dictionaryMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of new TextDecoder().decode(dict).split("\n")) {
    const a = line.indexOf(" ");
    const b = a < 0 ? -1 : line.indexOf(" ", a + 1);
    if (b >= 0) map.set(line.slice(0, a), line.slice(b + 1).trimEnd());
  }
  return map;
}

describe("dictionary parts of speech", () => {
  it("gives every dictionary word the tag of its line", () => {
    const map = dictionaryMap();
    expect(map.size).toBeGreaterThan(300_000);
    const wrong: string[] = [];
    for (const [word, tag] of map) if (dictionaryTag(word) !== tag) wrong.push(word);
    expect(wrong).toEqual([]);
  });

  it("finds no tag for words the dictionary does not list", () => {
    const map = dictionaryMap();
    for (const word of ["", "不存在的词语甲乙", "OpenAI", "2024", "国家发展改革委副主任"]) {
      expect(map.has(word)).toBe(false);
      expect(dictionaryTag(word)).toBeUndefined();
    }
  });

  it("tags words outside the dictionary by their letters, as jieba's tag() does", () => {
    expect(tagOf("OpenAI")).toBe("eng");
    expect(tagOf("5G")).toBe("eng");
    expect(tagOf("2024")).toBe("m");
    expect(tagOf("不存在的词语甲乙")).toBe("x");
    // …and agrees with tag() on the words cut() gives for a sentence.
    const jieba = Jieba.withDict(dict);
    const text = "国家发展改革委副主任王江平表示，2024年合肥高新区引进OpenAI等企业123家。";
    const tagged = jieba.tag(text, true);
    expect(jieba.cut(text, true).map(tagOf)).toEqual(tagged.map((t) => t.tag));
  });
});
