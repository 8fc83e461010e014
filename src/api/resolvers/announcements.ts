// announcements(by, about, since, until): who issued, announced or stated what.
// Names are resolved to ids here; the store filters and orders.
import type { Announcement, AnnouncementQuery, Page } from "../../graph/store.js";
import type { ApiContext } from "../context.js";
import { badInput } from "../errors.js";
import { resolveName } from "../names.js";
import { nodeEdge, toConnection, toPage } from "../pagination.js";
import type { PageArgs } from "../pagination.js";

interface AnnouncementArgs extends PageArgs {
  by?: string | null;
  about?: string | null;
  since?: string | null;
  until?: string | null;
}

const empty = (page: Page) =>
  toConnection<Announcement, ReturnType<typeof nodeEdge<Announcement>>>(
    { items: [], totalCount: 0 },
    page,
    nodeEdge,
  );

async function announcements(_: unknown, args: AnnouncementArgs, ctx: ApiContext) {
  const page = toPage(args);
  if (args.since && args.until && args.since > args.until) {
    throw badInput(`"since" (${args.since}) is after "until" (${args.until})`, "since");
  }
  const query: AnnouncementQuery = {};
  if (args.since) query.since = args.since;
  if (args.until) query.until = args.until;
  if (args.by != null) {
    query.by = (await resolveName(ctx, args.by, "by")).map((e) => e.id);
    if (query.by.length === 0) return empty(page);
  }
  if (args.about != null) {
    query.about = (await resolveName(ctx, args.about, "about")).map((e) => e.id);
    if (query.about.length === 0) return empty(page);
  }
  ctx.checkAlive();
  const result = await ctx.store.announcements(query, page);
  ctx.loaders.prime(result.items.flatMap((a) => [a.speaker, a.what]));
  return toConnection(result, page, nodeEdge);
}

export const announcementResolvers = {
  Query: { announcements },
  Announcement: {
    document: (a: Announcement, _args: unknown, ctx: ApiContext) => {
      const first = a.relation.evidence[0];
      return first ? ctx.loaders.documents.load(first.documentId) : null;
    },
    evidence: (a: Announcement) => a.relation.evidence ?? [],
  },
};
