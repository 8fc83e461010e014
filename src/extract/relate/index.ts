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
  const ctx = buildContext(article, mentions, loadRelationRules());
  const seen = new Set<string>();
  const out: RelationMention[] = [];
  for (const family of FAMILIES) {
    for (const r of family(ctx)) {
      if (r.source.label === r.target.label && r.source.name === r.target.name) continue;
      const key = `${r.type}|${r.source.label}|${r.source.name}|${r.target.label}|${r.target.name}|${r.target.start}|${r.sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}
