// Strings that repeat across a large graph (document ids, evidence sentences, rule
// ids, mention surfaces) are kept once and referred to by index: a sentence that
// supports five relations is stored once, and evidence becomes a few small ints.
/** Entries a lane's near map holds before it starts again (a few MB at most). */
const NEAR_LIMIT = 1 << 16;

export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  // Consecutive calls of one kind often repeat a string (a document's id for each of
  // its mentions, a rule id, a sentence that supports several relations): comparing
  // with the last one of that kind ("lane") is cheaper than hashing into a large map.
  private readonly last: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly lastIndex: number[] = [-1, -1, -1, -1];
  /**
   * Per lane, optionally, a small map in front of the large one, for lanes whose
   * strings come from a small working set (the document ids of one ingest): a lookup
   * in the graph-wide map is a cache miss or two (≈1 µs on this machine once it holds
   * a few hundred thousand strings), one in a map of a few thousand entries is not.
   * Indexes never change, so what it holds is never stale; it starts again when full.
   */
  private readonly near: (Map<string, number> | undefined)[] = [];

  /** `nearLanes`: the lanes that get a near map. */
  constructor(nearLanes: readonly number[] = []) {
    for (const lane of nearLanes) this.near[lane] = new Map();
  }

  /** Index of `value`; `lane` (0-3) groups calls whose strings tend to repeat. */
  intern(value: string, lane?: number): number {
    if (lane === undefined) return this.indexOf(value);
    if (value === this.last[lane]) return this.lastIndex[lane]!;
    const near = this.near[lane];
    let i: number | undefined;
    if (near === undefined) i = this.indexOf(value);
    else {
      i = near.get(value);
      if (i === undefined) {
        i = this.indexOf(value);
        if (near.size >= NEAR_LIMIT) near.clear();
        near.set(value, i);
      }
    }
    this.last[lane] = value;
    this.lastIndex[lane] = i;
    return i;
  }

  private indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  lookup(value: string): number | undefined {
    return this.index.get(value);
  }

  get(i: number): string {
    return this.values[i]!;
  }

  get size(): number {
    return this.values.length;
  }
}
