// path(from, to, maxHops): a shortest path between two named entities, as
// alternating nodes and relationships.
import type { StoredEntity, StoredRelation } from "../../graph/store.js";
import type { ApiContext } from "../context.js";
import { badInput } from "../errors.js";
import { mostProminent, resolveName } from "../names.js";

export const MAX_HOPS = 6;

interface PathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
}

async function endpoint(ctx: ApiContext, text: string, argument: string): Promise<StoredEntity> {
  const found = mostProminent(await resolveName(ctx, text, argument));
  if (!found) throw badInput(`no entity is named ${JSON.stringify(text)}`, argument);
  return found;
}

async function path(_: unknown, args: PathArgs, ctx: ApiContext) {
  const maxHops = args.maxHops ?? 4;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
    throw badInput(`"maxHops" must be between 1 and ${MAX_HOPS}, got ${maxHops}`, "maxHops");
  }
  const [from, to] = await Promise.all([endpoint(ctx, args.from, "from"), endpoint(ctx, args.to, "to")]);
  ctx.checkAlive();
  const result = await ctx.store.shortestPath(from.id, to.id, maxHops);
  if (!result) return null;
  ctx.loaders.prime(result.nodes);
  const elements: (StoredEntity | StoredRelation)[] = [];
  result.nodes.forEach((node, i) => {
    elements.push(node);
    const relation = result.relations[i];
    if (relation) elements.push(relation);
  });
  return { length: result.relations.length, nodes: result.nodes, relationships: result.relations, elements };
}

export const pathResolvers = {
  Query: { path },
  PathElement: {
    __resolveType: (element: StoredEntity | StoredRelation) => ("key" in element ? "Relationship" : "Entity"),
  },
};
