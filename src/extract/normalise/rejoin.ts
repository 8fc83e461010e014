// Step: rejoin the lines that narrow PDF columns broke inside a sentence, and tell
// headlines from running text. A line continues the previous one unless the
// previous line ended a sentence, or one of them looks like a headline, or the
// line starts with a cue (本报讯, a dateline, a byline). Blank lines carry no
// meaning here: some extractors put one after every column line.
//
// A headline-like line has no sentence punctuation and is clearly narrower or
// wider than the column it stands in (the next line), or stands between cues;
// a column line is as wide as its neighbours, whether or not it has a comma.
import { SENTENCE_PUNCT_RE, endsEnglishSentence, endsSentence, visualWidth } from "./chars.js";
import { isCue, standsAlone } from "./cues.js";
import { MappedBuilder } from "./mapped.js";
import type { MappedText } from "./mapped.js";
import { unifyQuotes } from "./width.js";

export type LineKind = "text" | "credit" | "signature" | "break" | "heading";
export interface Line {
  kind: LineKind;
  m: MappedText;
  /** Visual width as printed (spaces included), in ideograph units. */
  width: number;
}

export interface Paragraph extends MappedText {
  kind: "text" | "heading" | "credit" | "signature";
  /** A headline found inside an interrupted sentence: it belongs elsewhere on the page. */
  floating?: boolean;
}

const MAX_HEADING_WIDTH = 40;

/** A headline never leaves a quotation, a bracket or a book title open. */
function balanced(text: string): boolean {
  let quotes = 0;
  let titles = 0;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x201c:
        quotes++;
        break;
      case 0x201d:
        quotes--;
        break;
      case 0x300a:
        titles++;
        break;
      case 0x300b:
        titles--;
        break;
      case 0xff08:
        brackets++;
        break;
      case 0xff09:
        brackets--;
        break;
    }
  }
  return quotes === 0 && titles === 0 && brackets === 0;
}

function headingShaped(line: Line | undefined): boolean {
  return (
    line !== undefined &&
    line.kind === "text" &&
    balanced(line.m.text) &&
    line.m.text.length >= 2 &&
    line.width <= MAX_HEADING_WIDTH &&
    !SENTENCE_PUNCT_RE.test(line.m.text) &&
    !endsEnglishSentence(line.m.text) &&
    !isCue(line.m.text)
  );
}

/** Width of the column that starts at line `from`: the widest of its next few lines. */
function columnWidth(lines: Line[], from: number): number {
  let width = 0;
  for (let k = from; k < Math.min(lines.length, from + 3); k++) {
    const line = lines[k]!;
    if (line.kind !== "text" || (k > from && isCue(line.m.text))) break;
    width = Math.max(width, line.width);
    if (endsSentence(line.m.text)) break;
  }
  return width;
}

/**
 * Join column lines into one paragraph text. A Latin word broken by the PDF's
 * hyphenation mark (U+2043 "Har⁃" + "monyOS") is glued back; two Latin words on
 * either side of a line break keep a space ("HarmonyOS" + "NEXT").
 */
export function joinLines(parts: MappedText[]): MappedText {
  const out = new MappedBuilder();
  let prevText = "";
  let prevEnd = 0;
  let hyphenated = false;
  for (const part of parts) {
    if (prevText && !hyphenated && /[A-Za-z0-9.]$/.test(prevText) && /^[A-Za-z]/.test(part.text)) {
      out.push(" ", prevEnd);
    }
    hyphenated = /[\u2043\u00ad]$/.test(part.text);
    // Copy the runs between hyphenation marks, which go.
    let run = 0;
    for (let k = 0; k < part.text.length; k++) {
      const c = part.text.charCodeAt(k);
      if (c !== 0x2043 && c !== 0xad) continue;
      out.appendRange(part, run, k);
      run = k + 1;
    }
    out.appendRange(part, run, part.text.length);
    prevText = part.text;
    prevEnd = (part.origin[part.origin.length - 1] ?? prevEnd) + 1;
  }
  return out.build();
}

