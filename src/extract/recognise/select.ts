// Overlap policy: mentions never overlap. Titles in 《》 and quoted programmes are
// taken first (whatever is inside them belongs to them); then the longest span
// wins, ties going to the higher priority (lexicon over pattern) and then to the
// earlier start. One exception: bodies named inside an event's name are kept as
// well (科大讯飞 in 2024科大讯飞全球1024开发者节), since the event is theirs.
import type { Candidate } from "./candidate.js";

const NESTABLE = new Set(["Organization", "Enterprise", "Agency", "Program"]);

export function selectCandidates(candidates: readonly Candidate[], textLength: number): Candidate[] {
  const taken = new Uint8Array(textLength + 1);
  const order = layerOrder(candidates);
  const kept: Candidate[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  const events = kept.filter((c) => c.label === "Event");
  if (events.length > 0) {
    const nested = new Set<Candidate>();
    const inLayer = new Set(kept);
    for (const c of order) {
      if (inLayer.has(c) || !NESTABLE.has(c.label)) continue;
      if (!events.some((e) => e.start <= c.start && c.end <= e.end && e !== c)) continue;
      if ([...nested].some((n) => n.start < c.end && c.start < n.end)) continue;
      nested.add(c);
    }
    kept.push(...nested);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

const byLayer = (a: Candidate, b: Candidate): number =>
  a.tier - b.tier || b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start;

/**
 * The candidates sorted by byLayer, ties in their given order (as a stable sort leaves them).
 * Each candidate's sort key and index are packed into one integer below 2^53 (tier 3 bits,
 * length 10, priority 4, start 22, index 12) and the keys sorted as numbers, with no call to a
 * comparison function per step; anything outside those ranges takes the comparison sort.
 */
function layerOrder(candidates: readonly Candidate[]): Candidate[] {
  const n = candidates.length;
  if (n > 4096) return [...candidates].sort(byLayer);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const length = c.end - c.start;
    if (
      !(Number.isInteger(c.tier) && c.tier >= 0 && c.tier < 8) ||
      !(Number.isInteger(length) && length >= 0 && length < 1024) ||
      !(Number.isInteger(c.priority) && c.priority >= 0 && c.priority < 16) ||
      !(Number.isInteger(c.start) && c.start >= 0 && c.start < 2 ** 22)
    )
      return [...candidates].sort(byLayer);
    keys[i] = (((c.tier * 1024 + (1023 - length)) * 16 + (15 - c.priority)) * 2 ** 22 + c.start) * 4096 + i;
  }
  keys.sort();
  const order = new Array<Candidate>(n);
  for (let k = 0; k < n; k++) order[k] = candidates[keys[k]! % 4096]!;
  return order;
}
