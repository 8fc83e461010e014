// What the bytes of a page are: empty, binary (with the reason), or text in an
// encoding. A byte-order mark decides at once; otherwise valid UTF-8 wins, and
// failing that each candidate Chinese encoding (GB18030 ⊇ GBK ⊇ GB2312, UTF-16
// without a BOM, Big5) is decoded and scored by how much of the result looks like
// Chinese news text. chardet's guess joins the candidates, but the score decides:
// chardet alone often calls short GBK pages EUC-KR or Shift_JIS.
import chardet from "chardet";
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

export type Sniffed =
  | { kind: "empty" }
  | { kind: "binary"; reason: string }
  | { kind: "text"; encoding: TextEncoding; bom: number };

/** How many leading bytes are examined (the rest is decoded with the answer). */
export const SNIFF_BYTES = 64 * 1024;

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document (convert it to text first, e.g. with pdftotext)"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive or Office document (save it as text first)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office document (save it as text first)"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"],
];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The 3 755 first-level (most common) hanzi of GB2312: real Chinese text is mostly these. */
const COMMON_HANZI: ReadonlySet<number> = (() => {
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const text = iconv.decode(Buffer.from(bytes), "gb2312");
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x4e00 && cp <= 0x9fff) set.add(cp);
  }
  return set;
})();

/**
 * How much of `text` looks like Chinese or English news, from -3 to 1: common
 * hanzi, ASCII, whitespace and CJK punctuation count fully, rare hanzi a little;
 * replacement characters, control characters, unpaired surrogates and private-use
 * characters count against.
 */
export function plausibility(text: string): number {
  let good = 0;
  let bad = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    total++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        good += 0.2;
        continue;
      }
    }
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) good++;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xfffd) bad++;
    else if (c < 0x7f) good++;
    else if (c >= 0xd800 && c <= 0xdfff) bad++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad++;
    else if (c >= 0x4e00 && c <= 0x9fff) good += COMMON_HANZI.has(c) ? 1 : 0.3;
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x206f))
      good++;
    else if (c >= 0xa0 && c <= 0x24f) good += 0.5;
    else good += 0.1;
  }
  return total === 0 ? 0 : (good - 3 * bad) / total;
}

/** Text this plausible is accepted as the page's encoding. */
const ACCEPT = 0.6;

function validUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    // A sample cut mid-character is fine: stream mode keeps the tail pending.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function decodeAs(sample: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);
}

function chardetGuess(sample: Uint8Array): TextEncoding | null {
  const guess = (chardet.detect(sample) ?? "").toLowerCase();
  if (guess.startsWith("gb") || guess === "gbk") return "gb18030";
  if (guess === "big5") return "big5";
  if (guess === "utf-16le" || guess === "utf-16be") return guess;
  return null;
}

/** NUL bytes: never in text, except in UTF-16 (the other half of ASCII characters). */
function countNuls(sample: Uint8Array): number {
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls++;
  return nuls;
}

/**
 * Classify a page from its first bytes. `complete` says the sample is the whole
 * file (so a truncated last character is an error, not the cut of the sample).
 */
export function sniff(sample: Uint8Array, complete = true): Sniffed {
  if (sample.length === 0) return { kind: "empty" };
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { kind: "text", encoding: "utf-8", bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { kind: "text", encoding: "utf-16le", bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { kind: "text", encoding: "utf-16be", bom: 2 };
  for (const [magic, what] of MAGIC) if (startsWith(sample, magic)) return { kind: "binary", reason: what };

  const nuls = countNuls(sample);
  const utf8 = validUtf8(sample, complete);
  if (utf8 && plausibility(new TextDecoder().decode(sample)) >= ACCEPT)
    return { kind: "text", encoding: "utf-8", bom: 0 };

  const candidates = new Set<TextEncoding>(["gb18030", "utf-16le", "utf-16be", "big5"]);
  const guess = chardetGuess(sample);
  let best: { encoding: TextEncoding; score: number } | null = null;
  for (const encoding of guess ? [guess, ...candidates] : candidates) {
    // UTF-16 text has an even length; a file cut at an odd byte is not UTF-16.
    if (encoding.startsWith("utf-16") && complete && sample.length % 2 === 1) continue;
    const score = plausibility(decodeAs(sample, encoding));
    if (!best || score > best.score) best = { encoding, score };
  }
  if (best && best.score >= ACCEPT) return { kind: "text", encoding: best.encoding, bom: 0 };
  if (nuls > 0) return { kind: "binary", reason: "binary data (NUL bytes), not a text page" };
  if (utf8) return { kind: "binary", reason: "mostly control characters, not a text page" };
  return {
    kind: "binary",
    reason: "not text in a known encoding (UTF-8, UTF-16, GBK/GB18030, Big5)",
  };
}
