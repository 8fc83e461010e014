// ISSUED: a body publishes a named document. The document must be a recognised
// Policy or Report mention and the issuer a recognised body or region, so a class
// word (有关部门印发…) yields nothing. Joint issuance gives one relation per issuer.
import type { EntityMention, RelationMention } from "../types.js";
import type { RelateContext } from "./context.js";
import { hasLabel, isFiller, listStartingWith, mentionsIn, mentionStartingAt, relation } from "./context.js";
import { subjectsBefore } from "./subject.js";
import { documentDate } from "./timing.js";

export function issued(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.issued;
  const { issuedActive: active, issuedAttributive: attributive, issuedPassiveTail: passiveTail } = ctx.re;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    const docs = mentionsIn(ctx, sentence).filter((m) => hasLabel(m, r.documentLabels));
    let previous: { doc: EntityMention; issuers: EntityMention[]; rule: string; at: number } | undefined;
    for (const doc of docs) {
      let left = doc.start;
      while (left > sentence.start && /[\s《“「]/.test(ctx.text[left - 1]!)) left--;
      const before = ctx.text.slice(sentence.start, left);
      const att = attributive.exec(before);
      const act = att ? null : active.exec(before);
      const m = att ?? act;
      let issuers: EntityMention[] = [];
      let rule = "issued.verb-object";
      let at = left;
      if (m) {
        at = sentence.start + m.index;
        issuers = subjectsBefore(ctx, sentence, at, r.issuerLabels, true);
        if (att) rule = "issued.attributive";
      } else if (
        previous &&
        /^[\s》”」]*[、和与及][\s《“「]*$/.test(ctx.text.slice(previous.doc.end, doc.start))
      ) {
        ({ issuers, rule, at } = previous); // 印发《A》和《B》
      } else {
        ({ issuers, at } = passive(ctx, doc, sentence.end, passiveTail, r.issuerLabels));
        rule = "issued.passive-you";
      }
      if (issuers.length === 0) continue;
      if (issuers.length > 1 && rule === "issued.verb-object") rule = "issued.joint-yinfa";
      const date = documentDate(ctx, sentence, at);
      for (const issuer of issuers) out.push(relation("ISSUED", issuer, doc, sentence, rule, date));
      previous = { doc, issuers, rule, at };
    }
  }
  return out;
}

/** 《…》(（以下简称…）)由 X、Y (联合) 印发 */
function passive(
  ctx: RelateContext,
  doc: EntityMention,
  end: number,
  tail: RegExp,
  labels: EntityMention["label"][],
): { issuers: EntityMention[]; at: number } {
  const none = { issuers: [], at: doc.end };
  const rest = ctx.text.slice(doc.end, end);
  const by = /^[\s》”」]*(?:[（(][^）)]{0,30}[）)])?\s*由/u.exec(rest);
  if (!by) return none;
  const first = mentionStartingAt(ctx, doc.end + by[0].length, labels, end);
  if (!first) return none;
  const issuers = listStartingWith(ctx, first, labels, end);
  const last = issuers[issuers.length - 1]!;
  const after = ctx.text.slice(last.end, end);
  for (let cut = 0; cut <= Math.min(after.length, 30); cut++) {
    const t = tail.exec(after.slice(cut));
    if (t && isFiller(ctx, after.slice(0, cut))) return { issuers, at: last.end + cut };
  }
  return none;
}
