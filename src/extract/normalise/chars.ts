// Character classes shared by the normalisation and segmentation steps.

/** CJK ideographs (BMP + extension A) — the letters of Chinese running text. */
export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const HAN_RE = new RegExp(`[${HAN}]`);
/** CJK and full-width punctuation, which also count as "Chinese context". */
const CJK_PUNCT_RE =
  /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2026\u2014]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN_RE.test(ch);
}

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (HAN_RE.test(ch) || CJK_PUNCT_RE.test(ch));
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
  while (i >= 0 && CLOSERS.includes(t[i]!)) i--;
  return i >= 0 && TERMINAL.includes(t[i]!);
}

/** Visual width in ideograph units: Latin letters and digits are about half as wide. */
export function visualWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}
