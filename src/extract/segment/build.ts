// Assembling one Article from the blocks of an item: title line, body paragraphs
// (captions marked), byline, date, sentences, and the origin of every character.
import { HAN } from "../normalise/chars.js";
import type { MappedText } from "../normalise/index.js";
import { MappedBuilder } from "../normalise/mapped.js";
import { detectLanguage, englishLeadDate } from "../english/language.js";
import { splitEnglishSentences } from "../english/sentences.js";
import { splitSentences } from "../sentences.js";
import type { Article, Span } from "../types.js";
import type { Block } from "./classify.js";
import { leadDate, resolveDate, stripLead } from "./dates.js";

export interface ItemDraft {
  title: Block[];
  body: Block[];
  /** Closed by a signature: what follows is another item. */
  closed: boolean;
}

export interface SegmentedArticle {
  article: Article;
  /** origin[i] = offset in the raw page text of article.text[i]. */
  origin: number[];
}

const TITLE_MAX = 30;
const NAMES = new RegExp(`[${HAN}·]{2,4}`, "g");

/** "本报记者 郑杨" → "郑杨"; "（记者 张伟 李明）" → "张伟、李明"; "方山" → "方山". */
export function bylineNames(text: string): string | null {
  const cleaned = text.replace(/^(?:本报|新华社|中新社|经济日报)?(?:特约|首席)?(?:记者|通讯员)/, "");
  const names = (cleaned.match(NAMES) ?? []).filter((n) => !/^(?:记者|通讯员|本报)$/.test(n));
  return names.length ? names.join("、") : null;
}

function leadByline(text: string): string | null {
  const match = /[（(]\s*(?:本报|新华社|中新社)?(?:特约)?(?:记者|通讯员)\s*([^）)]{2,20})[）)]/.exec(
    text.slice(0, 40),
  );
  return match ? bylineNames(match[1]!) : null;
}

/** A display title for an item printed without a headline: its first clause(s). */
export function deriveTitle(text: string): string {
  let first = stripLead(text).replace(/^(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]?/, "");
  first = first.split(/[。！？]/)[0] ?? first;
  if (first.length <= TITLE_MAX) return first;
  const comma = first.lastIndexOf("，", TITLE_MAX);
  return comma >= 8 ? first.slice(0, comma) : first.slice(0, TITLE_MAX) + "…";
}

export interface BuildContext {
  name: string;
  source: string;
  index: number;
  pageDate: string | null;
  fallbackDate: string | null;
}

export function buildArticle(item: ItemDraft, ctx: BuildContext): SegmentedArticle | null {
  const body = item.body;
  const running = body.filter((b) => b.kind !== "credit" && b.kind !== "caption" && b.kind !== "floating");
  if (body.length === 0) return null;
  const out = new MappedBuilder();
  const append = (m: MappedText) => out.append(m);
  const newline = () => out.push("\n", out.length ? -1 : 0);

  // Title: printed headlines, or the floating headline of an untitled item, or derived.
  let titleBlocks = item.title.filter((b) => b.kind === "heading" || b.kind === "subtitle");
  const floating = body.filter((b) => b.kind === "floating");
  if (titleBlocks.length === 0 && floating.length > 0) titleBlocks = floating.slice(-1);
  let title: string;
  if (titleBlocks.length > 0) {
    titleBlocks.forEach((b, i) => {
      if (i > 0 && !/^[—-]/.test(b.paragraph.text)) out.push(" ", b.paragraph.origin[0] ?? 0);
      append(b.paragraph);
    });
    title = out.build().text;
  } else {
    const first = (running[0] ?? body[0]!).paragraph.text;
    title = deriveTitle(first);
  }

  const captions: Span[] = [];
  for (const block of body) {
    if (titleBlocks.includes(block)) continue;
    if (out.length > 0) newline();
    const start = out.length;
    append(block.paragraph);
    if (block.kind === "caption" || block.kind === "credit" || block.kind === "floating") {
      const last = captions[captions.length - 1];
      if (last && last.end === start - 1) last.end = out.length;
      else captions.push({ start, end: out.length });
    }
  }
  const built = out.build();
  // Separator newlines map to the character after the preceding one.
  const origin = built.origin.map((o, i) => (o >= 0 ? o : (built.origin[i - 1] ?? 0) + 1));

  let byline: string | null = null;
  for (const block of body) {
    if (block.kind === "byline") byline ??= bylineNames(block.paragraph.text);
    if (block.kind === "lead") byline ??= leadByline(block.paragraph.text);
  }
  const signature = body.find((b) => b.kind === "signature");
  if (!byline && signature) byline = bylineNames(signature.paragraph.text);

  const reference = ctx.pageDate ?? ctx.fallbackDate;
  const firstText = body.find((b) => b.kind === "lead" || b.kind === "text" || b.kind === "caption");
  const printed = firstText
    ? (leadDate(firstText.paragraph.text) ?? englishLeadDate(firstText.paragraph.text))
    : null;
  let date: string | null = reference;
  let approximate = ctx.pageDate === null || printed === "recent" || printed === null;
  if (printed && printed !== "recent") {
    const resolved = resolveDate(printed, reference);
    if (resolved) {
      date = resolved.date;
      approximate = resolved.approximate && ctx.pageDate === null;
    }
  }

  const language = detectLanguage(built.text);
  const article: Article = {
    id: `${ctx.name}#${ctx.index}`,
    source: ctx.source,
    index: ctx.index,
    title,
    date,
    dateApproximate: date !== null && approximate,
    byline,
    language,
    text: built.text,
    sentences: language === "en" ? splitEnglishSentences(built.text) : splitSentences(built.text),
    captions,
  };
  return { article, origin };
}
