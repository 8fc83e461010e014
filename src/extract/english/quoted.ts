// Names in quotation marks or *italics*: a title-cased name whose last word is a
// policy or report head ("*Action Plan for … (2024-2027)*") is that document; a
// quoted name followed by a class word ('the "AI Plus" initiative') is a
// programme or a policy of that class. The marks are not part of the name.
import type { NodeLabel } from "../../types.js";
import type { EntityMention } from "../types.js";
import type { EnglishEntityRules } from "./data.js";
import { phrases } from "./data.js";

const QUOTED =
  /“([^”\n]{2,200})”|"([^"\n]{2,200})"|\*([^*\n]{2,200})\*|(?<![A-Za-z0-9])_([^_\n]{2,200})_(?![A-Za-z0-9])/g;
const SMALL = new Set(["of", "and", "for", "on", "the", "in", "to", "a", "an", "with", "by", "at", "&"]);

function titleCased(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 30 || !/^[A-Z0-9"“]/.test(name)) return false;
  const big = words.filter((w) => !SMALL.has(w));
  const caps = big.filter((w) => /^[A-Z0-9(]/.test(w)).length;
  return caps >= Math.max(1, big.length * 0.6);
}

export function quotedMentions(text: string, rules: EnglishEntityRules): EntityMention[] {
  const policyHeads = rules.families.find((f) => f.label === "Policy")!.heads;
  const reportHeads = rules.families.find((f) => f.label === "Report")!.heads;
  // The head ends the title, or opens its complement ("Guidelines on …", "Action Plan for …").
  const endsWith = (heads: string[]) =>
    new RegExp(
      `\\b(?:${phrases(heads)})(?:\\s+(?:of|on|for|to|regarding|concerning)\\b.*)?(?:\\s*\\([^)]*\\))?$`,
      "i",
    );
  const policyEnd = endsWith(policyHeads);
  const reportEnd = endsWith(reportHeads);
  const after = (words: string[]) => new RegExp(`^\\s+(?:${phrases(words)})\\b`, "i");
  const programAfter = after(rules.quoted.programClassWords);
  const policyAfter = after(rules.quoted.policyClassWords);
  const out: EntityMention[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const group = [1, 2, 3, 4].find((g) => m![g] !== undefined)!;
    const inner = m[group]!.replace(/[,.]$/, "");
    const start = m.index + 1;
    const end = start + inner.length;
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    let label: NodeLabel | null = null;
    let rule = "";
    if (titleCased(inner) && policyEnd.test(inner)) [label, rule] = ["Policy", rules.quoted.policyRule];
    else if (titleCased(inner) && reportEnd.test(inner)) [label, rule] = ["Report", rules.quoted.reportRule];
    else if (inner.split(/\s+/).length <= 8 && programAfter.test(next))
      [label, rule] = ["Program", rules.quoted.programRule];
    else if (inner.split(/\s+/).length <= 8 && policyAfter.test(next))
      [label, rule] = ["Policy", rules.quoted.policyRule];
    if (!label) continue;
    out.push({ label, name: inner.replace(/\s+/g, " "), surface: inner, start, end, rule });
  }
  return out;
}
