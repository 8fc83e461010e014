// The subject of a trigger word: the nearest mention before it in the same
// sentence, with only adverbials (dates, 近日, 联合, 在…上) between, extended to
// the coordinated list it closes (工业和信息化部、国家发展改革委近日联合印发).
import type { NodeLabel } from "../../types.js";
import type { EntityMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import { hasLabel, isFiller, listEndingWith } from "./context.js";
import { alternation } from "./rules.js";

export function subjectsBefore(
  ctx: RelateContext,
  sentence: Span,
  pos: number,
  labels: readonly NodeLabel[],
): EntityMention[] {
  const titleAfterName = new RegExp(`^(?:${alternation(ctx.rules.holds.titleWords)}|同志)`, "u");
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.end > pos) continue;
    if (m.start < sentence.start) break;
    if (!hasLabel(m, labels)) continue;
    let gap = ctx.text.slice(m.end, pos).trim();
    if (m.label === "Person") gap = gap.replace(titleAfterName, "");
    if (isFiller(ctx, gap)) return listEndingWith(ctx, m, labels, sentence.start);
  }
  return [];
}
