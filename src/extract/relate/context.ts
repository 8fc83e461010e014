// What every relation family needs about one article: its searchable sentences,
// its mentions in text order, the quotes, and small helpers over them. Built once
// per article by index.ts; the families only read it.
import type { NodeLabel, Properties, RelationType } from "../../types.js";
import type { Article, EntityMention, RelationMention, Span } from "../types.js";
import type { RelationRules } from "./rules.js";
import { alternation } from "./rules.js";
import { relationPatterns } from "./patterns.js";
import type { RelationPatterns } from "./patterns.js";

export interface RelateContext {
  article: Article;
  text: string;
  rules: RelationRules;
  /** Entity mentions in text order, nested or overlapping ones reduced to the longest. */
  mentions: EntityMention[];
  /** Sentences relations are searched in (captions left out). */
  sentences: Span[];
  /** Spans of “…” quotations, marks included. */
  quotes: Span[];
  /** The rules' regular expressions, compiled once per rule set. */
  re: RelationPatterns;
  /** Position of each mention in `mentions`, and the mention starting / ending at an offset. */
  index: Map<EntityMention, number>;
  byStart: Map<number, EntityMention>;
  byEnd: Map<number, EntityMention>;
  /** Occurrences of each word list in the whole text, found once per list (see findWords). */
  wordHits: Map<readonly string[], { start: number; end: number; word: string }[]>;
}

export function buildContext(
  article: Article,
  mentions: EntityMention[],
  rules: RelationRules,
): RelateContext {
  const captions = article.captions ?? [];
  const sentences = article.sentences.filter(
    (s) => s.end > s.start && !captions.some((c) => c.start < s.end && s.start < c.end),
  );
  const kept = longestFirst(mentions.filter((m) => m.label !== "Statement"));
  const index = new Map<EntityMention, number>();
  const byStart = new Map<number, EntityMention>();
  const byEnd = new Map<number, EntityMention>();
  kept.forEach((m, i) => {
    index.set(m, i);
    byStart.set(m.start, m);
    byEnd.set(m.end, m);
  });
  return {
    article,
    text: article.text,
    rules,
    mentions: kept,
    sentences,
    quotes: findQuotes(article.text),
    re: relationPatterns(rules),
    index,
    byStart,
    byEnd,
    wordHits: new Map(),
  };
}

/** Sorted by start; where mentions overlap, the longer one is kept. */
function longestFirst(mentions: EntityMention[]): EntityMention[] {
  const byLength = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityMention[] = [];
  const taken = new Uint8Array(mentions.reduce((n, m) => Math.max(n, m.end), 0) + 1);
  for (const m of byLength) {
    if (m.end <= m.start) continue;
    let free = true;
    for (let i = m.start; i < m.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Index of the first mention starting at or after pos (mentions are sorted and disjoint). */
function firstFrom(ctx: RelateContext, pos: number): number {
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last mention ending at or before pos that satisfies `ok`, not starting before lo. */
export function lastMentionBefore(
  ctx: RelateContext,
  pos: number,
  ok: (m: EntityMention) => boolean,
  lo = 0,
): EntityMention | undefined {
  for (let i = firstFrom(ctx, pos) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.start < lo) return undefined;
    if (m.end <= pos && ok(m)) return m;
  }
  return undefined;
}

function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  const open: number[] = [];
  // By code unit: text[i] would allocate a string for every Han character.
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x201c) open.push(i);
    else if (ch === 0x201d && open.length > 0) {
      const start = open.pop()!;
      if (open.length === 0) quotes.push({ start, end: i + 1 });
    } else if (ch === 0x0a && text.charCodeAt(i + 1) === 0x0a) open.length = 0; // never across paragraphs
  }
  return quotes.sort((a, b) => a.start - b.start);
}

export function isFiller(ctx: RelateContext, gap: string): boolean {
  const trimmed = gap.trim();
  return trimmed === "" || ctx.re.filler.test(trimmed);
}

export function hasLabel(m: EntityMention, labels: readonly NodeLabel[]): boolean {
  return labels.includes(m.label);
}

export function mentionsIn(ctx: RelateContext, span: Span): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = firstFrom(ctx, span.start); i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!;
    if (m.start >= span.end) break;
    if (m.end <= span.end) out.push(m);
  }
  return out;
}

export function insideQuote(ctx: RelateContext, pos: number): Span | undefined {
  return ctx.quotes.find((q) => q.start < pos && pos < q.end - 1);
}

