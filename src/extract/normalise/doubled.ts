// Step: repair headlines whose glyphs the PDF extractor emitted twice. Bold
// headline fonts are often drawn twice (fill + stroke), and extraction then
// repeats either each character ("家家", "1111..11%%" for "11.1%") or each run
// ("制造业单项冠军企业达制造业单项冠军企业达" + "15571557"). A line is repaired only
// when ALL of it parses as a sequence of doubled blocks: ordinary text almost
// never does, so there is no need for a list of known headlines.
import { MappedBuilder } from "./mapped.js";
import type { MappedText } from "./mapped.js";

/** Longest line examined; doubled headlines are short and the parse is cubic. */
const MAX_LENGTH = 240;
/** A shorter line that parses as doubled ("谢谢", "哈哈哈哈") is more likely real text. */
const MIN_LENGTH = 6;

/** Parity of each code unit's count, reset after every use. */
const parity = new Uint8Array(0x10000);

/** Every character of `text` occurs an even number of times. */
function evenCounts(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    parity[c] = parity[c]! ^ 1;
    odd += parity[c] === 1 ? 1 : -1;
  }
  for (let i = 0; i < text.length; i++) parity[text.charCodeAt(i)] = 0;
  if (odd > 0) return false;
  // Code units even do not make code points even when surrogate pairs share a half.
  if (!/[\ud800-\udfff]/.test(text)) return true;
  const set = new Set<string>();
  for (const ch of text) if (!set.delete(ch)) set.add(ch);
  return set.size === 0;
}

/**
 * Indices of the characters to keep when `text` is entirely made of doubled
 * blocks (each block immediately repeated), or null when it is not.
 */
export function doubledBlocks(text: string): number[] | null {
  const n = text.length;
  if (n < MIN_LENGTH || n > MAX_LENGTH || n % 2 !== 0) return null;
  // Every character of a doubled line occurs an even number of times: a cheap
  // test that rejects ordinary lines before the parse.
  if (!evenCounts(text)) return null;
  // next[i] = block length L chosen at i (s[i..i+L) === s[i+L..i+2L)), 0 = no parse.
  const next = new Int32Array(n + 1).fill(-1);
  next[n] = 0;
  const solve = (i: number): boolean => {
    if (next[i]! >= 0) return i === n || next[i]! > 0;
    for (let len = Math.floor((n - i) / 2); len >= 1; len--) {
      if (text.startsWith(text.slice(i, i + len), i + len) && solve(i + 2 * len)) {
        next[i] = len;
        return true;
      }
    }
    next[i] = 0;
    return false;
  };
  if (!solve(0)) return null;
  const keep: number[] = [];
  for (let i = 0; i < n; i += 2 * next[i]!) for (let k = 0; k < next[i]!; k++) keep.push(i + k);
  return keep;
}

export function repairDoubled(m: MappedText): MappedText {
  const keep = doubledBlocks(m.text);
  if (!keep) return m;
  const out = new MappedBuilder();
  for (const i of keep) out.push(m.text[i]!, m.origin[i]!);
  return out.build();
}
