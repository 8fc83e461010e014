// Left boundaries of names found by their head word. The head word (suffix) is
// certain; where the name starts is not. A segmenter (jieba) cuts the few
// characters before the head into words, and the name extends leftwards word by
// word until a word that cannot be inside a name: a function word, a verb of
// motion or reporting, a time word, or the head word of a different label.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { CompiledRules } from "../rules/compile.js";
import type { Span } from "../types.js";
import { CLAUSE_BREAK } from "./candidate.js";
import { tagOf } from "./pos-tags.js";

let jieba: Jieba | null = null;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

/** CLAUSE_BREAK as a table of code units (tested for every character walked over). */
const BREAK = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (CLAUSE_BREAK.test(String.fromCharCode(c))) BREAK[c] = 1;
/** The character at i ends a clause (CLAUSE_BREAK). */
export const breaksAt = (text: string, i: number): boolean => BREAK[text.charCodeAt(i)] === 1;

/** End of the clause that contains `pos` (at the next punctuation mark). */
function clauseEnd(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !breaksAt(text, end)) end++;
  return end;
}

/** The words of jieba's tag(text, true); their parts of speech come from tagOf. */
const words = (text: string): string[] => segmenter().cut(text, true);

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * A segmented word whose part of speech is looked up on first use: most words of a
 * clause are never walked over, and the dictionary lookup hashes every fresh string.
 */
class Word implements Token {
  private known: string | undefined;
  constructor(
    readonly word: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get tag(): string {
    return (this.known ??= recentTag(this.word));
  }
}

/**
 * tagOf through a small table of the words seen last: news repeats its words, and this
 * table stays in the CPU's caches where the dictionary index (350,000 words) does not.
 */
const recent = new Map<string, string>();
const RECENT_WORDS = 4096;
function recentTag(word: string): string {
  let tag = recent.get(word);
  if (tag === undefined) {
    if (recent.size >= RECENT_WORDS) recent.clear();
    tag = tagOf(word);
    recent.set(word, tag);
  }
  return tag;
}

/** Part-of-speech tags that never occur inside a name: prepositions, conjunctions, particles, pronouns, adverbs, time words, measure words. */
const STOP_TAGS = new Set([
  "p",
  "c",
  "u",
  "uj",
  "ul",
  "uz",
  "ud",
  "ug",
  "uv",
  "r",
  "d",
  "t",
  "q",
  "y",
  "e",
  "o",
  "f",
]);

/** Tokens of text[from, to), offsets in the article. */
export function tokens(text: string, from: number, to: number): Token[] {
  if (to <= from) return [];
  const out: Token[] = [];
  let at = from;
  for (const word of words(text.slice(from, to))) {
    out.push(new Word(word, at, at + word.length));
    at += word.length;
  }
  return out;
}

/**
 * Words of an article, segmented clause by clause on demand and cached: only the
 * clauses where a head word or a speech verb occurs are ever segmented.
 */
export class ClauseTokens {
  private readonly cache = new Map<number, Token[] | Cut>();
  constructor(readonly text: string) {}

  /** Tokens of the clause containing offset `pos`. */
  at(pos: number): Token[] {
    const start = clauseStart(this.text, pos, 0);
    const kept = this.cache.get(start);
    if (kept instanceof Cut) {
      const list = kept.tokens(start);
      this.cache.set(start, list);
      return list;
    }
    if (kept) return kept;
    const list = tokens(this.text, start, clauseEnd(this.text, pos));
    this.cache.set(start, list);
    return list;
  }

  /**
   * Segments, in one call to the segmenter, every clause containing one of `positions` that
   * is not cached yet. The clauses are joined with line breaks, where the segmenter always
   * cuts, so each clause's words are those it would get alone; the fixed cost of a call is
   * paid once per article instead of once per clause.
   */
  prefetch(positions: Iterable<number>): void {
    prefetchClauses([{ words: this, positions }]);
  }

  /** Clauses containing `positions` not cached yet, in order, each once. */
  clausesAt(positions: Iterable<number>): Span[] {
    const text = this.text;
    const spans: Span[] = [];
    const seen = new Set<number>();
    for (const pos of positions) {
      if (pos < 0 || pos >= text.length) continue;
      const start = clauseStart(text, pos, 0);
      if (seen.has(start) || this.cache.has(start)) continue;
      seen.add(start);
      const end = clauseEnd(text, pos);
      if (end > start) spans.push({ start, end });
    }
    return spans;
  }

  /** Keeps the words of the clause at `start`, segmented elsewhere (see prefetchClauses). */
  keep(start: number, cut: Cut): void {
    this.cache.set(start, cut);
  }

