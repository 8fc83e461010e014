// compromise is loaded on the first English page only (src/extract/english/nlp.ts):
// Chinese pages, and the workers that only ever see them, skip its start-up cost.
// Each test file runs in a fresh process (vitest forks pool), so the require cache
// starts without it.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nlp } from "../../src/extract/english/nlp.js";
import { extractPages } from "../../src/extract/pipeline.js";

const cache = createRequire(import.meta.url).cache;
const compromiseLoaded = () => Object.keys(cache).some((k) => k.includes(`${path.sep}compromise${path.sep}`));

describe("compromise on demand", () => {
  it("is not loaded by Chinese pages, and is by the first English one", () => {
    const zh = extractPages([
      {
        source: "zh.txt",
        name: "zh.txt",
        text: "国家发展改革委副主任张伟强在合肥高新技术产业开发区调研。\n",
      },
    ]);
    expect(zh.entities.length).toBeGreaterThan(0);
    expect(compromiseLoaded()).toBe(false);
    const text =
      "BEIJING, March 5 (Xinhua) -- Officials from Suzhou Industrial Park met Richard Holbrooke on Tuesday. " +
      "The park said it would expand.\n";
    const en = extractPages([{ source: "en.txt", name: "en.txt", text }]);
    expect(compromiseLoaded()).toBe(true);
    expect(en.documents).toHaveLength(1);
  });

  it("gives compromise's own analysis (people with their offsets)", () => {
    const text = "Yesterday Richard Holbrooke met Angela Merkel in Berlin.";
    const people = nlp(text).people().json({ offset: true }) as { text: string; offset: { start: number } }[];
    const names = people.map((p) => text.slice(p.offset.start, p.offset.start + p.text.length));
    expect(names).toEqual(people.map((p) => p.text));
    expect(names.some((n) => n.includes("Holbrooke"))).toBe(true);
  });
});
