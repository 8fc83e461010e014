// Alias resolution for one article's mentions: declared short names, partial
// names completed from context, short forms of names given in full earlier, and
// the region-less alias of local names. Abbreviations of the lexicons (工信部 =
// 工业和信息化部) are resolved at recognition time by the gazetteer itself.
import type { CompiledRules } from "../rules/compile.js";
import type { Article, EntityMention } from "../types.js";
import { completePartials } from "./context.js";
import { declaredAliases } from "./jiancheng.js";
import { regionlessAliases, shortForms } from "./short-forms.js";

export function resolveMentions(
  article: Article,
  mentions: EntityMention[],
  rules: CompiledRules,
): EntityMention[] {
  let out = declaredAliases(article.text, mentions);
  out = completePartials(article.text, out, rules);
  out = shortForms(article.text, out, rules);
  out = regionlessAliases(out, rules);
  for (const m of out) if (m.aliases) m.aliases = m.aliases.filter((a) => a !== m.name);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export { coreName, regionPrefixLength } from "./short-forms.js";
export { dominantRegions } from "./context.js";
