// Persons: a post title followed by a name (副部长王江平, 本报记者 张伟), or a name
// right before a speech verb (魏谷认为). A name is a surname from the list plus one
// or two given-name characters; the given name is two characters long unless the
// text after the first one already continues the sentence (杨军介绍).
import { scan } from "../rules/scan.js";
import type { CompiledRules } from "../rules/compile.js";
import { breaksAt } from "./boundary.js";
import type { ClauseTokens } from "./boundary.js";
import type { Candidate } from "./candidate.js";
import { CLAUSE_BREAK, isHan } from "./candidate.js";
import { isCommonNoun } from "./not-names.js";

/** Characters that are never part of a given name. (强, 指 … are, unless a speech verb starts there: see givenAt.) */
const NOT_GIVEN = new Set([..."的了在是和与等将也还就都而及或为对从到于以由并已称说会上下"]);
/** One-character words after which a name may start. */
const BEFORE_NAME = new Set([..."和与及同由对向据在被让请"]);
/** Last characters of a body's name (…有限公司, …集团): a name with its post after it may follow one directly. */
const BODY_END = new Set([..."司团局委院厂所校行办馆"]);
/** One-character words that may follow a name directly. */
const AFTER_NAME = new Set([..."在说等和与也还对向到称讲曾是将就为出表指强介认接参主会谈率带"]);

function surnameLength(text: string, at: number, rules: CompiledRules): number {
  if (rules.compoundSurnames.has(text.slice(at, at + 2))) return 2;
  return rules.surnames.has(text[at] ?? "") ? 1 : 0;
}

const givenOk = (ch: string | undefined): boolean => isHan(ch) && !NOT_GIVEN.has(ch!);
/** The character at pos may be part of a given name: not a function word, and no speech verb (强调) starts there. */
const givenAt = (text: string, pos: number, cueStarts: Set<number>): boolean =>
  givenOk(text[pos]) && !cueStarts.has(pos);
/**
 * A two-character name ending at `end` goes on for one more character (李强|华表示): the next
 * character can be a given name's and right after it the clause ends or a speech verb starts.
 * (A one-character verb after it is no proof: 普京来|到 is 来到.)
 */
export function continuesName(text: string, end: number, cueStarts: Set<number>): boolean {
  const after = end + 1;
  return (
    givenAt(text, end, cueStarts) &&
    !AFTER_NAME.has(text[end]!) &&
    (after >= text.length || !isHan(text[after]) || cueStarts.has(after))
  );
}

/** Length of a person name starting at `at`, or 0. */
export function nameLengthAt(text: string, at: number, rules: CompiledRules, cueEnds: Set<number>): number {
  const s = surnameLength(text, at, rules);
  if (s === 0 || !givenAt(text, at + s, cueEnds)) return 0;
  const two = at + s + 2;
  const nextAfterOne = text[at + s + 1];
  if (!givenAt(text, at + s + 1, cueEnds) || AFTER_NAME.has(nextAfterOne!)) return s + 1;
  return two - at;
}

export function personCandidates(words: ClauseTokens, rules: CompiledRules): Candidate[] {
  const text = words.text;
  const out: Candidate[] = [];
  const cueStarts = new Set<number>();
  const cueHits = scan(text, rules).cues;
  for (const h of cueHits) cueStarts.add(h.start);

  // Title + name. Only the longest title ending at a position counts (副部长, not 部长).
  const titleEnds = new Map<number, number>();
  for (const h of scan(text, rules).titles) {
    const prev = titleEnds.get(h.end);
    if (prev === undefined || h.start < prev) titleEnds.set(h.end, h.start);
  }
  for (const [end, start] of titleEnds) {
    const at = text[end] === " " || text[end] === "\u3000" ? end + 1 : end;
    // The segmenter knows many names (余承东, 王猛): its word decides the length; a common word (单位) is no name.
    // After a punctuation mark no word starts at `at` within its clause: nothing to segment.
    const word =
      at < text.length && !breaksAt(text, at) ? words.at(at).find((t) => t.start === at) : undefined;
    const nameLike = (tag: string): boolean => tag.startsWith("nr") || tag === "x";
    if (word && word.end - word.start >= 2 && !nameLike(word.tag)) continue;
    let known = word && nameLike(word.tag) && word.end - at >= 2 && word.end - at <= 4 ? word.end - at : 0;
    // The segmenter knows 李强; 李强华 is someone else.
    if (known === 2 && surnameLength(text, at, rules) === 1 && continuesName(text, at + 2, cueStarts))
      known = 3;
    const len = known || nameLengthAt(text, at, rules, cueStarts);
    if (len === 0) continue;
    const surface = text.slice(at, at + len);
    // A three-character "name" still followed by Han text that does not continue the sentence is a word.
    if (
      !known &&
      len === 3 &&
      isHan(text[at + len]) &&
      !AFTER_NAME.has(text[at + len]!) &&
      !cueStarts.has(at + len)
    )
      continue;
    out.push({
      label: "Person",
      name: surface,
      surface,
      start: at,
      end: at + len,
      rule: "person.title",
      priority: 2,
      tier: 1,
      properties: { title: text.slice(start, end) },
    });
  }

  // Name + speech verb, the name standing at a clause boundary; a post title may stand
  // between them (陈海峰董事长介绍), the name then being the title's.
  for (const cue of cueHits) {
    const titleStart = titleEnds.get(cue.start);
    const nameEnd = titleStart ?? cue.start;
    for (const len of [3, 2]) {
      const at = nameEnd - len;
      if (at < 0) continue;
      const before = text[at - 1];
      const bodyBefore = titleStart !== undefined && BODY_END.has(before!);
      if (isHan(before) && !BEFORE_NAME.has(before!) && !titleEnds.has(at) && !bodyBefore) continue;
      const s = surnameLength(text, at, rules);
      if (s === 0 || s >= len) continue;
      let given = true;
      for (let p = at + s; p < nameEnd; p++) if (!givenAt(text, p, cueStarts)) given = false;
      if (!given) continue;
      const surface = text.slice(at, nameEnd);
      // 公司表示, 方面表示, 白皮书建议: a common word that happens to start with a surname.
      if (isCommonNoun(surface)) break;
      const word = words.at(at).find((t) => t.start === at && t.end === nameEnd);
      if (word && !word.tag.startsWith("nr") && word.tag !== "x") break;
      out.push({
        label: "Person",
        name: surface,
        surface,
        start: at,
        end: nameEnd,
        rule: "person.speech",
        priority: 1,
        tier: 1,
        ...(titleStart === undefined ? {} : { properties: { title: text.slice(titleStart, cue.start) } }),
      });
      break;
    }
  }
  out.push(...speakerLineNames(words, rules, cueStarts));
  return out;
}

