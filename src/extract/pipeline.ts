// The extraction pipeline: pages → articles → mentions → relations → one
// Extraction. Every stage is a pure function of one page or one article, so
// pages can be streamed or spread over worker threads without changing them.
import { createHash } from "node:crypto";
import type { Extraction } from "../types.js";
import { extractEnglishArticle } from "./english/index.js";
import { mergeResults } from "./merge.js";
import type { ArticleResult } from "./merge.js";
import { normalisePage } from "./normalise/index.js";
import { prepareArticles, recogniseEntities } from "./recognise/index.js";
import { extractRelations } from "./relate/index.js";
import { segmentPage as segmentNormalised } from "./segment/index.js";
import type { SegmentedArticle } from "./segment/index.js";
import type { Article, RawPage } from "./types.js";
import { checkDate } from "./date.js";

export { checkDate };

export interface ExtractOptions {
  /** YYYY-MM-DD: the date of pages that print none (their items' dates are approximate). */
  date?: string;
  /** Include each document's normalised text in the output. */
  withText?: boolean;
}

/** Normalise and segment one page, keeping each article's map back to the raw text. */
export function segmentPageWithOrigins(page: RawPage, options: ExtractOptions = {}): SegmentedArticle[] {
  checkDate(options.date);
  return segmentNormalised(normalisePage(page), options.date === undefined ? {} : { date: options.date });
}

/** The news items of one page. */
export function segmentPage(page: RawPage, options: ExtractOptions = {}): Article[] {
  return segmentPageWithOrigins(page, options).map((s) => s.article);
}

/** Entities and relations of one article. */
export function extractArticle(article: Article): ArticleResult {
  if (article.language === "en") return extractEnglishArticle(article);
  const mentions = recogniseEntities(article);
  const relations = extractRelations(article, mentions);
  return { article, mentions, relations };
}

export function documentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function extractPages(pages: RawPage[], options: ExtractOptions = {}): Extraction {
  const all = pages.flatMap((page) => segmentPage(page, options));
  prepareArticles(all.filter((a) => a.language !== "en"));
  const results = all.map(extractArticle);
  const extraction = mergeResults(results);
  const articles = new Map(results.map((r) => [r.article.id, r.article]));
  extraction.documents = extraction.documents.map((doc) => {
    const article = articles.get(doc.id);
    if (!article) return doc;
    const enriched = {
      ...doc,
      byline: article.byline,
      language: article.language,
      hash: documentHash(article.text),
    };
    return options.withText ? { ...enriched, text: article.text } : enriched;
  });
  return extraction;
}
