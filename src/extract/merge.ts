// Merging per-article results into one Extraction (owned by the entity stage):
// one entity per real-world thing across all articles, aliases unioned, every
// mention and every piece of evidence kept.
// PLACEHOLDER signature so the pipeline compiles; replaced by the real merger.
import type { Extraction } from "../types.js";
import type { Article, EntityMention, RelationMention } from "./types.js";

export interface ArticleResult {
  article: Article;
  mentions: EntityMention[];
  relations: RelationMention[];
}

export function mergeResults(results: ArticleResult[]): Extraction {
  return {
    documents: results.map(({ article }) => ({
      id: article.id,
      title: article.title,
      date: article.date,
      source: article.source,
    })),
    entities: [],
    relations: [],
  };
}
