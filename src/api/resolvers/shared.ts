// Helpers the resolver areas share: loading a required entity, and the fields
// every Relationship-like object (relation edge, zone link, announcement) exposes.
import { GraphQLError } from "graphql";
import type { Evidence, Properties } from "../../types.js";
import type { StoredEntity, StoredRelation } from "../../graph/store.js";
import type { ApiContext } from "../context.js";

/** An endpoint the store referenced but cannot return is a store inconsistency, not user error. */
export async function requireEntity(ctx: ApiContext, id: string): Promise<StoredEntity> {
  const entity = await ctx.loaders.entities.load(id);
  if (!entity) throw new GraphQLError(`entity ${id} is referenced but missing from the store`);
  return entity;
}

export const relationshipResolvers = {
  Relationship: {
    source: (r: StoredRelation, _args: unknown, ctx: ApiContext) => requireEntity(ctx, r.source),
    target: (r: StoredRelation, _args: unknown, ctx: ApiContext) => requireEntity(ctx, r.target),
    properties: (r: StoredRelation): Properties => r.properties ?? {},
    evidence: (r: StoredRelation): Evidence[] => r.evidence ?? [],
  },
};
