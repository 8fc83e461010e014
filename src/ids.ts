// Identity of graph nodes and relationships. An entity's id is its label and its
// normalised canonical name, so the same thing extracted from two pages (or by two
// machines) gets the same id without a lookup.
import type { NodeLabel, RelationType } from "./types.js";

/** NFKC, no whitespace, no book-title marks or quotation marks, lower case (as ONTOLOGY.md). */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s《》〈〉“”"'‘’「」『』]/g, "")
    .toLowerCase();
}

export function entityId(label: NodeLabel, canonicalName: string): string {
  return `${label}:${normaliseName(canonicalName)}`;
}

/** One relationship per (type, source, target); evidence from every document accumulates on it. */
export function relationKey(type: RelationType, source: string, target: string): string {
  // join() makes one flat string; a template literal leaves a chain of concatenation
  // objects behind every key a store keeps (~100 bytes each, ~90 MB at a million).
  return [type, source, target].join("|");
}
