// Normalisation of one page: raw text → paragraphs of clean text, each character
// mapped back to its offset in the raw page. Steps, in order (each a pure
// function in its own file, each with its own tests):
//   splitLines → unifyWidth → stripPageJumps / isPageJump → splitCredits →
//   collapseSpaces → repairDoubled → rejoinLines (+ unifyQuotes, floating headlines)
import type { RawPage } from "../types.js";
import { visualWidth } from "./chars.js";
import { splitCredits } from "./credits.js";
import { repairDoubled } from "./doubled.js";
import { splitLines } from "./lines.js";
import { slice } from "./mapped.js";
import type { MappedText } from "./mapped.js";
import { isPageJump, stripPageJumps } from "./page-jumps.js";
import { rejoinLines } from "./rejoin.js";
import type { Line, Paragraph } from "./rejoin.js";
import { collapseSpaces } from "./spaces.js";
import { unifyWidth } from "./width.js";

export type { MappedText } from "./mapped.js";
export type { Paragraph } from "./rejoin.js";

export interface NormalisedPage {
  source: string;
  name: string;
  paragraphs: Paragraph[];
}

const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;
const RULE = /^\s*(?:[-*_=]\s*){3,}$/;

/** Lines of the page, cleaned one by one, with their kinds. */
export function cleanLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of splitLines(text)) {
    if (!raw.text.trim()) continue;
    if (RULE.test(raw.text)) {
      lines.push({ kind: "break", m: raw, width: 0 });
      continue;
    }
    let m: MappedText = unifyWidth(raw);
    if (isPageJump(m.text)) {
      lines.push({ kind: "break", m, width: 0 });
      continue;
    }
    m = stripPageJumps(m);
    const heading = MARKDOWN_HEADING.exec(m.text);
    if (heading) {
      const title = repairDoubled(collapseSpaces(slice(m, heading[0].length)));
      if (title.text) lines.push({ kind: "heading", m: title, width: visualWidth(title.text) });
      continue;
    }
    for (const piece of splitCredits(m)) {
      const collapsed = collapseSpaces(piece.m);
      const clean = repairDoubled(collapsed);
      // Printed width (spaces count) tells columns apart; a repaired headline counts once.
      const width = visualWidth(clean === collapsed ? piece.m.text.trim() : clean.text);
      // A repaired line was printed in a bold headline font: it is a headline.
      const kind = clean !== collapsed && piece.kind === "text" ? "heading" : piece.kind;
      if (clean.text) lines.push({ kind, m: clean, width });
    }
  }
  return lines;
}

export function normalisePage(page: RawPage): NormalisedPage {
  return { source: page.source, name: page.name, paragraphs: rejoinLines(cleanLines(page.text)) };
}
