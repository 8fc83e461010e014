// Character classes shared by the normalisation and segmentation steps.

/** CJK ideographs (BMP + extension A) — the letters of Chinese running text. */
export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

/** Ideograph ranges as code units (hot path: called for every character). */
function hanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** CJK and full-width punctuation, which also count as "Chinese context". */
function cjkPunctCode(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2026 ||
    c === 0x2014
  );
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && hanCode(ch.charCodeAt(0));
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return hanCode(c) || cjkPunctCode(c);
}

/** Punctuation that ends a sentence (after unification to the canonical forms). */
export const TERMINAL = "。！？!?…";
/** Closers that may follow a sentence end and still belong to it. */
export const CLOSERS = "”’」』）)》】";
/** Punctuation of running text that headlines do without (a colon is fine: "工信部：…"). */
export const SENTENCE_PUNCT_RE = /[，。；！？,;!?]/;

/** True when the line ends a sentence: terminal mark, possibly followed by closers. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && (CLOSERS.includes(t[i]!) || t[i] === '"')) i--;
  return i >= 0 && (TERMINAL.includes(t[i]!) || englishFullStop(t, i));
}

/**
 * An English sentence's full stop (English items, see src/extract/english/): after a
 * lower-case word, a closing quote or bracket, or a number in a line without
 * ideographs — never a decimal point of Chinese text broken across lines ("增长9.").
 */
/** True when the line ends an English sentence with a full stop (a headline never does). */
export function endsEnglishSentence(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && (CLOSERS.includes(t[i]!) || t[i] === '"')) i--;
  return i >= 0 && englishFullStop(t, i);
}

function englishFullStop(t: string, i: number): boolean {
  if (t[i] !== ".") return false;
  const before = t[i - 1] ?? "";
  if (/[a-z)”’"]/.test(before)) return true;
  return /\d/.test(before) && !/[\u3400-\u9fff]/.test(t);
}

/** Visual width in ideograph units: Latin letters and digits are about half as wide. */
export function visualWidth(text: string): number {
  // By code point, as for…of would count, without a string per character (every line is measured).
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += c < 0x2e80 ? 0.5 : 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return w;
}
