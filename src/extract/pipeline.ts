// The extraction pipeline: pages → articles → mentions → relations → one
// Extraction. Every stage is a pure function of one page or one article, so
// pages can be streamed or spread over worker threads without changing them.
import { hash } from "node:crypto";
import type { Extraction } from "../types.js";
import { extractEnglishArticle } from "./english/index.js";
import { mergeResults } from "./merge.js";
import type { ArticleResult } from "./merge.js";
import { normalisePage } from "./normalise/index.js";
import { prepareArticles, recogniseEntities } from "./recognise/index.js";
import { extractRelations, extractRelationsOfMany } from "./relate/index.js";
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

/**
 * extractArticle of each article (a page's), stage by stage: every article recognised, the
 * clauses of all of them segmented in one call (prepareArticles), then relations family by
 * family (extractRelationsOfMany). Each stage's tables stay in the CPU's caches from one
 * article to the next; the results are those of extractArticle, one article at a time.
 */
export function extractArticles(articles: readonly Article[]): ArticleResult[] {
  const chinese = articles.filter((a) => a.language !== "en");
  prepareArticles(chinese);
  const mentions = chinese.map((article) => recogniseEntities(article));
  const relations = extractRelationsOfMany(
    chinese.map((article, i) => ({ article, mentions: mentions[i]! })),
  );
  const results = new Map(
    chinese.map((article, i): [Article, ArticleResult] => [
      article,
      { article, mentions: mentions[i]!, relations: relations[i]! },
    ]),
  );
  return articles.map((article) => results.get(article) ?? extractEnglishArticle(article));
}

export function documentHash(text: string): string {
  // One-shot hashing: no Hash object per article (what createHash().update().digest() builds).
  return hash("sha256", text, "hex");
}

export function extractPages(pages: RawPage[], options: ExtractOptions = {}): Extraction {
  return extractionOf(extractArticles(pages.flatMap((page) => segmentPage(page, options))), options);
}

/**
 * extractPages of each page, one Extraction per page, the pages' articles extracted
 * together (extractArticles): the larger the batch, the longer each stage keeps its
 * tables in the CPU's caches. Results are those of extractPages([page]) for each page.
 */
export function extractEachPage(pages: readonly RawPage[], options: ExtractOptions = {}): Extraction[] {
  const byPage = pages.map((page) => segmentPage(page, options));
  const results = extractArticles(byPage.flat());
  let at = 0;
  return byPage.map((articles) => extractionOf(results.slice(at, (at += articles.length)), options));
}

/** The merged extraction of some articles' results, each document with its byline, language and hash. */
function extractionOf(results: ArticleResult[], options: ExtractOptions): Extraction {
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