  /** Tokens that end at or before `pos` within its clause, from `from` on; a word cut by `pos` keeps its left part. */
  before(pos: number, from: number): Token[] {
    const out: Token[] = [];
    for (const t of this.at(Math.max(0, pos - 1))) {
      if (t.end <= from) continue;
      if (t.start >= pos) break;
      const s = Math.max(t.start, from);
      const e = Math.min(t.end, pos);
      out.push(
        s === t.start && e === t.end ? t : { word: this.text.slice(s, e), tag: t.tag, start: s, end: e },
      );
    }
    return out;
  }
}

/**
 * ClauseTokens.prefetch for several articles at once (the articles of a page): one call to
 * the segmenter for all their clauses. Its dictionary is then read while still in the CPU's
 * caches, where a call per article finds it evicted by the rules that ran in between; the
 * words of each clause are the same either way (clauses are joined with line breaks).
 */
export function prefetchClauses(requests: { words: ClauseTokens; positions: Iterable<number> }[]): void {
  const owners: ClauseTokens[] = [];
  const spans: Span[] = [];
  for (const { words, positions } of requests)
    for (const span of words.clausesAt(positions)) {
      owners.push(words);
      spans.push(span);
    }
  if (spans.length < 2) return;
  // Each clause's words are a range of the one list the segmenter returns; they become
  // tokens when the clause is first asked for (Cut), so that a batch's words wait as
  // plain strings, not as an object per word that the collector copies until it is used.
  const from = new Int32Array(spans.length + 1);
  let i = 0;
  let at = spans[0]!.start;
  const joined = spans.map((s, k) => owners[k]!.text.slice(s.start, s.end)).join("\n");
  const cut = words(joined);
  for (let w = 0; w < cut.length; w++) {
    const word = cut[w]!;
    if (word === "\n" && at === spans[i]!.end && i + 1 < spans.length) {
      from[++i] = w + 1;
      at = spans[i]!.start;
      continue;
    }
    at += word.length;
  }
  // Only when every clause came back whole (never otherwise seen) are the words kept.
  if (i !== spans.length - 1 || at !== spans[i]!.end) return;
  from[spans.length] = cut.length + 1;
  // (each range ends before the separator that follows it)
  spans.forEach((s, k) => owners[k]!.keep(s.start, new Cut(cut, from[k]!, from[k + 1]! - 1)));
}

/** The words cut[from, to) of one clause, made tokens (offsets from the clause start) when asked for. */
class Cut {
  constructor(
    private readonly cut: string[],
    private readonly from: number,
    private readonly to: number,
  ) {}

  tokens(start: number): Token[] {
    const out: Token[] = [];
    let at = start;
    for (let w = this.from; w < this.to; w++) {
      const word = this.cut[w]!;
      out.push(new Word(word, at, at + word.length));
      at += word.length;
    }
    return out;
  }
}

/** Start of the clause that contains `pos` (after the last punctuation mark). */
export function clauseStart(text: string, pos: number, limit: number): number {
  let i = pos;
  while (i > limit && !breaksAt(text, i - 1)) i--;
  return i;
}

export interface ExtendOptions {
  label: string;
  /** Earliest offset the name may start at. */
  limit: number;
  allowDigits: boolean;
  /** Offsets where another name ends: the extension stops there. */
  blocked: Set<number>;
}

/**
 * Tokens a name ending at `headStart` may take from its left, nearest first;
 * the name starts at the start of the last returned token.
 */
export function leftTokens(
  words: ClauseTokens,
  headStart: number,
  rules: CompiledRules,
  opt: ExtendOptions,
): Token[] {
  if (headStart === 0 || breaksAt(words.text, headStart - 1)) return [];
  const from = clauseStart(words.text, headStart, opt.limit);
  const toks = words.before(headStart, from);
  const taken: Token[] = [];
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (opt.blocked.has(t.end)) break;
    // Event names may join two parts with 和/与 (世界电信和信息社会日大会).
    const joins =
      opt.label === "Event" && (t.word === "和" || t.word === "与" || t.word === "暨") && taken.length > 0;
    // …and carry anniversaries (上线3周年交流座谈会).
    const stopTag = STOP_TAGS.has(t.tag) && !(opt.allowDigits && t.tag === "t");
    if (!joins && (rules.stopWords.has(t.word) || stopTag)) break;
    if (!opt.allowDigits && (/^[0-9０-９.%]+$/.test(t.word) || t.tag === "m")) break;
    // 两大, 多家, 一批: counted class phrases, never part of a name.
    if (/^[一二两三四五六七八九十百千几多数]+[大个家批项类种支所座条]$/.test(t.word)) break;
    // A company or zone name does not run through the head word of another kind of body (…工业园华立源…公司).
    const labels = rules.suffixLabels.get(t.word);
    if (
      labels &&
      !labels.has(opt.label) &&
      !labels.has("Industry") &&
      (opt.label === "Enterprise" || opt.label === "Zone")
    )
      break;
    taken.push(t);
  }
  return taken;
}
