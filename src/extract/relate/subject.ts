// The subject of a trigger word: the nearest mention before it in the same
// sentence, with only adverbials (dates, 近日, 联合, 在…上) between, extended to
// the coordinated list it closes (工业和信息化部、国家发展改革委近日联合印发).
import type { NodeLabel } from "../../types.js";
import type { EntityMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import { hasLabel, isFiller, listEndingWith } from "./context.js";

export function subjectsBefore(
  ctx: RelateContext,
  sentence: Span,
  pos: number,
  labels: readonly NodeLabel[],
  carryClauseHead = false,
): EntityMention[] {
  const titleAfterName = ctx.re.titleAfterName;
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.end > pos) continue;
    if (m.start < sentence.start) break;
    // 协会在北京发布: a place after 在/于 is where it happened; the subject stands before it.
    if (
      m.label === "Region" &&
      /[在于赴]/.test(ctx.text[m.start - 1] ?? "") &&
      isFiller(ctx, ctx.text.slice(m.end, pos))
    ) {
      pos = m.start - 1;
      continue;
    }
    if (!hasLabel(m, labels)) continue;
    let gap = ctx.text.slice(m.end, pos).trim();
    if (m.label === "Person") gap = gap.replace(titleAfterName, "");
    if (isFiller(ctx, gap)) return listEndingWith(ctx, m, labels, sentence.start);
  }
  return carryClauseHead ? clauseHead(ctx, sentence, pos, labels) : [];
}

/**
 * 东莞市政府聚焦培育新质生产力，出台… — when the trigger opens its clause, its
 * subject is the one heading the sentence (a list allowed).
 */
function clauseHead(
  ctx: RelateContext,
  sentence: Span,
  pos: number,
  labels: readonly NodeLabel[],
): EntityMention[] {
  let c = pos;
  while (c > sentence.start && !/[，,；;：:]/.test(ctx.text[c - 1]!)) c--;
  if (c === sentence.start || !isFiller(ctx, ctx.text.slice(c, pos))) return [];
  const head = ctx.mentions.find((m) => m.start >= sentence.start && m.end <= c);
  if (!head || !hasLabel(head, labels) || !isFiller(ctx, ctx.text.slice(sentence.start, head.start)))
    return [];
  const rest = ctx.text.slice(head.end, c);
  if (/[“”]/.test(rest)) return [];
  return [head];
}
