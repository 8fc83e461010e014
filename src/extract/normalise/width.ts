// Step 2: one canonical form for width and punctuation, so that rules and name
// comparison see one spelling.
//
// Canonical forms (documented in the report / README):
// - letters, digits and ASCII symbols are half-width (NFKC of U+FF01–FF5E):
//   ＡＢＣ１２３％ → ABC123%;
// - Chinese punctuation is full-width: ，。：；（）！？ and quotes “” ‘’, book-title
//   marks 《》. Half-width , : ; ( ) ! ? become full-width when they touch Chinese
//   text ("国务院新闻办,国家统计局" → "…，…"), but stay ASCII between digits or Latin
//   words ("1,000", "10:30", "(HarmonyOS NEXT)" inside Latin text);
// - 「」『』 become “” ‘’; ・•‧ become the middle dot ·;
// - ideographic and no-break spaces become spaces; zero-width characters are
//   dropped; the hyphenation marks U+2043/U+00AD go when lines are rejoined.
import { HAN, isCjk } from "./chars.js";
import { MappedBuilder } from "./mapped.js";
import type { MappedText } from "./mapped.js";

const HAN_RE = new RegExp(`[${HAN}]`);
const KEEP_FULL = "，。：；（）！？";
const TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？" };
const DIRECT: Record<string, string> = {
  "\u3000": " ",
  "\u00a0": " ",
  "\t": " ",
  "「": "“",
  "」": "”",
  "『": "‘",
  "』": "’",
  "・": "·",
  "•": "·",
  "‧": "·",
  "∙": "·",
  "﹐": "，",
  "﹑": "、",
  "﹒": "．",
};
// U+2043 and soft hyphens survive until lines are rejoined (they mark a word
// broken across lines), then go.
const DROP = new Set(["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060"]);

function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) if (text[j] !== " ") return text[j];
  return undefined;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Pairs of ASCII parentheses in `text` (index of "(" → index of ")"), unmatched ones map to -1. */
function matchParens(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") stack.push(i);
    else if (text[i] === ")") {
      const open = stack.pop();
      if (open === undefined) pairs.set(i, -1);
      else {
        pairs.set(open, i);
        pairs.set(i, open);
      }
    }
  }
  for (const open of stack) pairs.set(open, -1);
  return pairs;
}

/** Should the ASCII parenthesis pair (open, close) become （）? */
function chineseParens(text: string, open: number, close: number): boolean {
  if (open >= 0 && isCjk(neighbour(text, open, -1))) return true;
  if (close >= 0 && isCjk(neighbour(text, close, 1))) return true;
  if (open >= 0 && close >= 0) return /[\u3400-\u9fff]/.test(text.slice(open + 1, close));
  return (open >= 0 && isCjk(neighbour(text, open, 1))) || (close >= 0 && isCjk(neighbour(text, close, -1)));
}

/**
 * Code units unifyWidth may change (a table instead of lookups per character):
 * 1 = dropped, 2 = direct replacement, 3 = full-width form → NFKC, 4 = ASCII
 * parenthesis, 5 = ASCII punctuation that turns full-width beside Chinese.
 */
const ACTION = new Uint8Array(0x10000);
for (const ch of DROP) ACTION[ch.charCodeAt(0)] = 1;
for (const ch of Object.keys(DIRECT)) ACTION[ch.charCodeAt(0)] = 2;
for (let c = 0xff01; c <= 0xff5e; c++) if (!KEEP_FULL.includes(String.fromCharCode(c))) ACTION[c] = 3;
ACTION[0x28] = ACTION[0x29] = 4;
for (const ch of Object.keys(TO_FULL)) ACTION[ch.charCodeAt(0)] = 5;

export function unifyWidth(m: MappedText): MappedText {
  const { text } = m;
  const n = text.length;
  let i = 0;
  while (i < n && ACTION[text.charCodeAt(i)] === 0) i++;
  // Most lines need no change at all.
  if (i === n) return m;
  const out = new MappedBuilder();
  const parens = text.includes("(") || text.includes(")") ? matchParens(text) : new Map<number, number>();
  let run = 0;
  for (; i < n; i++) {
    const action = ACTION[text.charCodeAt(i)]!;
    if (action === 0) continue;
    out.appendRange(m, run, i);
    run = i + 1;
    const ch = text[i]!;
    const at = m.origin[i]!;
    if (action === 1) continue;
    if (action === 2) out.push(DIRECT[ch]!, at);
    else if (action === 3) out.push(ch.normalize("NFKC"), at);
    else if (action === 4) {
      const other = parens.get(i) ?? -1;
      const [open, close] = ch === "(" ? [i, other] : [other, i];
      out.push(chineseParens(text, open, close) ? (ch === "(" ? "（" : "）") : ch, at);
    } else {
      const before = neighbour(text, i, -1);
      const after = neighbour(text, i, 1);
      const numeric = isDigit(before) && isDigit(after);
      const chinese = ch === ":" ? isCjk(before) : isCjk(before) || (isCjk(after) && !isDigit(before));
      out.push(chinese && !numeric ? TO_FULL[ch]! : ch, at);
    }
  }
  out.appendRange(m, run, n);
  return out.build();
}

/**
 * ASCII double quotes in Chinese text become “ and ” alternately. Runs per
 * paragraph (after line rejoining) because a quotation may span PDF lines.
 */
export function unifyQuotes(m: MappedText): MappedText {
  if (!m.text.includes('"') || !HAN_RE.test(m.text)) return m;
  let open = false;
  const out = new MappedBuilder();
  for (let i = 0; i < m.text.length; i++) {
    const ch = m.text[i]!;
    if (ch === '"') {
      out.push(open ? "”" : "“", m.origin[i]!);
      open = !open;
    } else {
      if (ch === "“") open = true;
      else if (ch === "”") open = false;
      out.push(ch, m.origin[i]!);
    }
  }
  return out.build();
}
