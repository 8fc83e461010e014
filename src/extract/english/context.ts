// Helpers the English relation families share: the mentions of a sentence,
// verb phrases found as whole words, list chains ("A, B and C jointly issued")
// and the relation record itself.
import type { NodeLabel } from "../../types.js";
import type { Article, EntityMention, Span } from "../types.js";
import { phrases } from "./data.js";

export interface EnContext {
  article: Article;
  text: string;
  /** Entity mentions (no statements), sorted by start. */
  mentions: EntityMention[];
}

export interface Hit {
  start: number;
  end: number;
  text: string;
}

// One constructor for relations in both languages (sentence copied, empty properties left out).
export { relation } from "../relate/context.js";

export const within = (ctx: EnContext, span: Span): EntityMention[] =>
  ctx.mentions.filter((m) => m.start >= span.start && m.end <= span.end);

export const hasLabel = (m: EntityMention, labels: readonly NodeLabel[]) => labels.includes(m.label);

const verbCache = new Map<string, RegExp>();
/** Whole-word, case-insensitive occurrences of any of `words` in the sentence. */
export function findVerbs(ctx: EnContext, sentence: Span, words: string[]): Hit[] {
  const key = words.join("|");
  let re = verbCache.get(key);
  if (!re) {
    re = new RegExp(`(?<![A-Za-z-])(?:${phrases(words)})(?![A-Za-z-])`, "gi");
    verbCache.set(key, re);
  }
  const out: Hit[] = [];
  const slice = ctx.text.slice(sentence.start, sentence.end);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice))
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, text: m[0] });
  return out;
}

const LIST_SEP =
  /^\)?\s*(?:,|,?\s+and|&|,?\s+as well as|,?\s+together with|,?\s+along with|,?\s+in conjunction with)\s+(?:the\s+)?$|^\s*,\s*(?:the\s+)?$/i;
// A comma between subject and verb must come with an adverb ("MIIT, on Monday,
// issued"); a bare comma ends an apposition, which chainBefore reads apart.
const BEFORE_VERB =
  /^\)?\s*(?:,?\s*and\s+(?:[\w-]+\s+){0,3}(?:departments|agencies|ministries|bodies|authorities|organizations|institutions|companies|enterprises|partners)\s*)?(?:,?\s*(?:have|has|had|have jointly|jointly|also|recently|officially|formally|together|newly|further|today|yesterday|earlier|on\s+\w+(?:\s+\d+)?|last\s+\w+|this\s+\w+|in\s+\d{4}|will|would|is|are|was|were|to)\b\s*,?\s*)*$/i;

const APPOSITION =
  /^,\s*(?:located|based|headquartered|situated|which|who|one|a|an|the|also|known|China's|the country's)\b[^;]{0,120},$/i;

/**
 * The list of mentions with `labels` that ends right before `at` ("A, B and C
 * jointly issued"): the last one is separated from `at` only by adverbs and
 * auxiliaries, the others by list separators. Empty when nothing is there.
 */
