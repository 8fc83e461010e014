// Strings that repeat across a large graph (document ids, evidence sentences, rule
// ids, mention surfaces) are kept once and referred to by index: a sentence that
// supports five relations is stored once, and evidence becomes a few small ints.
export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  // Consecutive calls of one kind often repeat a string (a document's id for each of
  // its mentions, a rule id, a sentence that supports several relations): comparing
  // with the last one of that kind ("lane") is cheaper than hashing into a large map.
  private readonly last: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly lastIndex: number[] = [-1, -1, -1, -1];

  /** Index of `value`; `lane` (0-3) groups calls whose strings tend to repeat. */
  intern(value: string, lane = 0): number {
    if (value === this.last[lane]) return this.lastIndex[lane]!;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    this.last[lane] = value;
    this.lastIndex[lane] = i;
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
