// Decoded entity records of the embedded store, remembered until the graph changes.
// The graph keeps entities in a compact form (sorted aliases are not stored, nor a
// copy of their properties); every read turned them back into records, so a hub
// answered to many clients was decoded again for each. The records are frozen
// because the same one now goes to every caller: a caller that tried to change one
// would otherwise change it for everybody.
import { Generations } from "../../generations.js";
import type { StoredEntity } from "../store.js";
import type { GraphState } from "./state.js";

/** Entities remembered per graph (two generations of this many, src/generations.ts). */
export const ENTITY_RECORDS = 16_384;

const remembered = new WeakMap<GraphState, { version: number; entities: Generations<StoredEntity> }>();

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value))
    if (inner !== null && typeof inner === "object" && !Object.isFrozen(inner)) deepFreeze(inner as object);
  return Object.freeze(value);
}

/** The record of `id` as `decode` builds it, decoded once per version of the graph. */
export function rememberEntity(
  state: GraphState,
  id: string,
  decode: () => StoredEntity | null,
): StoredEntity | null {
  let entry = remembered.get(state);
  if (!entry || entry.version !== state.version) {
    entry = { version: state.version, entities: new Generations(ENTITY_RECORDS) };
    remembered.set(state, entry);
  }
  const known = entry.entities.get(id);
  if (known) return known;
  const entity = decode();
  if (entity) entry.entities.set(id, deepFreeze(entity));
  return entity;
}
