// A bounded memo that keeps what recurs: two generations of at most `limit` keys.
// A lookup that hits the old generation moves the key into the young one; when the
// young one is full it becomes the old one and the previous old one is dropped.
// Keys that keep recurring survive every turnover, and memory stays at two tables
// whatever the number of distinct keys (no per-entry bookkeeping, as an LRU needs).
export class Generations<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The remembered value, or undefined (remembered values are never undefined). */
  get(key: string): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
