// The empty properties shared by prepareFacts() rows and the embedded store's
// records: most entities and relations have none, and one frozen object in place
// of an empty one each saves megabytes on a large graph. Never mutated: whoever
// needs to add a property replaces it first (compare with ===).
import type { Properties } from "../types.js";

export const NO_PROPERTIES: Properties = Object.freeze({}) as Properties;

export function isEmpty(properties: Properties): boolean {
  for (const _ in properties) return false;
  return true;
}
