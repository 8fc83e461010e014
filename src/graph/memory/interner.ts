// Strings that repeat across a large graph (document ids, evidence sentences, rule
// ids, mention surfaces) are kept once and referred to by index: a sentence that
// supports five relations is stored once, and evidence becomes a few small ints.
export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  // Consecutive calls often repeat a string (a document's id for each of its
  // mentions): comparing with the last one is cheaper than hashing it again.
  private last = "";
  private lastIndex = -1;

  intern(value: string): number {
    if (value === this.last) return this.lastIndex;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    this.last = value;
    this.lastIndex = i;
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
