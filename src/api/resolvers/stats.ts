// stats: counts per label and relation type, every label and type listed
// (zeros included) so that clients and the two stores agree on the shape.
import { NODE_LABELS, RELATION_TYPES } from "../../types.js";
import type { ApiContext } from "../context.js";

async function stats(_: unknown, _args: unknown, ctx: ApiContext) {
  ctx.checkAlive();
  const s = await ctx.store.stats();
  const labels = NODE_LABELS.map((label) => ({ label, count: s.nodes[label] ?? 0 }));
  const relationTypes = RELATION_TYPES.map((type) => ({ type, count: s.relations[type] ?? 0 }));
  return {
    entities: labels.reduce((sum, l) => sum + l.count, 0),
    relationships: relationTypes.reduce((sum, r) => sum + r.count, 0),
    documents: s.documents,
    evidence: s.evidence,
    labels,
    relationTypes,
  };
}

export const statsResolvers = { Query: { stats } };
