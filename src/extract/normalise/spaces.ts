// Step: spaces. PDF extraction puts spaces around digits and Latin words at
// random ("5 月 17 日", "一篇 169页"); Chinese text has none, so any space that
// touches Chinese text goes, and runs between Latin words shrink to one space.
// Bylines keep one space between names ("本报记者 张伟 李明") because the space is
// the only separator there.
import { isCjk } from "./chars.js";
import { MappedBuilder } from "./mapped.js";
import type { MappedText } from "./mapped.js";
import { trim } from "./mapped.js";

const BYLINE_RE = /^(?:本报|新华社|中新社)?(?:特约)?(?:记者|通讯员)\s/;

export function collapseSpaces(m: MappedText): MappedText {
  const t = trim(m);
  const text = t.text;
  // Most lines have no space at all: nothing to copy (mapped texts are never changed in place).
  if (!text.includes(" ")) return t;
  const keepBetweenNames = BYLINE_RE.test(text);
  const out = new MappedBuilder();
  let run = 0;
  let i = text.indexOf(" ");
  while (i >= 0) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 0x20) j++;
    const before = text[i - 1];
    const after = text[j];
    const keep = keepBetweenNames || !(isCjk(before) || isCjk(after));
    // Copy up to the first space; keep one (mapped to the first) or none.
    out.appendRange(t, run, keep ? i + 1 : i);
    run = j;
    i = text.indexOf(" ", j);
  }
  out.appendRange(t, run, text.length);
  return out.build();
}
