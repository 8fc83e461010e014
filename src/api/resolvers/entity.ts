// Root fields that find entities (entity, entities, search) and the Entity
// type itself, whose relations come from the batched neighbours loader.
import { ENTITY_LABELS } from "../../types.js";
import type { NodeLabel, RelationType } from "../../types.js";
import type { Direction, StoredEntity } from "../../graph/store.js";
import type { ApiContext } from "../context.js";
import { badInput } from "../errors.js";
import { mostProminent, resolveName } from "../names.js";
import { nodeEdge, toConnection, toPage } from "../pagination.js";
import type { PageArgs } from "../pagination.js";

const MAX_IDS = 100;
const MAX_SEARCH_LENGTH = 200;

interface EntityArgs {
  id?: string | null;
  name?: string | null;
  label?: NodeLabel | null;
}

interface SearchArgs extends PageArgs {
  text: string;
  labels?: NodeLabel[] | null;
}

interface RelationsArgs extends PageArgs {
  types?: RelationType[] | null;
  direction?: Direction | null;
}

async function entity(_: unknown, args: EntityArgs, ctx: ApiContext): Promise<StoredEntity | null> {
  if (args.id != null) {
    const found = await ctx.loaders.entities.load(args.id);
    return found && (!args.label || found.label === args.label) ? found : null;
  }
  if (args.name != null) {
    return mostProminent(await resolveName(ctx, args.name, "name", args.label ? [args.label] : undefined));
  }
  throw badInput('entity needs "id" or "name"');
}

async function entities(
  _: unknown,
  args: { ids: string[] },
  ctx: ApiContext,
): Promise<(StoredEntity | null)[]> {
  if (args.ids.length > MAX_IDS) throw badInput(`at most ${MAX_IDS} ids per request`, "ids");
  return ctx.loaders.entities.loadMany(args.ids).then((list) =>
    list.map((item) => {
      if (item instanceof Error) throw item;
      return item;
    }),
  );
}

async function search(_: unknown, args: SearchArgs, ctx: ApiContext) {
  const text = args.text.trim();
  if (text.length === 0) throw badInput('"text" must not be empty', "text");
  if (text.length > MAX_SEARCH_LENGTH)
    throw badInput(`"text" is longer than ${MAX_SEARCH_LENGTH} characters`, "text");
  const page = toPage(args);
  ctx.checkAlive();
  // Statements are quoted sentences, not names: searched only when asked for, so that
  // a name search is not buried under every sentence that contains the name.
  const labels: NodeLabel[] = args.labels && args.labels.length > 0 ? args.labels : [...ENTITY_LABELS];
  const result = await ctx.store.search(text, labels, page);
  ctx.loaders.prime(result.items);
  return toConnection(result, page, nodeEdge);
}

async function relations(e: StoredEntity, args: RelationsArgs, ctx: ApiContext) {
  const page = toPage(args);
  if (args.types && args.types.length === 0) throw badInput('"types" must not be an empty list', "types");
  // The store pages in the order both stores share, so cursors mean the same on either.
  const loader = ctx.loaders.neighbourPages(
    { direction: args.direction ?? "BOTH", ...(args.types ? { types: args.types } : {}) },
    page,
  );
  return toConnection(await loader.load(e.id), page, (n, cursor) => ({
    cursor,
    node: n.other,
    type: n.relation.type,
    direction: n.direction,
    properties: n.relation.properties ?? {},
    evidence: n.relation.evidence ?? [],
    relationship: n.relation,
  }));
}

async function mentions(e: StoredEntity, args: PageArgs, ctx: ApiContext) {
  const page = toPage(args);
  ctx.checkAlive();
  return toConnection(await ctx.store.mentionsOf(e.id, page), page, nodeEdge);
}

export const entityResolvers = {
  Query: { entity, entities, search },
  Entity: {
    aliases: (e: StoredEntity) => e.aliases ?? [],
    properties: (e: StoredEntity) => e.properties ?? {},
    degree: (e: StoredEntity) => e.degree ?? null,
    pagerank: (e: StoredEntity) => e.pagerank ?? null,
    community: (e: StoredEntity) => e.community ?? null,
    mentions,
    relations,
  },
};
