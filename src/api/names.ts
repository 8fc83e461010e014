// Arguments that name an entity (`by`, `about`, `zone`, `from` …) accept an
// entity id or any canonical name or alias; the store's findByName does the
// normalised exact match.
import type { NodeLabel } from "../types.js";
import { NODE_LABELS } from "../types.js";
import type { StoredEntity } from "../graph/store.js";
import type { ApiContext } from "./context.js";
import { nameKey } from "./context.js";
import { badInput } from "./errors.js";

const MAX_NAME_LENGTH = 300;

function looksLikeId(text: string): boolean {
  const colon = text.indexOf(":");
  return colon > 0 && (NODE_LABELS as readonly string[]).includes(text.slice(0, colon));
}

/** Every entity the text names (by id, name or alias), optionally of the given labels. */
export async function resolveName(
  ctx: ApiContext,
  text: string,
  argument: string,
  labels?: readonly NodeLabel[],
): Promise<StoredEntity[]> {
  const name = text.trim();
  if (name.length === 0) throw badInput(`"${argument}" must not be empty`, argument);
  if (name.length > MAX_NAME_LENGTH)
    throw badInput(`"${argument}" is longer than ${MAX_NAME_LENGTH} characters`, argument);
  const found = new Map<string, StoredEntity>();
  if (looksLikeId(name)) {
    const byId = await ctx.loaders.entities.load(name);
    if (byId) found.set(byId.id, byId);
  }
  const lookups = labels && labels.length > 0 ? labels.map((l) => nameKey(name, l)) : [nameKey(name)];
  for (const list of await ctx.loaders.byName.loadMany(lookups)) {
    if (list instanceof Error) throw list;
    for (const entity of list) found.set(entity.id, entity);
  }
  const result = [...found.values()].filter(
    (e) => !labels || labels.length === 0 || labels.includes(e.label),
  );
  ctx.loaders.prime(result);
  return result;
}

/** The most prominent of several same-named entities: most documents, then PageRank, then id. */
export function mostProminent(entities: readonly StoredEntity[]): StoredEntity | null {
  return (
    [...entities].sort(
      (a, b) =>
        b.documentCount - a.documentCount ||
        (b.pagerank ?? 0) - (a.pagerank ?? 0) ||
        a.id.localeCompare(b.id),
    )[0] ?? null
  );
}
