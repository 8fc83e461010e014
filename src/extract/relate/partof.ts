// PART_OF by name: an Agency named parent + sub-unit (工业和信息化部规划司) is part
// of the parent; an Enterprise named parent + branch (…公司黔西分公司) is part of
// the parent. The parent must itself be named in the article. (Sub-units printed
// inside a title chain are handled with the chain, in holds.ts.)
import type { EntityMention, RelationMention } from "../types.js";
import type { RelateContext } from "./context.js";
import { relation, sentenceAt } from "./context.js";

export function partOfByName(ctx: RelateContext): RelationMention[] {
  const h = ctx.rules.holds;
  const out: RelationMention[] = [];
  const done = new Set<string>();
  for (const child of ctx.mentions) {
    if (child.label !== "Agency" && child.label !== "Enterprise") continue;
    const key = `${child.label}|${child.name}`;
    if (done.has(key)) continue;
    const suffixes = child.label === "Agency" ? h.subUnitSuffixes : h.branchSuffixes;
    let parent: EntityMention | undefined;
    for (const m of ctx.mentions) {
      if (m.label !== child.label || m.name === child.name || !child.name.startsWith(m.name)) continue;
      const rest = child.name.slice(m.name.length);
      if (rest.length < 2 || !suffixes.some((s) => rest.endsWith(s))) continue;
      if (!parent || m.name.length > parent.name.length) parent = m;
    }
    if (!parent && child.label === "Enterprise") parent = legalParent(ctx, child);
    if (!parent) continue;
    // a name is evidence wherever it stands, captions included
    const sentence =
      sentenceAt(ctx, child.start) ??
      [...ctx.article.sentences, ...(ctx.article.captions ?? [])].find(
        (s) => s.start <= child.start && child.end <= s.end,
      );
    if (sentence) {
      done.add(key);
      out.push(relation("PART_OF", child, parent, sentence, "part-of.name-prefix"));
    }
  }
  return out;
}

/** 中国电信股份有限公司黔西分公司 → 中国电信股份有限公司, read off the branch's own name. */
function legalParent(ctx: RelateContext, child: EntityMention): EntityMention | undefined {
  const h = ctx.rules.holds;
  for (const legal of h.enterpriseParentSuffixes) {
    const at = child.name.indexOf(legal);
    if (at <= 0) continue;
    const name = child.name.slice(0, at + legal.length);
    const rest = child.name.slice(name.length);
    if (rest.length < 2 || !h.branchSuffixes.some((s) => rest.endsWith(s))) continue;
    const inSurface = child.surface.indexOf(name);
    return {
      label: "Enterprise",
      name,
      surface: inSurface >= 0 ? name : child.surface,
      start: inSurface >= 0 ? child.start + inSurface : child.start,
      end: inSurface >= 0 ? child.start + inSurface + name.length : child.end,
      rule: "part-of.name-prefix",
    };
  }
  return undefined;
}
