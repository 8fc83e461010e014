// Short names the text itself declares: X（简称Y）, X（以下简称《Y》）. Y becomes an alias
// of X, and every later mention of Y (found by any rule, or only as bare text) is X.
import type { EntityMention } from "../types.js";

// Sticky, tried at the end of each mention (no copy of the rest of the article per mention).
const DECLARED = /\s*[（(]\s*(?:以下)?(?:简称|称)\s*[《“"]?([^）)》”"，,]{1,24}?)[》”"]?\s*[）)]/uy;

export function declaredAliases(text: string, mentions: EntityMention[]): EntityMention[] {
  const short = new Map<string, EntityMention>();
  for (const m of mentions) {
    DECLARED.lastIndex = m.label === "Policy" || m.label === "Report" ? m.end + 1 : m.end;
    const found = DECLARED.exec(text);
    if (!found) continue;
    const alias = found[1]!.trim();
    if (alias.length === 0 || alias === m.name) continue;
    m.aliases = [...new Set([...(m.aliases ?? []), alias])];
    short.set(alias, m);
  }
  if (short.size === 0) return mentions;
  // Mentions whose name is a declared short form become the full entity.
  const out = mentions.map((m) => {
    const full = short.get(m.name);
    return full && full !== m
      ? { ...m, name: full.name, label: full.label, rule: `${m.rule}+resolve.declared` }
      : m;
  });
  // Bare occurrences of a declared short form that no rule found.
  const covered = (s: number, e: number): boolean => out.some((m) => m.start < e && s < m.end);
  for (const [alias, full] of short) {
    for (let at = text.indexOf(alias, full.end); at >= 0; at = text.indexOf(alias, at + alias.length)) {
      if (covered(at, at + alias.length)) continue;
      out.push({
        label: full.label,
        name: full.name,
        surface: alias,
        start: at,
        end: at + alias.length,
        rule: "resolve.declared",
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
