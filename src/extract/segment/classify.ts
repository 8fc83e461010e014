// What each paragraph of a normalised page is, from its own shape and its
// neighbours: headlines start items, leads (本报讯, datelines) start items that
// have no headline, signatures end items, captions and credits are kept apart.
import { HAN } from "../normalise/chars.js";
import { endsSentence } from "../normalise/chars.js";
import { BYLINE_RE, LEAD_RE, SUBTITLE_RE } from "../normalise/cues.js";
import type { Paragraph } from "../normalise/index.js";
import { pageHeaderDate } from "./dates.js";

export type BlockKind =
  | "pageDate"
  | "heading"
  | "floating"
  | "subtitle"
  | "byline"
  | "lead"
  | "text"
  | "caption"
  | "credit"
  | "signature";

export interface Block {
  kind: BlockKind;
  paragraph: Paragraph;
}

const NAME_ONLY = new RegExp(`^[${HAN}]{2,3}$`);
const CAPTION_RE = /^图为|[。，]图为/;

function classifyOne(p: Paragraph, prev: Paragraph | undefined, next: Paragraph | undefined): BlockKind {
  if (p.kind === "credit" || p.kind === "signature") return p.kind;
  if (pageHeaderDate(p.text)) return "pageDate";
  if (p.kind === "heading") {
    if (p.floating) return "floating";
    // "覃皓" alone after an article's last sentence, before the next headline.
    const closesItem = prev?.kind === "text" && endsSentence(prev.text);
    const opensNothing = !next || next.kind !== "text" || LEAD_RE.test(next.text);
    return NAME_ONLY.test(p.text) && closesItem && opensNothing ? "signature" : "heading";
  }
  if (SUBTITLE_RE.test(p.text)) return "subtitle";
  if (BYLINE_RE.test(p.text)) return "byline";
  if (LEAD_RE.test(p.text)) return "lead";
  if (CAPTION_RE.test(p.text) || next?.kind === "credit") return "caption";
  return "text";
}

export function classifyParagraphs(paragraphs: Paragraph[]): Block[] {
  const blocks = paragraphs.map((p, i) => ({
    kind: classifyOne(p, paragraphs[i - 1], paragraphs[i + 1]),
    paragraph: p,
  }));
  // A caption that starts with 图为 describes the picture of the short news text
  // printed right above it: that text belongs to the caption too.
  blocks.forEach((block, i) => {
    const prev = blocks[i - 1];
    if (block.kind === "caption" && /^图为/.test(block.paragraph.text) && prev?.kind === "text") {
      prev.kind = "caption";
    }
  });
  return blocks;
}
