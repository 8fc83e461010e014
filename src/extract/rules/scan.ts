// One pass of the combined automaton over an article gives the hits of every
// table (gazetteer names, head words, post titles, speech verbs), each list in
// the order its own automaton would give. The recogniser's stages ask for the
// tables of the same article one after the other, so the last scan is kept.
import type { Hit } from "./aho-corasick.js";
import type { CompiledRules, SuffixKey } from "./compile.js";
import type { LexiconEntry } from "./schema.js";

export interface Scan {
  gazetteer: Hit<LexiconEntry>[];
  suffixes: Hit<SuffixKey>[];
  titles: Hit<string>[];
  cues: Hit<string>[];
}

let last: { rules: CompiledRules; text: string; scan: Scan } | null = null;

/** Makes `scan` the kept one (a caller that scanned several articles ahead hands each back in turn). */
export function keepScan(text: string, rules: CompiledRules, scan: Scan): void {
  last = { rules, text, scan };
}

export function scan(text: string, rules: CompiledRules): Scan {
  if (last && last.rules === rules && last.text === text) return last.scan;
  const out: Scan = { gazetteer: [], suffixes: [], titles: [], cues: [] };
  rules.combined.forEachHit(text, (start, end, k) => {
    if (k.table === "gazetteer") out.gazetteer.push({ start, end, value: k.value });
    else if (k.table === "suffixes") out.suffixes.push({ start, end, value: k.value });
    else if (k.table === "titles") out.titles.push({ start, end, value: k.value });
    else out.cues.push({ start, end, value: k.value });
  });
  last = { rules, text, scan: out };
  return out;
}
