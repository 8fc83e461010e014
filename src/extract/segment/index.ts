// Segmentation: a normalised page → its news items. An item starts at a headline
// (a run of headlines, kicker and subtitle included), or at a lead (本报讯, a
// dateline) or after a signature when no headline precedes it; a signature
// (the author's name after the last sentence) ends it. Captions and credits
// join the item they are printed in, or form a photo item of their own.
import type { NormalisedPage } from "../normalise/index.js";
import type { Block } from "./classify.js";
import { classifyParagraphs } from "./classify.js";
import { buildArticle } from "./build.js";
import type { ItemDraft, SegmentedArticle } from "./build.js";
import { pageHeaderDate } from "./dates.js";

export type { SegmentedArticle } from "./build.js";
export { classifyParagraphs } from "./classify.js";
export type { Block, BlockKind } from "./classify.js";

export interface SegmentOptions {
  /** ISO date used when the page prints none (the item's date is then approximate). */
  date?: string;
}

function groupItems(blocks: Block[]): ItemDraft[] {
  const items: ItemDraft[] = [];
  let cur: ItemDraft | null = null;
  const open = (): ItemDraft => {
    cur = { title: [], body: [], closed: false };
    items.push(cur);
    return cur;
  };
  const captionsOnly = (item: ItemDraft) =>
    item.body.length > 0 && item.body.every((b) => b.kind === "caption" || b.kind === "credit");
  const hasText = (item: ItemDraft) =>
    item.body.some((b) => b.kind === "lead" || b.kind === "text" || b.kind === "caption");
  for (const block of blocks) {
    const item = cur as ItemDraft | null;
    // Headline(s) and maybe a byline so far: the next lead or headline still belongs here.
    const fresh = item !== null && !item.closed && !hasText(item);
    switch (block.kind) {
      case "pageDate":
        break;
      case "heading":
      case "subtitle":
        if (fresh && item.body.length === 0) item.title.push(block);
        else open().title.push(block);
        break;
      case "byline":
        (fresh || (item && !item.closed) ? item! : open()).body.push(block);
        break;
      case "lead":
        (fresh && item.title.length > 0 ? item : open()).body.push(block);
        break;
      case "text":
        (item && !item.closed && !captionsOnly(item) ? item : open()).body.push(block);
        break;
      case "floating":
      case "caption":
        (item && !item.closed ? item : open()).body.push(block);
        break;
      case "credit":
        if (item && !item.closed) {
          item.body.push(block);
          if (captionsOnly(item)) item.closed = true;
        } else if (item) item.body.push(block);
        else open().body.push(block);
        break;
      case "signature":
        if (item) {
          item.body.push(block);
          item.closed = true;
        }
        break;
    }
  }
  return items;
}

export function segmentPage(page: NormalisedPage, options: SegmentOptions = {}): SegmentedArticle[] {
  const blocks = classifyParagraphs(page.paragraphs);
  const header = blocks.find((b) => b.kind === "pageDate");
  const pageDate = header ? pageHeaderDate(header.paragraph.text) : null;
  const articles: SegmentedArticle[] = [];
  for (const item of groupItems(blocks)) {
    const built = buildArticle(item, {
      name: page.name,
      source: page.source,
      index: articles.length,
      pageDate,
      fallbackDate: options.date ?? null,
    });
    if (built) articles.push(built);
  }
  return articles;
}
