// Read-side caches of the embedded store that live until the graph changes, and
// the decoded entity records kept in one of them. The graph keeps entities in a
// compact form (sorted aliases are not stored, nor a copy of their properties);
// every read turned them back into records, so a hub answered to many clients was
// decoded again for each. The records are frozen because the same one now goes to
// every caller: a caller that tried to change one would otherwise change it for
// everybody.
import { Generations } from "../../generations.js";
import type { StoredEntity } from "../store.js";
import type { GraphState } from "./state.js";

/**
 * A value per graph, made afresh once the graph's version moves on (every write
 * bumps it), so a cache built on it is never stale.
 */
export function perVersion<T>(make: () => T): (state: GraphState) => T {
  const values = new WeakMap<GraphState, { version: number; value: T }>();
  return (state) => {
    let entry = values.get(state);
    if (!entry || entry.version !== state.version) {
      entry = { version: state.version, value: make() };
      values.set(state, entry);
    }
    return entry.value;
  };
}

/** Entities remembered per graph (two generations of this many, src/generations.ts). */
export const ENTITY_RECORDS = 16_384;

const entityRecords = perVersion(() => new Generations<StoredEntity>(ENTITY_RECORDS));

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value))
    if (inner !== null && typeof inner === "object" && !Object.isFrozen(inner)) deepFreeze(inner as object);
  return Object.freeze(value);
}

/**
 * The record of `id` as `decode` builds it, decoded once per version of the graph.
 * `decode` takes the state and id (no closure per call: this is every read's path).
 */
export function rememberEntity(
  state: GraphState,
  id: string,
  decode: (state: GraphState, id: string) => StoredEntity | null,
): StoredEntity | null {
  const records = entityRecords(state);
  const known = records.get(id);
  if (known) return known;
  const entity = decode(state, id);
  if (entity) records.set(id, deepFreeze(entity));
  return entity;
}
