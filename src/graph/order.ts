// The order in which both stores list evidence, mentions and ids, so that their
// exports compare equal.
import type { Evidence, Mention } from "../types.js";

/** Sort order shared by both stores' exportAll(), so exports compare equal. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    cmp(a.documentId, b.documentId) ||
    a.start - b.start ||
    a.end - b.end ||
    cmp(a.rule, b.rule) ||
    cmp(a.sentence, b.sentence)
  );
}

export function compareMentions(a: Mention, b: Mention): number {
  return cmp(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || cmp(a.text, b.text);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
