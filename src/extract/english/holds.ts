// HOLDS_POSITION in English: the five orders in which news English joins a
// person, a title and a body ("MIIT Vice Minister Wang Jiangping", "Vice
// Minister of the MIIT Wang Jiangping", "Wang Jiangping, vice minister of the
// MIIT,", "Li Chao, NDRC spokesperson,", "Vice Minister Wang Jiangping of the
// MIIT") and titles that name a ministry ("Minister of Commerce Wang Wentao").
import type { NodeLabel } from "../../types.js";
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { EnContext } from "./context.js";
import { anaphor, hasLabel, relation } from "./context.js";
import type { EnglishRelationRules } from "./data.js";
import { titleAlternation } from "./titles.js";

const BODIES: NodeLabel[] = ["Agency", "Enterprise", "Organization"];
const MODIFIER =
  "(?:(?:rotating|executive|senior|acting|first|permanent|founding|chief|deputy|vice|honorary)\\s+)*";

let compiled: Record<string, RegExp> | null = null;
function patterns(): Record<string, RegExp> {
  if (compiled) return compiled;
  const T = `(${MODIFIER}(?:${titleAlternation()}))`;
  compiled = {
    orgTitleName: new RegExp(`^(?:['’]s)?\\s+${T}(?:\\s+and\\s+${T})?\\s+$`, "i"),
    titleOfOrgBefore: new RegExp(`\\b${T}\\s+(?:of|at)\\s+(?:the\\s+)?$`, "i"),
    nameTitleOfOrg: new RegExp(
      `^\\s*,\\s+(?:the\\s+|a\\s+|an\\s+)?${T}(?:\\s+[a-z][\\w-]*){0,4}?\\s+(?:of|at|with|for|from)\\s+(?:the\\s+)?$`,
      "i",
    ),
    nameComma: /^\s*,\s+(?:the\s+|a\s+|an\s+)?$/i,
    orgTitleAfter: new RegExp(`^(?:['’]s)?\\s+${T}\\b`, "i"),
    titleBefore: new RegExp(`\\b${T}\\s+$`, "i"),
    ofOrg: /^\s+(?:of|at|from)\s+(?:the\s+)?$/i,
    ministerAfterName: /^\s*,\s+(?:the\s+)?$/i,
    titleOfThe: new RegExp(
      `^\\s*,\\s+(?:the\\s+|a\\s+|an\\s+)?${T}\\s+(?:of|at|with)\\s+the\\s+(?:ministry|commission|department|bureau|administration|company|firm|group)\\b`,
      "i",
    ),
  };
  return compiled;
}

const cap = (t: string) =>
  t
    .replace(/\s+/g, " ")
    .split(" ")
    .map((w) =>
      w === "of" || w === "and"
        ? w
        : w.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()),
    )
    .join(" ");

export function holdsPositions(
  ctx: EnContext,
  sentences: Span[],
  holds: EnglishRelationRules["holds"],
): RelationMention[] {
  const rules = holds.rules;
  const p = patterns();
  const out: RelationMention[] = [];
  const { text } = ctx;
  for (const sentence of sentences) {
    const ms = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const add = (person: EntityMention, body: EntityMention, title: string, rule: string) =>
      out.push(relation("HOLDS_POSITION", person, body, sentence, rule, { title: cap(title) }));
    ms.forEach((m, i) => {
      if (m.label !== "Person") return;
      const prev = ms[i - 1];
      const next = ms[i + 1];
      const lineStart = Math.max(sentence.start, (prev?.end ?? sentence.start) - 80);
      if (prev && hasLabel(prev, BODIES)) {
        const gap = text.slice(prev.end, m.start);
        const minister = prev.rule === rules.minister || prev.rule.endsWith("minister-title");
        if (minister && /^\s+$/.test(gap)) {
          const vice = /(?:vice|deputy)\s+$/i.test(text.slice(Math.max(0, prev.start - 10), prev.start));
          add(m, prev, vice ? "Vice Minister" : "Minister", rules.minister);
          return;
        }
        const a = p.orgTitleName!.exec(gap);
        if (a) {
          add(m, prev, a[1]!, rules.orgTitleName);
          return;
        }
        const b = /^\s+$/.test(gap) ? p.titleOfOrgBefore!.exec(text.slice(lineStart, prev.start)) : null;
        if (b) {
          add(m, prev, b[1]!, rules.titleOfOrgName);
          return;
        }
      }
      if (next && hasLabel(next, BODIES)) {
        const gap = text.slice(m.end, next.start);
        const minister = next.rule.endsWith("minister-title");
        if (minister && p.ministerAfterName!.test(gap.replace(/(?:vice|deputy)\s+$/i, ""))) {
          const vice = /(?:vice|deputy)\s+$/i.test(gap);
          add(m, next, vice ? "Vice Minister" : "Minister", rules.minister);
          return;
        }
        const c = p.nameTitleOfOrg!.exec(gap);
        if (c) {
          add(m, next, c[1]!, rules.nameTitleOfOrg);
          return;
        }
        if (p.nameComma!.test(gap)) {
          const d = p.orgTitleAfter!.exec(text.slice(next.end, sentence.end));
          if (d) {
            add(m, next, d[1]!, rules.nameOrgTitle);
            return;
          }
        }
        const e = p.ofOrg!.test(gap) ? p.titleBefore!.exec(text.slice(lineStart, m.start)) : null;
        if (e) {
          add(m, next, e[1]!, rules.titleNameOfOrg);
          return;
        }
      }
      // "Wang Qingyun, deputy director of the department, said": the body named before.
      const f = p.titleOfThe!.exec(text.slice(m.end, sentence.end));
      const body = f ? anaphor(ctx, m.end + f[0].length, BODIES) : undefined;
      if (f && body) add(m, body, f[1]!, rules.titleOfAnaphor);
    });
  }
  return out;
}
