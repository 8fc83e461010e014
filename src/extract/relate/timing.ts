// Which date a relation found in a sentence carries. Events (a statement, a
// visit, a launch) take the last date printed before their trigger in the same
// sentence, else the article's lead date (the dateline's 3月13日电), else the
// article date; the last two are inferred, so marked approximate. Documents
// (ISSUED) take only a date printed in their sentence: 此前…出台 has none.
import type { Properties } from "../../types.js";
import type { Span } from "../types.js";
import type { RelateContext } from "./context.js";
import { insideQuote } from "./context.js";
import type { ResolvedDate } from "./dates.js";
import { dateProperties, findDateExpressions, resolveDate } from "./dates.js";

const leadCache = new WeakMap<RelateContext, ResolvedDate | null>();

function lastDayBefore(ctx: RelateContext, pos: number): string | undefined {
  const days = findDateExpressions(ctx.text, 0, pos).filter(
    (e) => e.kind === "full" || e.kind === "monthDay",
  );
  const last = days[days.length - 1];
  return last ? (resolveDate(last, ctx.article.date)?.date ?? undefined) : undefined;
}

/** The first day-precise date in the article's first sentences (dateline or 本报讯 lead). */
export function leadDate(ctx: RelateContext): ResolvedDate | null {
  if (leadCache.has(ctx)) return leadCache.get(ctx)!;
  let found: ResolvedDate | null = null;
  for (const s of ctx.article.sentences.slice(0, 4)) {
    const e = findDateExpressions(ctx.text, s.start, s.end).find(
      (x) => x.kind === "full" || x.kind === "monthDay",
    );
    if (e) {
      found = resolveDate(e, ctx.article.date);
      if (found) break;
    }
  }
  leadCache.set(ctx, found);
  return found;
}

/** The last date printed in sentence before pos, resolved. */
export function dateBefore(ctx: RelateContext, sentence: Span, pos: number): ResolvedDate | null {
  // a date inside a quotation belongs to what was said, not to the saying
  const exprs = findDateExpressions(ctx.text, sentence.start, pos).filter((e) => !insideQuote(ctx, e.start));
  for (let i = exprs.length - 1; i >= 0; i--) {
    const e = exprs[i]!;
    const d = resolveDate(
      e,
      ctx.article.date,
      e.kind === "sameDay" ? lastDayBefore(ctx, e.start) : undefined,
    );
    if (d) return d;
  }
  return null;
}

export function eventDate(ctx: RelateContext, sentence: Span, pos: number): Properties {
  const own = dateBefore(ctx, sentence, pos);
  if (own) return dateProperties(own);
  const lead = leadDate(ctx);
  if (lead) return dateProperties({ ...lead, approximate: true });
  if (ctx.article.date) return dateProperties({ date: ctx.article.date.slice(0, 10), approximate: true });
  return {};
}

export function documentDate(ctx: RelateContext, sentence: Span, pos: number): Properties {
  return dateProperties(dateBefore(ctx, sentence, pos));
}
