// A compact Aho–Corasick automaton over UTF-16 code units: every gazetteer name,
// alias and suffix keyword is found in one left-to-right pass over an article,
// whatever the size of the lexicons (no RegExp alternation).
//
// Keys are added to a Map-based trie; build() flattens it into typed arrays: the
// root's transitions as a direct table over all 65,536 code units (most steps of
// a search restart at the root, and most characters of a text lead nowhere), the
// other states' transitions as sorted runs of code units searched by bisection,
// failure links and the outputs of every state (its own keys and those of its
// failure chain) as flat arrays.

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

export class AhoCorasick<T> {
  private trie: Map<number, number>[] | null = [new Map()];
  private keys: { length: number; value: T }[][] = [[]];
  private root = new Int32Array(0);
  private first = new Int32Array(0);
  private codes = new Uint16Array(0);
  private targets = new Int32Array(0);
  private fail = new Int32Array(0);
  private outFirst = new Int32Array(0);
  private outLength = new Int32Array(0);
  private outValues: T[] = [];

  add(key: string, value: T): void {
    if (!this.trie) throw new Error("aho-corasick: cannot add keys after build()");
    if (key.length === 0) return;
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let to = this.trie[state]!.get(code);
      if (to === undefined) {
        to = this.trie.length;
        this.trie.push(new Map());
        this.keys.push([]);
        this.trie[state]!.set(code, to);
      }
      state = to;
    }
    this.keys[state]!.push({ length: key.length, value });
  }

  build(): this {
    const trie = this.trie;
    if (!trie) return this;
    const n = trie.length;
    // Transitions, sorted per state.
    this.first = new Int32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      this.first[s] = total;
      total += trie[s]!.size;
    }
    this.first[n] = total;
    this.codes = new Uint16Array(total);
    this.targets = new Int32Array(total);
    for (let s = 0; s < n; s++) {
      const sorted = [...trie[s]!].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([code, to], i) => {
        this.codes[this.first[s]! + i] = code;
        this.targets[this.first[s]! + i] = to;
      });
    }
    this.root = new Int32Array(65536);
    for (const [code, to] of trie[0]!) this.root[code] = to;
    // Failure links and merged outputs, breadth first.
    this.fail = new Int32Array(n);
    const outputs: { length: number; value: T }[][] = this.keys;
    const queue: number[] = [...trie[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, to] of trie[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !trie[f]!.has(code)) f = this.fail[f]!;
        const target = trie[f]!.get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        outputs[to] = [...outputs[to]!, ...outputs[this.fail[to]!]!];
        queue.push(to);
      }
    }
    this.outFirst = new Int32Array(n + 1);
    let outs = 0;
    for (let s = 0; s < n; s++) {
      this.outFirst[s] = outs;
      outs += outputs[s]!.length;
    }
    this.outFirst[n] = outs;
    this.outLength = new Int32Array(outs);
    this.outValues = new Array<T>(outs);
    for (let s = 0; s < n; s++)
      outputs[s]!.forEach((o, i) => {
        this.outLength[this.outFirst[s]! + i] = o.length;
        this.outValues[this.outFirst[s]! + i] = o.value;
      });
    this.trie = null;
    this.keys = [];
    return this;
  }

  /** The state reached from `state` on `code`, or -1. */
  private step(state: number, code: number): number {
    if (state === 0) return this.root[code]! || -1;
    let lo = this.first[state]!;
    let hi = this.first[state + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.codes[mid]!;
      if (c === code) return this.targets[mid]!;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Every occurrence of every key in `text`, in order of end offset. */
  search(text: string): Hit<T>[] {
    const hits: Hit<T>[] = [];
    this.forEachHit(text, (start, end, value) => hits.push({ start, end, value }));
    return hits;
  }

  /**
   * Calls `found` for every occurrence, in the order of search(), without building a
   * hit object for each (callers that sort hits into their own lists would copy them).
   */
  forEachHit(text: string, found: (start: number, end: number, value: T) => void): void {
    if (this.trie) this.build();
    const { root, fail, outFirst, outLength, outValues } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = state === 0 ? root[code]! : this.step(state, code);
      while (to <= 0 && state !== 0) {
        state = fail[state]!;
        to = state === 0 ? root[code]! : this.step(state, code);
      }
      state = to > 0 ? to : 0;
      for (let o = outFirst[state]!, end = outFirst[state + 1]!; o < end; o++)
        found(i + 1 - outLength[o]!, i + 1, outValues[o]!);
    }
  }
}
