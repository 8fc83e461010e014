// Per-rule-set memoisation of pure functions of a name (its canonical form, its
// region prefix): names recur in every article, and each lookup otherwise runs
// Unicode normalisation or an automaton pass.
//
// Each table keeps two generations of at most MAX_ENTRIES names: a lookup that
// hits the old generation moves the name into the young one, and when the young
// one is full it becomes the old one and the previous old one is dropped. Names
// that keep recurring survive every turnover, and memory is reached within the
// first megabytes of input and stays there: with one generation of 100,000
// entries cleared when full, a worker's live heap grew from 55 to 99 MB over
// 200 MB of generated pages (most names distinct), and V8 sized the heap at ~4×
// that, which is what made peak RSS grow with the input.
import type { CompiledRules } from "./compile.js";

export const MAX_ENTRIES = 8_192;

class Generations<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** The remembered value, or undefined (memoised values are never undefined). */
  get(name: string): V | undefined {
    const value = this.young.get(name);
    if (value !== undefined) return value;
    const aged = this.old.get(name);
    if (aged !== undefined) this.set(name, aged);
    return aged;
  }

  set(name: string, value: V): void {
    if (this.young.size >= MAX_ENTRIES) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(name, value);
  }
}

export function memoByRules<V extends NonNullable<unknown>>(
  fn: (name: string, rules: CompiledRules) => V,
): (name: string, rules: CompiledRules) => V {
  const tables = new WeakMap<CompiledRules, Generations<V>>();
  return (name, rules) => {
    let table = tables.get(rules);
    if (table === undefined) tables.set(rules, (table = new Generations<V>()));
    let value = table.get(name);
    if (value === undefined) table.set(name, (value = fn(name, rules)));
    return value;
  };
}

/**
 * memoByRules for a function of a group (a label, say) and a name: one table per
 * group, so that no `group + name` key string is built and hashed per call.
 */
export function memoByRulesAndGroup<V extends NonNullable<unknown>>(
  fn: (group: string, name: string, rules: CompiledRules) => V,
): (group: string, name: string, rules: CompiledRules) => V {
  const tables = new WeakMap<CompiledRules, Map<string, Generations<V>>>();
  return (group, name, rules) => {
    let groups = tables.get(rules);
    if (groups === undefined) tables.set(rules, (groups = new Map()));
    let table = groups.get(group);
    if (table === undefined) groups.set(group, (table = new Generations<V>()));
    let value = table.get(name);
    if (value === undefined) table.set(name, (value = fn(group, name, rules)));
    return value;
  };
}