/** For each line, whether it reads as a headline in its column context. */
export function headingLines(lines: Line[]): boolean[] {
  const heading: boolean[] = [];
  lines.forEach((line, i) => {
    if (line.kind === "heading") return void heading.push(true);
    if (!headingShaped(line)) return void heading.push(false);
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const afterBreak =
      !prev ||
      prev.kind !== "text" ||
      heading[i - 1] === true ||
      endsSentence(prev.m.text) ||
      standsAlone(prev.m.text);
    const muchNarrowerThanPrev = prev !== undefined && prev.kind === "text" && line.width < 0.5 * prev.width;
    if (!afterBreak && (!muchNarrowerThanPrev || endsSentence(line.m.text))) return void heading.push(false);
    if (!next || next.kind !== "text" || isCue(next.m.text)) return void heading.push(true);
    // A short line ending a sentence after a full one is the tail of a paragraph.
    if (endsSentence(next.m.text) && next.width <= line.width) return void heading.push(false);
    const column = columnWidth(lines, i + 1);
    if (line.width < 0.7 * column || line.width > 1.35 * next.width) return void heading.push(true);
    // As wide as the next line: column text, unless the run of headline-shaped
    // lines starting here ends before a much wider line or a cue (a title and
    // subtitle above a long paragraph).
    let last = i + 1;
    if (!headingShaped(lines[last])) return void heading.push(false);
    while (headingShaped(lines[last + 1])) last++;
    const after = lines[last + 1];
    const end = lines[last]!;
    heading.push(
      !after ||
        after.kind !== "text" ||
        isCue(after.m.text) ||
        (after.width > 1.35 * end.width && !endsSentence(after.m.text)) ||
        after.width > 3 * end.width,
    );
  });
  return heading;
}

/** Group lines into paragraphs. */
export function rejoinLines(lines: Line[]): Paragraph[] {
  const heading = headingLines(lines);
  const paragraphs: Paragraph[] = [];
  let run: MappedText[] = [];
  let runHeading = false;
  const flush = () => {
    if (run.length === 0) return;
    const m = unifyQuotes(joinLines(run));
    const shaped =
      visualWidth(m.text) <= MAX_HEADING_WIDTH &&
      !SENTENCE_PUNCT_RE.test(m.text) &&
      !endsEnglishSentence(m.text) &&
      !isCue(m.text);
    paragraphs.push({ ...m, kind: runHeading || shaped ? "heading" : "text" });
    run = [];
    runHeading = false;
  };
  lines.forEach((line, i) => {
    if (line.kind === "break") return flush();
    if (line.kind === "credit" || line.kind === "signature") {
      flush();
      paragraphs.push({ ...line.m, kind: line.kind });
      return;
    }
    const prev = lines[i - 1];
    const continues =
      run.length > 0 &&
      prev !== undefined &&
      prev.kind === "text" &&
      !heading[i - 1] &&
      !heading[i] &&
      !endsSentence(prev.m.text) &&
      !standsAlone(prev.m.text) &&
      !isCue(line.m.text);
    if (!continues) flush();
    run.push(line.m);
    if (heading[i]) runHeading = true;
  });
  flush();
  return repairFloatingHeadings(paragraphs);
}

/**
 * "…开出“天价”房费引发 | 金视角 | 小城文旅大舞台 | 面临考验。…": headlines printed
 * beside a column end up inside a sentence. When a text paragraph stops in
 * mid-sentence, headlines follow, and a text paragraph that is no new item
 * follows them, the sentence is rejoined and the headlines are kept after it,
 * marked floating.
 */
export function repairFloatingHeadings(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const p = paragraphs[i]!;
    let j = i + 1;
    while (j < paragraphs.length && paragraphs[j]!.kind === "heading") j++;
    const q = paragraphs[j];
    if (
      p.kind === "text" &&
      !endsSentence(p.text) &&
      j > i + 1 &&
      q !== undefined &&
      q.kind === "text" &&
      !isCue(q.text)
    ) {
      out.push({ ...joinLines([p, q]), kind: "text" });
      for (let k = i + 1; k < j; k++) out.push({ ...paragraphs[k]!, floating: true });
      i = j + 1;
    } else {
      out.push(p);
      i++;
    }
  }
  return out;
}
