// Step: photo credits and author signatures. In PDF text they run on from the
// caption or the last sentence on the same line ("…交流电信防诈知识。 新华社记者
// 傅天/摄", "…座谈会等活动。 方山"); they are split off into lines of their own so
// that they never become part of a sentence, and so that the segmenter can use
// them (a credit marks the paragraph before it as a caption; a signature ends
// a news item).
import { HAN } from "./chars.js";
import { slice } from "./mapped.js";
import type { MappedText } from "./mapped.js";

export type PieceKind = "text" | "credit" | "signature";
export interface Piece {
  kind: PieceKind;
  m: MappedText;
}

const NAME = `[${HAN}·]{2,6}`;
const AGENCY = `(?:新华社|中新社|人民日报|经济日报|本报)?(?:特约)?(?:记者|通讯员|摄影)?`;
/**
 * Photo credit: "新华社记者 傅天/摄", "李龙摄(中经视觉)", "新华社发（范晖/摄）",
 * "（本报记者 张伟 摄）". A bare "X摄" needs the slash, a reporter title or an agency
 * in brackets, so that verbs like 拍摄 in running text are not mistaken for one.
 */
const CREDIT = new RegExp(
  [
    `新华社发\\s*[（(][^）)]{0,20}摄?\\s*[）)]`,
    `[（(]\\s*${AGENCY}\\s*${NAME}(?:\\s+${NAME})*\\s*/?\\s*摄\\s*[）)]`,
    `${AGENCY}\\s*${NAME}(?:\\s+${NAME})*\\s*/\\s*摄(?:\\s*[（(][^）)]{1,12}[）)])?`,
    `(?:新华社|中新社|本报)?(?:特约)?(?:记者|通讯员)\\s*${NAME}(?:\\s+${NAME})*\\s*摄(?:\\s*[（(][^）)]{1,12}[）)])?`,
    `${NAME}\\s*摄\\s*[（(][^）)]{1,12}[）)]`,
  ].join("|"),
  "g",
);
/** "▶ 本报记者 张伟" under a picture. */
const MARKED_CREDIT = new RegExp(
  `^\\s*[▶►▲△◀]\\s*(?:(?:新华社|中新社|本报)?(?:特约)?(?:记者|通讯员|摄影)|图|文)[\\s/：:]*[${HAN}·\\s/：:]{1,30}$`,
);
/** "…活动。 方山": a name after the last sentence, separated by a space. */
const SIGNATURE = new RegExp(`^(.*[。！？…”])\\s+([${HAN}]{2,4})\\s*$`);

/** A credit may start a line or follow a sentence end (and then it ends the caption). */
function creditAt(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  if (!text.includes("摄") && !text.includes("新华社发")) return found;
  for (const match of text.matchAll(CREDIT)) {
    const before = text.slice(0, match.index).trimEnd();
    if (before === "" || /[。！？…”）)]$/.test(before)) found.push(match as RegExpExecArray);
  }
  return found;
}

export function splitCredits(m: MappedText): Piece[] {
  if (MARKED_CREDIT.test(m.text)) return [{ kind: "credit", m }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of creditAt(m.text)) {
    if (match.index > last) pieces.push({ kind: "text", m: slice(m, last, match.index) });
    pieces.push({ kind: "credit", m: slice(m, match.index, match.index + match[0].length) });
    last = match.index + match[0].length;
  }
  // Most lines have no credit: the line itself is the rest (mapped texts are never changed in place).
  const rest = last === 0 ? m : slice(m, last);
  const signature = SIGNATURE.exec(rest.text);
  if (signature) {
    const cut = signature[1]!.length;
    const nameStart = rest.text.lastIndexOf(signature[2]!);
    pieces.push({ kind: "text", m: slice(rest, 0, cut) });
    pieces.push({ kind: "signature", m: slice(rest, nameStart) });
  } else if (rest.text.trim() || pieces.length === 0) pieces.push({ kind: "text", m: rest });
  return pieces;
}
