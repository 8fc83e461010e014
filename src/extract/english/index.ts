// English articles: entities (recognise.ts) and relations (holds.ts,
// stated.ts, actions.ts), the same stage contract as the Chinese pipeline so
// that the merger and linker treat both alike. Cross-language linking of
// persons happens later, at merge time (link.ts).
import type { ArticleResult } from "../merge.js";
import type { Article, EntityMention, RelationMention } from "../types.js";
import { FAMILIES } from "./actions.js";
import type { EnContext } from "./context.js";
import { englishRelationRules } from "./data.js";
import { holdsPositions } from "./holds.js";
import { recogniseEnglish } from "./recognise.js";
import { statements } from "./stated.js";

export { recogniseEnglish } from "./recognise.js";
export { detectLanguage } from "./language.js";
export { splitEnglishSentences } from "./sentences.js";

export function extractEnglishRelations(article: Article, mentions: EntityMention[]): RelationMention[] {
  const rules = englishRelationRules();
  const ctx: EnContext = {
    article,
    text: article.text,
    mentions: mentions.filter((m) => m.label !== "Statement"),
  };
  const captions = article.captions;
  const sentences = article.sentences.filter(
    (s) => !captions.some((c) => s.start >= c.start && s.end <= c.end),
  );
  const found = [
    ...holdsPositions(ctx, sentences, rules.holds),
    ...statements(ctx, sentences, rules.stated),
    ...sentences.flatMap((s) => FAMILIES.flatMap((f) => f(ctx, s, rules))),
  ];
  const seen = new Set<string>();
  return found.filter((r) => {
    if (r.source.label === r.target.label && r.source.name === r.target.name) return false;
    const key = [r.type, r.source.name, r.target.name, r.target.start, r.sentence.start].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function extractEnglishArticle(article: Article): ArticleResult {
  const mentions = recogniseEnglish(article);
  return { article, mentions, relations: extractEnglishRelations(article, mentions) };
}
