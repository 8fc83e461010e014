// Documents and the two things that point at them: evidence and mentions.
// Titles and dates are loaded through the per-request document loader.
import type { DocumentRecord, Evidence, Mention } from "../../types.js";
import type { ApiContext } from "../context.js";
import { badInput } from "../errors.js";

const loadDocument = (ctx: ApiContext, id: string): Promise<DocumentRecord | null> =>
  ctx.loaders.documents.load(id);

export const documentResolvers = {
  Query: {
    document: (_: unknown, args: { id: string }, ctx: ApiContext) => {
      if (args.id.length === 0 || args.id.length > 500) throw badInput('"id" must be 1–500 characters', "id");
      return loadDocument(ctx, args.id);
    },
  },
  Document: {
    byline: (d: DocumentRecord) => d.byline ?? null,
  },
  Evidence: {
    document: (e: Evidence, _args: unknown, ctx: ApiContext) => loadDocument(ctx, e.documentId),
    title: async (e: Evidence, _args: unknown, ctx: ApiContext) =>
      (await loadDocument(ctx, e.documentId))?.title ?? null,
    date: async (e: Evidence, _args: unknown, ctx: ApiContext) =>
      (await loadDocument(ctx, e.documentId))?.date ?? null,
  },
  Mention: {
    document: (m: Mention, _args: unknown, ctx: ApiContext) => loadDocument(ctx, m.documentId),
  },
};
