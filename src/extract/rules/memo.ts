// Per-rule-set memoisation of pure functions of a name (its canonical form, its
// region prefix): names recur in every article, and each lookup otherwise runs
// Unicode normalisation or an automaton pass.
//
// Each table keeps two generations (src/generations.ts) of at most MAX_ENTRIES
// names, so memory is reached within the first megabytes of input and stays
// there: with one generation of 100,000 entries cleared when full, a worker's
// live heap grew from 55 to 99 MB over 200 MB of generated pages (most names
// distinct), and V8 sized the heap at ~4× that, which is what made peak RSS grow
// with the input.
import { Generations } from "../../generations.js";
import type { CompiledRules } from "./compile.js";

export const MAX_ENTRIES = 8_192;

export function memoByRules<V extends NonNullable<unknown>>(
  fn: (name: string, rules: CompiledRules) => V,
): (name: string, rules: CompiledRules) => V {
  const tables = new WeakMap<CompiledRules, Generations<V>>();
  return (name, rules) => {
    let table = tables.get(rules);
    if (table === undefined) tables.set(rules, (table = new Generations<V>(MAX_ENTRIES)));
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
    if (table === undefined) groups.set(group, (table = new Generations<V>(MAX_ENTRIES)));
    let value = table.get(name);
    if (value === undefined) table.set(name, (value = fn(group, name, rules)));
    return value;
  };
}
