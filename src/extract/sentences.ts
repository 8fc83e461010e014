// Sentence splitting for Chinese news text. A sentence ends at 。！？ (or ?!…)
// outside quotation marks and brackets, together with the closers that follow
// it, and at every line break. Inside “…。” or （…。） nothing ends, so that
// “……增多。”刘爱华表示。 stays one sentence (the statement and its speaker).
// When a paragraph's quotes or brackets do not balance (a PDF dropped one), its
// quotes are ignored rather than letting one stray mark swallow the paragraph.
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

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
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
