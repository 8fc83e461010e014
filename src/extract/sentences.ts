// Sentence splitting for Chinese news text. A sentence ends at 。！？ (or ?!…)
// outside quotation marks and brackets, together with the closers that follow
// it, and at every line break. Inside “…。” or （…。） nothing ends, so that
// “……增多。”刘爱华表示。 stays one sentence (the statement and its speaker).
// When a paragraph's quotes or brackets do not balance (a PDF dropped one), its
// quotes are ignored rather than letting one stray mark swallow the paragraph.
// A sentence longer than MAX_SENTENCE_CHARS (a scraped page on one line with no
// full stops, a quote that never closes) is cut at clause marks, so that the
// rules that pair mentions within a sentence stay linear in the page length.
import type { Span } from "./types.js";

const OPENERS: Record<string, string> = {
  "“": "”",
  "‘": "’",
  "（": "）",
  "(": ")",
  "《": "》",
  "【": "】",
  "「": "」",
  "『": "』",
  "〔": "〕",
};
const CLOSERS = new Set(Object.values(OPENERS));
const TERMINAL = new Set(["。", "！", "？", "!", "?", "…", "；"]);
const TERMINAL_STRICT = new Set(["。", "！", "？", "!", "?", "…"]);

function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    if (OPENERS[ch]) stack.push(OPENERS[ch]);
    else if (CLOSERS.has(ch)) {
      if (stack.pop() !== ch) return false;
    }
  }
  return stack.length === 0;
}

export const MAX_SENTENCE_CHARS = 1000;
const CLAUSE_END = new Set(["，", "；", "、", "：", ",", ";", ":", " ", "\u3000"]);

/** Where to cut a too-long stretch: after the last clause mark in its second half, else at the limit. */
function cutPoint(text: string, start: number): number {
  const limit = start + MAX_SENTENCE_CHARS;
  for (let i = limit - 1; i > start + MAX_SENTENCE_CHARS / 2; i--) if (CLAUSE_END.has(text[i]!)) return i + 1;
  // Never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, start);
    pushTrimmed(spans, text, start, cut);
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) spans.push({ start, end });
}

function splitLine(text: string, from: number, to: number, spans: Span[]): void {
  const useDepth = balanced(text.slice(from, to));
  let depth = 0;
  let start = from;
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (useDepth && OPENERS[ch]) depth++;
    else if (useDepth && CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && TERMINAL_STRICT.has(ch)) {
      let end = i + 1;
      while (end < to && (TERMINAL.has(text[end]!) || (CLOSERS.has(text[end]!) && !useDepth))) end++;
      pushTrimmed(spans, text, start, end);
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(spans, text, start, to);
}

/** Sentences of `text` in order, non-overlapping, without surrounding whitespace. */
export function splitSentences(text: string): Span[] {
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