/** 许某某：去年以来… — a transcript paragraph opens with the speaker's name and a colon. */
function speakerLineNames(words: ClauseTokens, rules: CompiledRules, cueStarts: Set<number>): Candidate[] {
  const text = words.text;
  const out: Candidate[] = [];
  for (let at = 0; at < text.length; at = text.indexOf("\n", at) + 1 || text.length) {
    while (text[at] === " " || text[at] === "\u3000") at++;
    for (const len of [3, 2]) {
      if (!/^[：:]$/.test(text[at + len] ?? "")) continue;
      const s = surnameLength(text, at, rules);
      if (s === 0 || s >= len) continue;
      let given = true;
      for (let p = at + s; p < at + len; p++) if (!givenAt(text, p, cueStarts)) given = false;
      const word = words.at(at).find((t) => t.start === at && t.end === at + len);
      if (!given || (word && !word.tag.startsWith("nr") && word.tag !== "x")) continue;
      const surface = text.slice(at, at + len);
      if (rules.classWords.has(surface) || rules.stopWords.has(surface) || isCommonNoun(surface)) continue;
      out.push({
        label: "Person",
        name: surface,
        surface,
        start: at,
        end: at + len,
        rule: "person.speech",
        priority: 1,
        tier: 1,
      });
      break;
    }
  }
  return out;
}

/**
 * A name followed by its post in apposition: 王猛，中山大学教授 / 王猛（中山大学教授）. The post
 * is a title ending its clause (or its bracket), the name stands right before the comma or
 * bracket that opens it.
 */
export function appositionCandidates(words: ClauseTokens, rules: CompiledRules): Candidate[] {
  const text = words.text;
  const cueStarts = new Set(scan(text, rules).cues.map((h) => h.start));
  const out: Candidate[] = [];
  const titleEnds = new Map<number, number>();
  for (const h of scan(text, rules).titles) {
    const prev = titleEnds.get(h.end);
    if (prev === undefined || h.start < prev) titleEnds.set(h.end, h.start);
  }
  for (const [end, start] of titleEnds) {
    const close = text[end];
    if (close !== undefined && !/[，,。；;）)]/.test(close)) continue;
    const bracket = close === "）" || close === ")";
    let p = start;
    while (p > 0 && start - p < 24 && !CLAUSE_BREAK.test(text[p - 1]!)) p--;
    const open = text[p - 1];
    if (!(bracket ? open === "（" || open === "(" : open === "，" || open === ",")) continue;
    const nameEnd = p - 1;
    for (const len of [3, 2]) {
      const at = nameEnd - len;
      if (at < 0) continue;
      const before = text[at - 1];
      if (isHan(before) && !BEFORE_NAME.has(before!)) continue;
      const s = surnameLength(text, at, rules);
      if (s === 0 || s >= len) continue;
      let given = true;
      for (let q = at + s; q < nameEnd; q++) if (!givenAt(text, q, cueStarts)) given = false;
      if (!given) continue;
      // 张江，…: a word the segmenter knows as something else is no name.
      const word = words.at(at).find((t) => t.start === at && t.end === nameEnd);
      if (word && !word.tag.startsWith("nr") && word.tag !== "x") break;
      const surface = text.slice(at, nameEnd);
      out.push({
        label: "Person",
        name: surface,
        surface,
        start: at,
        end: nameEnd,
        rule: "person.apposition",
        priority: 1,
        tier: 1,
      });
      break;
    }
  }
  return out;
}

/** Every further occurrence of the names already found (李强 … 李强强调). */
export function repeatedPersons(text: string, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const names = new Set(found.filter((c) => c.label === "Person").map((c) => c.name));
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      out.push({
        label: "Person",
        name,
        surface: name,
        start: at,
        end: at + name.length,
        rule: "person.known",
        priority: 1,
        tier: 1,
      });
    }
  }
  return out;
}
