// Head-word patterns over capitalised runs: a run whose head is a class word of
// extract/english/entities.json names an entity of that class. The head is the
// last head word of the run; a head that takes an "of" complement (Ministry of
// Commerce, Academy of Sciences) keeps the rest of the run. A run joined by
// "and" whose two sides each have a head is two names.
import type { EntityMention } from "../types.js";
import type { EnglishEntityRules, EntityFamily } from "./data.js";
import type { Run, Token } from "./tokens.js";

interface HeadHit {
  family: EntityFamily;
  /** Index of the head's first and last token in the run. */
  first: number;
  last: number;
}

const norm = (s: string) => s.toLowerCase().replace(/,\s*/g, ", ");

function headsIn(tokens: Token[], families: EntityFamily[]): HeadHit[] {
  const hits: HeadHit[] = [];
  for (let last = 0; last < tokens.length; last++) {
    if (!tokens[last]!.cap) continue;
    let best: HeadHit | null = null;
    for (const family of families)
      for (const head of family.heads) {
        const words = head.split(/ (?!Ltd)/);
        const first = last - words.length + 1;
        if (first < 0) continue;
        const text = tokens
          .slice(first, last + 1)
          .map((t) => t.text.replace(/['’]s$/, ""))
          .join(" ");
        if (norm(text) === norm(head) && (!best || best.first > first)) best = { family, first, last };
      }
    if (best) hits.push(best);
  }
  return hits;
}

type Known = (name: string) => boolean;
const nameOf = (tokens: Token[]) => tokens.map((t) => t.text).join(" ");

function splitAtAnd(tokens: Token[], families: EntityFamily[], known: Known): Token[][] {
  for (let k = 1; k < tokens.length - 1; k++) {
    if (tokens[k]!.text !== "and") continue;
    const left = tokens.slice(0, k);
    const right = tokens.slice(k + 1);
    const leftHits = headsIn(left, families);
    const rightHits = headsIn(right, families);
    // "Ministry of Industry and Information Technology": the left side's head
    // takes an "of" complement that the right side continues — one name.
    const leftOf = leftHits.some((h) => h.family.ofComplement && left[h.last + 1]?.text === "of");
    const rightStandsAlone = rightHits.some((h) => h.first > 0 || h.last < right.length - 1);
    // "Baidu and Shenzhen Fangda Robotics Co., Ltd.", "Tencent and Tsinghua University".
    const eitherKnown = known(nameOf(left)) || known(nameOf(right));
    if ((leftHits.length && rightHits.length && (!leftOf || rightStandsAlone)) || eitherKnown)
      return [...splitAtAnd(left, families, known), ...splitAtAnd(right, families, known)];
  }
  return [tokens];
}

/** Candidates from one run of capitalised tokens. */
function runCandidates(text: string, tokens: Token[], rules: EnglishEntityRules): EntityMention[] {
  const notStart = new Set(rules.notStart);
  let from = 0;
  while (from < tokens.length && (notStart.has(tokens[from]!.text) || !tokens[from]!.cap)) from++;
  const hits = headsIn(tokens, rules.families).filter((h) => h.first >= from);
  const hit = hits[hits.length - 1];
  if (!hit) return [];
  let end = hit.last;
  if (hit.family.ofComplement && tokens[end + 1]?.text === "of") end = tokens.length - 1;
  // "… Development Report 2024", "… Forum 2024": an edition year after the head.
  else if (/^(?:19|20)\d\d$/.test(tokens[end + 1]?.text ?? "")) end++;
  // Numbers open event names only ("2024 Zhongguancun Forum").
  if (hit.family.label !== "Event") while (from < hit.first && /^\d/.test(tokens[from]!.text)) from++;
  const named = tokens.slice(from, end + 1).filter((t) => t.cap);
  // A class word alone is not a name ("the Zone", "Ministry").
  if (named.length <= hit.last - hit.first + 1 && end === hit.last) return [];
  const start = tokens[from]!.start;
  const last = tokens[end]!;
  const stop = last.possessive ? last.end - 2 : last.end;
  const surface = text.slice(start, stop);
  return [
    {
      label: hit.family.label,
      name: surface.replace(/\s+/g, " "),
      surface,
      start,
      end: stop,
      rule: hit.family.rule,
    },
  ];
}

export function patternMentions(
  text: string,
  runs: Run[],
  rules: EnglishEntityRules,
  known: Known,
): EntityMention[] {
  return runs.flatMap((run) =>
    splitAtAnd(run.tokens, rules.families, known).flatMap((tokens) => runCandidates(text, tokens, rules)),
  );
}
