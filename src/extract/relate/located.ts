// LOCATED_IN: 位于景德镇高新区的昌飞公司; 江西省宜春市袁州区的瑞一韵承科技有限公司;
// 吉安市吉州工业园华立源锂电科技有限公司; and a zone or company whose own name
// starts with a region the article names (武汉东湖高新区 → 武汉市).
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import {
  findWords,
  hasLabel,
  listStartingWith,
  mentionEndingAt,
  mentionsIn,
  mentionStartingAt,
  relation,
  sentenceAt,
} from "./context.js";

export function locations(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.located;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    for (const thing of mentionsIn(ctx, sentence).filter((m) => hasLabel(m, r.thingLabels))) {
      let p = thing.start;
      while (p > sentence.start && /\s/.test(ctx.text[p - 1]!)) p--;
      const withDe = ctx.text[p - 1] === "的";
      if (!withDe && thing.label === "Agency") continue;
      const places = placeChainEndingAt(ctx, withDe ? p - 1 : p, sentence);
      if (places.length === 0) continue;
      let q = places[0]!.start;
      while (q > sentence.start && /\s/.test(ctx.text[q - 1]!)) q--;
      const rule = !withDe
        ? "located.adjacent"
        : ctx.text.slice(q - 2, q) === "位于"
          ? "located.weiyu"
          : "located.place-de";
      out.push(relation("LOCATED_IN", thing, places[places.length - 1]!, sentence, rule));
      // inside the chain a zone sits in the region before it (吉安市吉州工业园)
      for (let i = 1; i < places.length; i++) {
        if (places[i]!.label === "Zone")
          out.push(relation("LOCATED_IN", places[i]!, places[i - 1]!, sentence, rule));
      }
    }
  }
  return [...out, ...clusters(ctx), ...byNamePrefix(ctx)];
}

/** Adjacent places (regions, zones) ending at pos: 江西省宜春市袁州区. */
function placeChainEndingAt(ctx: RelateContext, pos: number, sentence: Span): EntityMention[] {
  const r = ctx.rules.located;
  const chain: EntityMention[] = [];
  let p = pos;
  for (;;) {
    const m = mentionEndingAt(ctx, p, r.placeLabels, sentence.start);
    if (!m) break;
    chain.unshift(m);
    p = m.start;
  }
  return chain;
}

function shortRegionName(ctx: RelateContext, name: string): string {
  for (const s of ctx.rules.located.regionSuffixes) {
    if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  }
  return name;
}

/** 武汉东湖高新区 → 武汉市 when the article names 武汉(市). */
function byNamePrefix(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.located;
  const regions = new Map<string, EntityMention>();
  for (const m of ctx.mentions) {
    if (m.label === "Region" && !r.notPrefixRegions.includes(m.name) && !regions.has(m.name))
      regions.set(m.name, m);
  }
  // Each region's forms once per article, not once per mention they are tried against.
  const forms = [...regions.values()].map(
    (region) => [region, [...new Set([region.name, shortRegionName(ctx, region.name)])]] as const,
  );
  const out: RelationMention[] = [];
  const done = new Set<string>();
  for (const thing of ctx.mentions) {
    if (!hasLabel(thing, r.prefixThingLabels) || done.has(`${thing.label}|${thing.name}`)) continue;
    const sentence = sentenceAt(ctx, thing.start);
    if (!sentence) continue;
    let best: EntityMention | undefined;
    let bestLength = 0;
    for (const [region, names] of forms) {
      for (const form of names) {
        if (form.length < 2 || form.length <= bestLength) continue;
        if (thing.name.startsWith(form) && thing.name.length >= form.length + 2) {
          best = region;
          bestLength = form.length;
        }
      }
    }
    if (best) {
      done.add(`${thing.label}|${thing.name}`);
      out.push(relation("LOCATED_IN", thing, best, sentence, "located.name-prefix"));
    }
  }
  return out;
}

/** 中关村示范区…集聚了百度、智谱华章、百川智能、零一万物等一批优质企业 */
function clusters(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.located;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    for (const v of findWords(ctx, sentence, r.clusterVerbs)) {
      const first = mentionStartingAt(ctx, v.end, ["Enterprise", "Organization"], sentence.end);
      if (!first) continue;
      const list = listStartingWith(ctx, first, ["Enterprise", "Organization"], sentence.end);
      const places = mentionsIn(ctx, { start: sentence.start, end: v.start }).filter((m) =>
        hasLabel(m, r.placeLabels),
      );
      const place = places[places.length - 1];
      if (!place || /[。；;]/.test(ctx.text.slice(place.end, v.start))) continue;
      for (const m of list) out.push(relation("LOCATED_IN", m, place, sentence, "located.clusters"));
    }
  }
  return out;
}
