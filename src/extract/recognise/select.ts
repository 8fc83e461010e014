// Overlap policy: mentions never overlap. Titles in 《》 and quoted programmes are
// taken first (whatever is inside them belongs to them); then the longest span
// wins, ties going to the higher priority (lexicon over pattern) and then to the
// earlier start.
import type { Candidate } from "./candidate.js";

export function selectCandidates(candidates: readonly Candidate[], textLength: number): Candidate[] {
  const taken = new Uint8Array(textLength + 1);
  const order = [...candidates].sort(
    (a, b) =>
      a.tier - b.tier || b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
