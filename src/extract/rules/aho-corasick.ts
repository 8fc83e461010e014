// A compact Aho–Corasick automaton over UTF-16 code units: every gazetteer name,
// alias and suffix keyword is found in one left-to-right pass over an article,
// whatever the size of the lexicons (no RegExp alternation).

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

export class AhoCorasick<T> {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Values ending at each state, with the length of the key that ends there. */
  private readonly out: { length: number; value: T }[][] = [[]];
  private built = false;

  add(key: string, value: T): void {
    if (this.built) throw new Error("aho-corasick: cannot add keys after build()");
    if (key.length === 0) return;
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let to = this.next[state]!.get(code);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[state]!.set(code, to);
      }
      state = to;
    }
    this.out[state]!.push({ length: key.length, value });
  }

  build(): this {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to] = [...this.out[to]!, ...this.out[this.fail[to]!]!];
        queue.push(to);
      }
    }
    this.built = true;
    return this;
  }

  /** Every occurrence of every key in `text`, in order of end offset. */
  search(text: string): Hit<T>[] {
    if (!this.built) this.build();
    const hits: Hit<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !this.next[state]!.has(code)) state = this.fail[state]!;
      state = this.next[state]!.get(code) ?? 0;
      for (const { length, value } of this.out[state]!)
        hits.push({ start: i + 1 - length, end: i + 1, value });
    }
    return hits;
  }
}
