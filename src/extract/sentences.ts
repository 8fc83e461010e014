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
const TERMINAL = "。！？!?…；";
const TERMINAL_STRICT = "。！？!?…";

/**
 * Character classes by code unit (hot path: every character of every article):
 * OPENER, CLOSER, terminal marks, and whitespace as `\s` matches it.
 */
const OPENER = 1;
const CLOSER = 2;
const END_STRICT = 4;
const END = 8;
const SPACE = 16;
const CLASS = new Uint8Array(0x10000);
/** For an opener, the code of its closer. */
const CLOSER_OF = new Uint16Array(0x10000);
for (const [open, close] of Object.entries(OPENERS)) {
  CLASS[open.charCodeAt(0)]! |= OPENER;
  CLASS[close.charCodeAt(0)]! |= CLOSER;
  CLOSER_OF[open.charCodeAt(0)] = close.charCodeAt(0);
}
for (const ch of TERMINAL) CLASS[ch.charCodeAt(0)]! |= END;
for (const ch of TERMINAL_STRICT) CLASS[ch.charCodeAt(0)]! |= END_STRICT;
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) CLASS[c]! |= SPACE;

const isSpace = (text: string, i: number): boolean => (CLASS[text.charCodeAt(i)]! & SPACE) !== 0;

/** Brackets and quotes of text[from, to) nest and close properly. */
function balanced(text: string, from: number, to: number): boolean {
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c]!;
    if (cls & OPENER) stack.push(CLOSER_OF[c]!);
    else if (cls & CLOSER) {
      if (stack.pop() !== c) return false;
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
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, start);
    pushTrimmed(spans, text, start, cut);
    start = cut;
    while (start < end && isSpace(text, start)) start++;
  }
  if (end > start) spans.push({ start, end });
}

function splitLine(text: string, from: number, to: number, spans: Span[]): void {
  const useDepth = balanced(text, from, to);
  let depth = 0;
  let start = from;
  let i = from;
  while (i < to) {
    const cls = CLASS[text.charCodeAt(i)]!;
    if (useDepth && cls & OPENER) depth++;
    else if (useDepth && cls & CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0 && cls & END_STRICT) {
      let end = i + 1;
      while (end < to) {
        const next = CLASS[text.charCodeAt(end)]!;
        if (!(next & END || (next & CLOSER && !useDepth))) break;
        end++;
      }
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
  for (;;) {
    const nl = text.indexOf("\n", from);
    const to = nl < 0 ? text.length : nl;
    splitLine(text, from, to, spans);
    if (nl < 0) break;
    from = nl + 1;
  }
  return spans;
}