export function chainBefore(
  ctx: EnContext,
  sentence: Span,
  at: number,
  labels: readonly NodeLabel[],
): EntityMention[] {
  const before = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= at);
  let i = before.length - 1;
  // "A, together with B and C, set up …": the closing comma of the joint list.
  const closesJointList = (m: EntityMention) =>
    /^\s*,\s*$/.test(ctx.text.slice(m.end, at)) &&
    /,\s+(?:together with|along with|in conjunction with)\b/i.test(ctx.text.slice(sentence.start, m.start));
  const adjacent = (m: EntityMention) => BEFORE_VERB.test(ctx.text.slice(m.end, at)) || closesJointList(m);
  if (i >= 0 && !(hasLabel(before[i]!, labels) && adjacent(before[i]!))) {
    // "The Hefei High-tech Zone, located in the provincial capital Hefei, hosts …":
    // the subject stands before an apposition set off by commas.
    const comma = ctx.text.lastIndexOf(",", at - 1);
    const open = comma > sentence.start ? ctx.text.lastIndexOf(",", comma - 1) : -1;
    const head = before.findLastIndex((m) => m.end <= open);
    const ok =
      open > sentence.start &&
      head >= 0 &&
      hasLabel(before[head]!, labels) &&
      /^\s*$/.test(ctx.text.slice(before[head]!.end, open)) &&
      APPOSITION.test(ctx.text.slice(open, comma + 1)) &&
      BEFORE_VERB.test(ctx.text.slice(comma + 1, at));
    if (!ok) return [];
    i = head;
  }
  if (i < 0) return [];
  const chain = [before[i]!];
  for (let j = i - 1; j >= 0; j--) {
    const m = before[j]!;
    const gap = ctx.text.slice(m.end, chain[0]!.start);
    // "Ministry of … (MIIT)": the bracketed acronym is the same name.
    if (m.name === chain[0]!.name && /^\s*\(\s*$/.test(gap)) {
      chain[0] = m;
      continue;
    }
    if (!hasLabel(m, labels) || !LIST_SEP.test(gap)) break;
    chain.unshift(m);
  }
  return chain;
}

/** The list of mentions with `labels` that starts right after `at` (allowing "the", "a"). */
export function chainAfter(
  ctx: EnContext,
  sentence: Span,
  at: number,
  labels: readonly NodeLabel[],
  gap = /^\s*(?:the\s+|a\s+|an\s+)?$/i,
): EntityMention[] {
  const after = ctx.mentions.filter((m) => m.start >= at && m.end <= sentence.end);
  const first = after[0];
  if (!first || !hasLabel(first, labels) || !gap.test(ctx.text.slice(at, first.start))) return [];
  const chain = [first];
  for (const m of after.slice(1)) {
    if (!hasLabel(m, labels) || !LIST_SEP.test(ctx.text.slice(chain[chain.length - 1]!.end, m.start))) break;
    chain.push(m);
  }
  return chain;
}

const CLAUSE_END =
  /;|,\s+(?:where|which|while|saying|adding|whose)\b|,\s+and\s+(?:said|called|urged|stressed|noted)\b|\.\s/i;
/** End of the clause that starts at `from` (at most the sentence end). */
export function clauseEnd(ctx: EnContext, sentence: Span, from: number): number {
  const m = CLAUSE_END.exec(ctx.text.slice(from, sentence.end));
  return m ? from + m.index : sentence.end;
}

const CLAUSE_START = /.*(?:;|\bthat\b|\bwhich\b|\bwho\b|["”],|:)/s;
/** Start of the clause that ends at `at` (at least the sentence start). */
export function clauseStart(ctx: EnContext, sentence: Span, at: number): number {
  const m = CLAUSE_START.exec(ctx.text.slice(sentence.start, at));
  return m ? sentence.start + m[0].length : sentence.start;
}

const ANAPHORS: [RegExp, NodeLabel][] = [
  [/\bthe\s+(?:network|initiative|programme|program|platform|alliance|project|campaign)$/i, "Program"],
  [/\bthe\s+(?:ministry|commission|administration|bureau|department)$/i, "Agency"],
  [/\bthe\s+(?:company|firm|group)$/i, "Enterprise"],
  [/\bthe\s+(?:zone|park)$/i, "Zone"],
  [/\bthe\s+(?:plan|guidelines|opinions|measures)$/i, "Policy"],
];

/**
 * "The network focuses on …", "members of the network include …": a definite
 * class noun ending at `at` stands for the last entity of that class named
 * earlier in the article.
 */
export function anaphor(ctx: EnContext, at: number, labels: readonly NodeLabel[]): EntityMention | undefined {
  const before = ctx.text.slice(Math.max(0, at - 40), at).trimEnd();
  for (const [re, label] of ANAPHORS) {
    if (!labels.includes(label) || !re.test(before)) continue;
    const earlier = ctx.mentions.filter((m) => m.label === label && m.end <= at);
    return earlier[earlier.length - 1];
  }
  return undefined;
}
