// Overlap policy: mentions never overlap. Titles in 《》 and quoted programmes are
// taken first (whatever is inside them belongs to them); then the longest span
// wins, ties going to the higher priority (lexicon over pattern) and then to the
// earlier start. One exception: bodies named inside an event's name are kept as
// well (科大讯飞 in 2024科大讯飞全球1024开发者节), since the event is theirs.
import type { Candidate } from "./candidate.js";

const NESTABLE = new Set(["Organization", "Enterprise", "Agency", "Program"]);

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
