// Closed classes: every official name and short form of the lexicons, found in one
// Aho–Corasick pass. A mention's name is the entry's canonical name.
import { scan } from "../rules/scan.js";
import type { CompiledRules } from "../rules/compile.js";
import type { Candidate } from "./candidate.js";
import { continuesName } from "./persons.js";

/** The code unit at i is an ASCII letter or digit ([A-Za-z0-9]); false outside the text. */
function asciiWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
const NATIONAL_NAME = /^(国家|国务院|中央|中共|中国|中华|全国)/;
const LOCAL_BEFORE = /^[省市区县州盟旗]$/;

export function gazetteerCandidates(text: string, rules: CompiledRules): Candidate[] {
  const out: Candidate[] = [];
  let cues: Set<number> | null = null;
  const cueStarts = (): Set<number> => (cues ??= new Set(scan(text, rules).cues.map((h) => h.start)));
  for (const { start, end, value: entry } of scan(text, rules).gazetteer) {
    // An ASCII alias (AI, 5G) must be a whole word, not part of OpenAI or 15G.
    if (asciiWordAt(text, start) && asciiWordAt(text, start - 1)) continue;
    if (asciiWordAt(text, end - 1) && asciiWordAt(text, end)) continue;
    const surface = text.slice(start, end);
    // 李强|华，: a known name inside a longer one is not that person.
    if (entry.label === "Person" && surface.length === 2 && continuesName(text, end, cueStarts())) continue;
    // 农业部门, 文旅部门: "department(s)", not the ministry.
    if (entry.label === "Agency" && surface.endsWith("部") && text[end] === "门") continue;
    // 省发展改革委, 市统计局: a national body's bare short form after a level word or a place
    // is that level's own body (agency.local.body completes it), never the national one.
    if (entry.label === "Agency" && !NATIONAL_NAME.test(surface) && LOCAL_BEFORE.test(text[start - 1] ?? ""))
      continue;
    const cand: Candidate = {
      label: entry.label,
      name: entry.canonical,
      surface,
      start,
      end,
      rule: entry.rule,
      priority: 3,
      tier: 1,
    };
    if (entry.parent) cand.properties = { parent: entry.parent };
    out.push(cand);
  }
  return out;
}
