// Per-rule-set memoisation of pure functions of a name (its canonical form, its
// region prefix): names recur in every article, and each lookup otherwise runs
// Unicode normalisation or an automaton pass. The tables are bounded so that a
// stream of millions of distinct names cannot grow them without limit.
import type { CompiledRules } from "./compile.js";

const MAX_ENTRIES = 100_000;

export function memoByRules<V>(
  fn: (name: string, rules: CompiledRules) => V,
): (name: string, rules: CompiledRules) => V {
  const tables = new WeakMap<CompiledRules, Map<string, V>>();
  return (name, rules) => {
    let table = tables.get(rules);
    if (!table) {
      table = new Map();
      tables.set(rules, table);
    }
    if (table.has(name)) return table.get(name)!;
    const value = fn(name, rules);
    if (table.size >= MAX_ENTRIES) table.clear();
    table.set(name, value);
    return value;
  };
}

/**
 * memoByRules for a function of a group (a label, say) and a name: one table per
 * group, so that no `group + name` key string is built and hashed per call.
 */
export function memoByRulesAndGroup<V>(
  fn: (group: string, name: string, rules: CompiledRules) => V,
): (group: string, name: string, rules: CompiledRules) => V {
  const tables = new WeakMap<CompiledRules, Map<string, Map<string, V>>>();
  return (group, name, rules) => {
    let groups = tables.get(rules);
    if (!groups) {
      groups = new Map();
      tables.set(rules, groups);
    }
    let table = groups.get(group);
    if (!table) {
      table = new Map();
      groups.set(group, table);
    }
    if (table.has(name)) return table.get(name)!;
    const value = fn(group, name, rules);
    if (table.size >= MAX_ENTRIES) table.clear();
    table.set(name, value);
    return value;
  };
}
