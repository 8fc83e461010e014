// Programmes named in quotation marks: “千企百展”工程 (the kind follows the quote,
// perhaps after a short qualifier: ‘广聚英才’人才工程) or “璀璨行动” (the kind ends
// the quoted name). Quotes are kept out of the canonical name.
import type { CompiledRules } from "../rules/compile.js";
import type { QuotedRule } from "../rules/schema.js";
import type { Candidate } from "./candidate.js";
import { isHan } from "./candidate.js";

const QUOTED = /[“‘"「『]([^“”‘’"「」『』\n]{2,24})[”’"」』]/g;

const sorted = new WeakMap<QuotedRule, string[]>();
/** The rule's kinds, longest first (sorted once per rule, not per quote). */
function byLength(rule: QuotedRule): string[] {
  let list = sorted.get(rule);
  if (!list) {
    list = [...rule.suffixes].sort((a, b) => b.length - a.length);
    sorted.set(rule, list);
  }
  return list;
}

export function quotedCandidates(text: string, rules: CompiledRules): Candidate[] {
  const out: Candidate[] = [];
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const inner = m[1]!;
    const open = m.index;
    const close = open + m[0].length;
    for (const rule of rules.quoted) {
      const longestFirst = byLength(rule);
      let found: Candidate | null = null;
      // “X行动”: the quoted name ends in its kind and has a name before it.
      const inside = longestFirst.find((s) => inner.endsWith(s) && inner.length >= s.length + 2);
      if (inside && !/[，。,;；]/.test(inner))
        found = {
          label: rule.label,
          name: inner,
          surface: m[0],
          start: open,
          end: close,
          rule: rule.id,
          priority: 4,
          tier: 0,
        };
      // “X”kind: the kind right after the quote, maybe after a qualifier of up to maxGap Han characters.
      for (let gap = 0; gap <= rule.maxGap && !found; gap++) {
        const between = text.slice(close, close + gap);
        if ([...between].some((c) => !isHan(c))) break;
        const kind = longestFirst.find((s) => text.startsWith(s, close + gap));
        if (kind && (gap === 0 || !rules.stopWords.has(between))) {
          const end = close + gap + kind.length;
          found = {
            label: rule.label,
            name: inner + between + kind,
            surface: text.slice(open, end),
            start: open,
            end,
            rule: rule.id,
            priority: 4,
            tier: 0,
          };
        }
      }
      if (found && !rules.classWords.has(found.name)) out.push(found);
    }
  }
  return out;
}
