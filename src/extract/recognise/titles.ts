// Names of documents in 《》, classified by their head word: a policy ends in
// 意见/方案/规划/…, a report in 报告/白皮书/指数/…. A title with neither head (a
// journal, an article, a book) is not an entity. The mention spans the title
// without its 《》.
import type { CompiledRules } from "../rules/compile.js";
import type { Candidate } from "./candidate.js";

/** Trailing parts that follow the head word: (2024—2027年), （试行）, 2.0. */
const TAIL = /(?:\s*[（(][^（）()]{1,20}[）)]|\s*[0-9.]+|\s*（?试行）?)+$/u;

export function headOf(title: string, heads: readonly string[]): string | undefined {
  const core = title.replace(TAIL, "").trim();
  return heads.filter((h) => core.endsWith(h)).sort((a, b) => b.length - a.length)[0];
}

export function bookTitleCandidates(text: string, rules: CompiledRules): Candidate[] {
  const out: Candidate[] = [];
  const re = /《([^《》\n]{2,80})》/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1]!;
    const start = m.index + 1;
    const flat = inner.replace(/\s+/g, "");
    for (const rule of rules.bookTitles) {
      if (!headOf(flat, rule.heads)) continue;
      out.push({
        label: rule.label,
        name: flat,
        surface: inner,
        start,
        end: start + inner.length,
        rule: rule.id,
        priority: 5,
        tier: 0,
      });
      break;
    }
  }
  return out;
}
