// Sentence splitting for English items. compromise's splitter knows the
// abbreviations of news English ("Co., Ltd.", "Mr.", "U.S.", "Nov. 20") and keeps
// a quotation with its attribution ('"… grow," Wang said.'); a line break always
// ends a sentence, as in the Chinese splitter, because items are built from
// paragraphs.
import { nlp } from "./nlp.js";
import type { Span } from "../types.js";

interface SentenceJson {
  offset: { start: number; length: number };
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

function splitLine(text: string, from: number, to: number, spans: Span[]): void {
  const line = text.slice(from, to);
  if (!line.trim()) return;
  const found = (nlp(line).sentences().json({ offset: true }) as SentenceJson[]).map((s) => s.offset);
  let cursor = 0;
  for (const { start, length } of found) {
    // compromise drops nothing, but its spans may leave gaps of spaces; each
    // sentence runs from the end of the previous one.
    const end = Math.min(line.length, start + length);
    if (end <= cursor) continue;
    pushTrimmed(spans, text, from + cursor, from + end);
    cursor = end;
  }
  if (cursor < line.length) pushTrimmed(spans, text, from + cursor, to);
}

/** Sentences of an English `text` in order, non-overlapping, without surrounding whitespace. */
export function splitEnglishSentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      splitLine(text, from, i, spans);
      from = i + 1;
    }
  }
  return spans;
}
