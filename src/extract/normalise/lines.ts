// Step 1: split the page into lines, dropping a byte-order mark and any line-end
// style (\r\n, \r, \n, U+2028), each line keeping its offsets in the raw page.
import { mapped } from "./mapped.js";
import type { MappedText } from "./mapped.js";

export function splitLines(text: string): MappedText[] {
  const lines: MappedText[] = [];
  const re = /\r\n|[\r\n\u2028\u2029\u0085]/g;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const match of text.matchAll(re)) {
    lines.push(mapped(text.slice(start, match.index), start));
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push(mapped(text.slice(start), start));
  return lines;
}