export function sentenceAt(ctx: RelateContext, pos: number): Span | undefined {
  let lo = 0;
  let hi = ctx.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.sentences[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = ctx.sentences[lo];
  return s && s.start <= pos && pos < s.end ? s : undefined;
}

/** Start of the paragraph holding pos: after the last line break before it. */
export function paragraphStart(ctx: RelateContext, pos: number): number {
  const nl = ctx.text.lastIndexOf("\n", pos - 1);
  return nl < 0 ? 0 : nl + 1;
}

/** The mention ending at pos (whitespace allowed between) with one of the labels, not before lo. */
export function mentionEndingAt(
  ctx: RelateContext,
  pos: number,
  labels: readonly NodeLabel[],
  lo = 0,
): EntityMention | undefined {
  let p = pos;
  while (p > lo && /\s/.test(ctx.text[p - 1]!)) p--;
  const m = ctx.byEnd.get(p);
  return m && m.start >= lo && hasLabel(m, labels) ? m : undefined;
}

export function mentionStartingAt(
  ctx: RelateContext,
  pos: number,
  labels: readonly NodeLabel[],
  hi = ctx.text.length,
): EntityMention | undefined {
  let p = pos;
  while (p < hi && /[\s《“「]/.test(ctx.text[p]!)) p++;
  const m = ctx.byStart.get(p);
  return m && m.end <= hi && hasLabel(m, labels) ? m : undefined;
}

function isConnector(ctx: RelateContext, gap: string, extra: readonly string[] = []): boolean {
  const g = gap
    .replace(/\s+/g, "")
    .replace(/[》”」]/g, "")
    .replace(/[《“「]/g, "");
  return ctx.rules.common.listConnectors.includes(g) || extra.includes(g);
}

/** A coordinated list ending with `last`: 工业和信息化部、国家发展改革委和… (text order). */
export function listEndingWith(
  ctx: RelateContext,
  last: EntityMention,
  labels: readonly NodeLabel[],
  lo: number,
  extraConnectors: readonly string[] = [],
): EntityMention[] {
  const list = [last];
  let i = (ctx.index.get(last) ?? -1) - 1;
  while (i >= 0) {
    const prev = ctx.mentions[i]!;
    const head = list[0]!;
    if (prev.start < lo || !hasLabel(prev, labels)) break;
    if (!isConnector(ctx, ctx.text.slice(prev.end, head.start), extraConnectors)) break;
    list.unshift(prev);
    i--;
  }
  return list;
}

/** A coordinated list starting with `first`, up to hi (text order). */
export function listStartingWith(
  ctx: RelateContext,
  first: EntityMention,
  labels: readonly NodeLabel[],
  hi: number,
  extraConnectors: readonly string[] = [],
): EntityMention[] {
  const list = [first];
  const at = ctx.index.get(first);
  if (at === undefined) return list;
  let i = at + 1;
  while (i < ctx.mentions.length) {
    const next = ctx.mentions[i]!;
    const tail = list[list.length - 1]!;
    if (next.end > hi || !hasLabel(next, labels)) break;
    if (!isConnector(ctx, ctx.text.slice(tail.end, next.start), extraConnectors)) break;
    list.push(next);
    i++;
  }
  return list;
}

export function relation(
  type: RelationType,
  source: EntityMention,
  target: EntityMention,
  sentence: Span,
  rule: string,
  properties?: Properties,
): RelationMention {
  const r: RelationMention = {
    type,
    source,
    target,
    sentence: { start: sentence.start, end: sentence.end },
    rule,
  };
  if (properties && Object.keys(properties).length > 0) r.properties = properties;
  return r;
}

/** All occurrences of any of the words inside span, longest word first at each place. */
export function findWords(
  ctx: RelateContext,
  span: Span,
  words: readonly string[],
): { start: number; end: number; word: string }[] {
  // The words hold no sentence punctuation, so one scan of the article finds the same matches as one per sentence.
  let hits = ctx.wordHits.get(words);
  if (!hits) {
    const re = ctx.re.words.get(words) ?? new RegExp(alternation(words), "gu");
    hits = [...ctx.text.matchAll(re)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      word: m[0],
    }));
    ctx.wordHits.set(words, hits);
  }
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: { start: number; end: number; word: string }[] = [];
  for (let i = lo; i < hits.length && hits[i]!.start < span.end; i++)
    if (hits[i]!.end <= span.end) out.push(hits[i]!);
  return out;
}
