// The embedded store's name index: normaliseName(name or alias) → the entities
// that carry it, for findByName() and search(). Most keys name one entity, so an
// entry is that id itself and becomes a list only when a second entity shares the
// key (a one-element array per name was ~55 MB at a million relationships).
import { normaliseName } from "../../ids.js";

export class NameIndex {
  private readonly map = new Map<string, string | string[]>();

  /** Index `id` under `name` (normalised here). */
  add(name: string, id: string): void {
    this.addKey(normaliseName(name), id);
  }

  /** Index `id` under an already normalised key. */
  addKey(key: string, id: string): void {
    const ids = this.map.get(key);
    if (ids === undefined) this.map.set(key, id);
    else if (typeof ids === "string") {
      if (ids !== id) this.map.set(key, [ids, id]);
    } else if (!ids.includes(id)) ids.push(id);
  }

  remove(name: string, id: string): void {
    const key = normaliseName(name);
    const ids = idsOf(this.map.get(key)).filter((x) => x !== id);
    if (ids.length === 0) this.map.delete(key);
    else this.map.set(key, ids.length === 1 ? ids[0]! : ids);
  }

  /** Ids under an exact (normalised) key. */
  get(key: string): readonly string[] {
    return idsOf(this.map.get(key));
  }

  /**
   * Each id under a key that `rankOf` ranks (≥ 0), with the lowest rank of its keys.
   * One pass over the keys, without a list per key.
   */
  rank(rankOf: (key: string) => number): Map<string, number> {
    const best = new Map<string, number>();
    const offer = (id: string, r: number) => {
      const seen = best.get(id);
      if (seen === undefined || seen > r) best.set(id, r);
    };
    for (const [key, ids] of this.map) {
      const r = rankOf(key);
      if (r < 0) continue;
      if (typeof ids === "string") offer(ids, r);
      else for (const id of ids) offer(id, r);
    }
    return best;
  }
}

function idsOf(entry: string | string[] | undefined): readonly string[] {
  return entry === undefined ? [] : typeof entry === "string" ? [entry] : entry;
}
