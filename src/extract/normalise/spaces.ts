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
  const keepBetweenNames = BYLINE_RE.test(t.text);
  const out = new MappedBuilder();
  let i = 0;
  while (i < t.text.length) {
    if (t.text[i] !== " ") {
      out.push(t.text[i]!, t.origin[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < t.text.length && t.text[j] === " ") j++;
    const before = t.text[i - 1];
    const after = t.text[j];
    if (keepBetweenNames || !(isCjk(before) || isCjk(after))) out.push(" ", t.origin[i]!);
    i = j;
  }
  return out.build();
}
