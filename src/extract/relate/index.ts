// Relation extraction for one article: every family of rules (data in
// extract/relations/) runs over the article's sentences and its resolved
// mentions; each relation records its rule id and its sentence span, which the
// merger turns into evidence. Statement nodes are created here, as the targets
// of STATED relations.
import type { Article, EntityMention, RelationMention } from "../types.js";
import { announced } from "./announced.js";
import { buildContext } from "./context.js";
import { focuses } from "./focuses.js";
import { holdsPositions } from "./holds.js";
import { issued } from "./issued.js";
import { locations } from "./located.js";
import { partOfByName } from "./partof.js";
import { loadRelationRules } from "./rules.js";
import { statements } from "./stated.js";
import { visits } from "./visited.js";

export { relationRuleIds } from "./rules.js";

const FAMILIES = [issued, holdsPositions, partOfByName, statements, announced, locations, focuses, visits];

/**
 * Relations found in the article's sentences between the given mentions. May add
 * mentions of its own (Statement targets, sub-units of a title chain) by returning
 * them as relation endpoints.
 */
export function extractRelations(article: Article, mentions: EntityMention[]): RelationMention[] {
  return extractRelationsOfMany([{ article, mentions }])[0]!;
}

/**
 * extractRelations for several articles (a page's), family by family: each family's
 * patterns stay in the CPU's caches from one article to the next. Families are pure
 * functions of one article's context, so each article gets what it would get alone.
 */
export function extractRelationsOfMany(
  items: { article: Article; mentions: EntityMention[] }[],
): RelationMention[][] {
  const rules = loadRelationRules();
  const contexts = items.map(({ article, mentions }) => buildContext(article, mentions, rules));
  const found = FAMILIES.map((family) => contexts.map((ctx) => family(ctx)));
  return contexts.map((_, i) => {
    // Kept relations bucketed by the offsets of their target and sentence: a duplicate has the
    // same offsets, type and ends, so a lookup compares a few fields instead of building a key
    // string (the offsets are compared too: two pairs may share a bucket number).
    const kept = new Map<number, RelationMention[]>();
    const out: RelationMention[] = [];
    for (const byArticle of found) {
      for (const r of byArticle[i]!) {
        if (r.source.label === r.target.label && r.source.name === r.target.name) continue;
        const at = r.target.start * 2 ** 26 + r.sentence.start;
        const same = kept.get(at);
        if (same === undefined) kept.set(at, [r]);
        else if (same.some((k) => duplicates(k, r))) continue;
        else same.push(r);
        out.push(r);
      }
    }
    return out;
  });
}

/** Same type, same ends by label and name, same target and sentence offsets: one relation found twice. */
function duplicates(a: RelationMention, b: RelationMention): boolean {
  return (
    a.target.start === b.target.start &&
    a.sentence.start === b.sentence.start &&
    a.type === b.type &&
    a.source.label === b.source.label &&
    a.source.name === b.source.name &&
    a.target.label === b.target.label &&
    a.target.name === b.target.name
  );
}
