// Relation extraction for one article (owned by the relation stage).
// PLACEHOLDER signature so the pipeline compiles; replaced by the real rules.
import type { Article, EntityMention, RelationMention } from "../types.js";

/**
 * Relations found in the article's sentences between the given mentions. May add
 * mentions of its own (Statement targets) by returning them as relation endpoints.
 */
export function extractRelations(_article: Article, _mentions: EntityMention[]): RelationMention[] {
  return [];
}
