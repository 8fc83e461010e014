// Closed classes: every official name and short form of the lexicons, found in one
// Aho–Corasick pass. A mention's name is the entry's canonical name.
import { scan } from "../rules/scan.js";
import type { CompiledRules } from "../rules/compile.js";
import type { Candidate } from "./candidate.js";
import { continuesName } from "./persons.js";

const ASCII_WORD = /[A-Za-z0-9]/;
const NATIONAL_NAME = /^(国家|国务院|中央|中共|中国|中华|全国)/;
const LOCAL_BEFORE = /^[省市区县州盟旗]$/;

export function gazetteerCandidates(text: string, rules: CompiledRules): Candidate[] {
  const out: Candidate[] = [];
  let cues: Set<number> | null = null;
  const cueStarts = (): Set<number> => (cues ??= new Set(scan(text, rules).cues.map((h) => h.start)));
  for (const { start, end, value: entry } of scan(text, rules).gazetteer) {
    const surface = text.slice(start, end);
    // An ASCII alias (AI, 5G) must be a whole word, not part of OpenAI or 15G.
    if (ASCII_WORD.test(surface[0]!) && ASCII_WORD.test(text[start - 1] ?? "")) continue;
    if (ASCII_WORD.test(surface[surface.length - 1]!) && ASCII_WORD.test(text[end] ?? "")) continue;
    // 李强|华，: a known name inside a longer one is not that person.
    if (entry.label === "Person" && surface.length === 2 && continuesName(text, end, cueStarts())) continue;
    // 农业部门, 文旅部门: "department(s)", not the ministry.
    if (entry.label === "Agency" && surface.endsWith("部") && text[end] === "门") continue;
    // 省发展改革委, 市统计局: a national body's bare short form after a level word or a place
    // is that level's own body (agency.local.body completes it), never the national one.
    if (entry.label === "Agency" && !NATIONAL_NAME.test(surface) && LOCAL_BEFORE.test(text[start - 1] ?? ""))
      continue;
    out.push({
      label: entry.label,
      name: entry.canonical,
      surface,
      start,
      end,
      rule: entry.rule,
      priority: 3,
      tier: 1,
      ...(entry.parent ? { properties: { parent: entry.parent } } : {}),
    });
  }
  return out;
}
