import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectCandidates } from "../../src/extract/recognise/select.js";
import type { Candidate } from "../../src/extract/recognise/candidate.js";

/** The overlap policy written plainly: a stable comparison sort, then first come first served. */
function plainLayer(candidates: Candidate[], textLength: number): Candidate[] {
  const order = [...candidates].sort(
    (a, b) =>
      a.tier - b.tier || b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const taken = new Uint8Array(textLength + 1);
  const kept: Candidate[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

const candidate = (i: number, start: number, length: number, tier: 0 | 1, priority: number): Candidate => ({
  label: "Agency",
  name: `n${i}`,
  surface: "x",
  start,
  end: start + length,
  rule: "r",
  priority,
  tier,
});

describe("selectCandidates", () => {
  it("keeps the layer a stable comparison sort gives, ties included", () => {
    // Many equal keys (same start, length, priority): which one wins is decided by input order.
    const spans = fc.record({
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: -1, max: 10 }),
      tier: fc.constantFrom<0 | 1>(0, 1),
      priority: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(spans, { maxLength: 60 }), (raw) => {
        const candidates = raw.map((r, i) => candidate(i, r.start, r.length, r.tier, r.priority));
        expect(selectCandidates(candidates, 60)).toEqual(plainLayer(candidates, 60));
      }),
      { numRuns: 500 },
    );
  });

  it("orders spans beyond the packed key's ranges alike (long spans, late starts)", () => {
    const candidates = [
      candidate(0, 5_000_000, 1500, 1, 2),
      candidate(1, 5_000_100, 20, 1, 3),
      candidate(2, 5_001_600, 4, 1, 1),
      candidate(3, 5_001_601, 4, 1, 2),
    ];
    expect(selectCandidates(candidates, 5_002_000)).toEqual(plainLayer(candidates, 5_002_000));
  });
});
