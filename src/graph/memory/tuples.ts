// The flat int arrays that hold mentions and evidence (fixed-width tuples of
// interned strings and offsets): building, growing them and dropping one
// document's tuples.
import type { Evidence, Mention } from "../../types.js";
import type { Interner } from "./interner.js";

/** [document, start, end, surface] */
export const MENTION_WIDTH = 4;
/** [document, sentence, start, end, rule] */
export const EVIDENCE_WIDTH = 5;

/** Interner lanes: strings of one kind, which tend to repeat from one call to the next. */
export const DOC = 0;
const SURFACE = 1;
const SENTENCE = 2;
export const RULE = 3;

/**
 * `flat` with room for `more` values after its own: a new array of the exact size
 * when `flat` is empty (most entities and relationships get all theirs at once),
 * else `flat` itself, grown (amortised).
 */
export function grow(flat: number[], more: number): number[] {
  if (flat.length === 0) return new Array<number>(more);
  flat.length += more;
  return flat;
}

export function filterTuples(flat: number[], width: number, doc: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += width)
    if (flat[i] !== doc) for (let j = 0; j < width; j++) out.push(flat[i + j]!);
  return out;
}

/** One mention as a tuple of its own (see NodeAttrs.mentions). */
export function mentionTuple(s: Interner, m: Mention): number[] {
  return [s.intern(m.documentId, DOC), m.start, m.end, s.intern(m.text, SURFACE)];
}

/** `flat` (or a new array when empty) with the tuples of `mentions` appended. */
export function appendMentions(s: Interner, flat: number[], mentions: readonly Mention[]): number[] {
  let at = flat.length;
  const out = grow(flat, mentions.length * MENTION_WIDTH);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    out[at++] = s.intern(m.documentId, DOC);
    out[at++] = m.start;
    out[at++] = m.end;
    out[at++] = s.intern(m.text, SURFACE);
  }
  return out;
}

/** One evidence item as a tuple of its own (see EdgeAttrs.ev). */
export function evidenceTuple(s: Interner, e: Evidence): number[] {
  return [
    s.intern(e.documentId, DOC),
    s.intern(e.sentence, SENTENCE),
    e.start,
    e.end,
    s.intern(e.rule, RULE),
  ];
}

/** `flat` (or a new array when empty) with the tuples of `evidence` appended. */
export function appendEvidence(s: Interner, flat: number[], evidence: readonly Evidence[]): number[] {
  let at = flat.length;
  const out = grow(flat, evidence.length * EVIDENCE_WIDTH);
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    out[at++] = s.intern(e.documentId, DOC);
    out[at++] = s.intern(e.sentence, SENTENCE);
    out[at++] = e.start;
    out[at++] = e.end;
    out[at++] = s.intern(e.rule, RULE);
  }
  return out;
}
