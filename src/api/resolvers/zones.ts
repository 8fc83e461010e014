// zoneIndustries(zone, industry): FOCUSES_ON links from zones to industries,
// either side filtered by name or alias.
import type { StoredRelation, ZoneIndustryLink } from "../../graph/store.js";
import type { ApiContext } from "../context.js";
import { resolveName } from "../names.js";
import { nodeEdge, toConnection, toPage } from "../pagination.js";
import type { PageArgs } from "../pagination.js";

interface ZoneIndustryArgs extends PageArgs {
  zone?: string | null;
  industry?: string | null;
}

async function zoneIndustries(_: unknown, args: ZoneIndustryArgs, ctx: ApiContext) {
  const page = toPage(args);
  const zones = args.zone != null ? (await resolveName(ctx, args.zone, "zone")).map((e) => e.id) : undefined;
  const industries =
    args.industry != null
      ? (await resolveName(ctx, args.industry, "industry", ["Industry"])).map((e) => e.id)
      : undefined;
  if (zones?.length === 0 || industries?.length === 0) {
    return toConnection<StoredRelation, ReturnType<typeof nodeEdge<StoredRelation>>>(
      { items: [], totalCount: 0 },
      page,
      nodeEdge,
    );
  }
  ctx.checkAlive();
  const result = await ctx.store.zoneIndustries(
    { ...(zones ? { zones } : {}), ...(industries ? { industries } : {}) },
    page,
  );
  ctx.loaders.prime(result.items.flatMap((r) => [r.zone, r.industry]));
  return toConnection(result, page, nodeEdge);
}

/** `metric` is free text from the page; a list (several pages gave one) is joined. */
function metric(r: StoredRelation): string | null {
  const value = r.properties?.metric;
  if (value === undefined || value === null) return null;
  return Array.isArray(value) ? value.filter((v) => v !== null).join("；") || null : String(value);
}

export const zoneResolvers = {
  Query: { zoneIndustries },
  ZoneIndustry: {
    // The store returns both ends with the page (no DataLoader round per edge).
    zone: (r: ZoneIndustryLink) => r.zone,
    industry: (r: ZoneIndustryLink) => r.industry,
    metric,
    properties: (r: StoredRelation) => r.properties ?? {},
    evidence: (r: StoredRelation) => r.evidence ?? [],
  },
};
