// Step: page jumps. "▼▼ 下转第2版", "(下转第3版)", "上接第1版" are printing furniture;
// they are removed, and a line that held only a jump becomes a hard break (the
// text before it continues on another page, so it must not be glued to what
// follows).
import { replaceMapped } from "./mapped.js";
import type { MappedText } from "./mapped.js";

const NUM = "[0-9一二三四五六七八九十零〇]{1,3}";
const ARROWS = "[▼▲▽△►▶◀◆◇■□●○★☆→←↓↑>＞]";
/** A jump in brackets, or after arrows, or the explicit 下转/上接 form: safe to cut anywhere. */
const INLINE = new RegExp(
  [
    `[（(【\\[〔]\\s*(?:下转|上接|转|接)\\s*(?:第\\s*)?${NUM}\\s*版[^）)】\\]〕]{0,8}[）)】\\]〕]`,
    `${ARROWS}+\\s*(?:下转|上接|转|接)\\s*(?:第\\s*)?${NUM}\\s*版`,
    `(?:下转|上接)\\s*第\\s*${NUM}\\s*版`,
  ].join("|"),
  "g",
);
const ONLY_JUMP = new RegExp(
  `^\\s*${ARROWS}*\\s*[（(【\\[〔]?\\s*(?:下转|上接|转|接)\\s*(?:第\\s*)?${NUM}\\s*版\\s*[）)】\\]〕]?\\s*${ARROWS}*\\s*$`,
);

export function isPageJump(line: string): boolean {
  return ONLY_JUMP.test(line);
}

export function stripPageJumps(m: MappedText): MappedText {
  return m.text.search(INLINE) >= 0 ? replaceMapped(m, INLINE, () => "") : m;
}
