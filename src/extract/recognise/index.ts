// Entity recognition and alias resolution for one article (owned by the entity stage).
// PLACEHOLDER signature so the pipeline compiles; replaced by the real recogniser.
import type { Article, EntityMention } from "../types.js";

/** Every entity mention of the article, resolved to canonical names, sorted by start. */
export function recogniseEntities(_article: Article): EntityMention[] {
  return [];
}
