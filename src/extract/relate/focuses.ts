// FOCUSES_ON: a zone, region, company, organisation, programme or policy
// develops, clusters or specialises in an industry (在光电子信息产业领域独树一帜;
// 聚焦新一代电子信息、智能家电…; 集聚了1.6万家光电子信息企业), with the metrics
// the sentence gives (产业集群规模突破5000亿元) as text and as numbers.
import type { Properties } from "../../types.js";
import type { EntityMention, RelationMention } from "../types.js";
import type { RelateContext } from "./context.js";
import {
  hasLabel,
  listStartingWith,
  mentionsIn,
  mentionStartingAt,
  relation,
  sentenceAt,
} from "./context.js";
import type { Quantity } from "./quantity.js";
import { findQuantities } from "./quantity.js";

export function focuses(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.focuses;
  const { focusVerbAtEnd: verbAtEnd, focusFieldTail: fieldTail, focusScale: scale } = ctx.re;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    const inSentence = mentionsIn(ctx, sentence);
    const seen = new Set<EntityMention>();
    for (const industry of inSentence.filter((m) => hasLabel(m, r.industryLabels))) {
      if (seen.has(industry)) continue;
      const list = listStartingWith(ctx, industry, r.industryLabels, sentence.end);
      list.forEach((m) => seen.add(m));
      let left = industry.start;
      while (left > sentence.start && /[\s“「]/.test(ctx.text[left - 1]!)) left--;
      const before = ctx.text.slice(sentence.start, left);
      const after = ctx.text.slice(list[list.length - 1]!.end, sentence.end);
      let subject: EntityMention | undefined;
      let rule: string;
      const metrics: { text: string; q: Quantity | null }[] = [];
      if (/在\s*$/.test(before) && fieldTail.test(after)) {
        rule = "focuses.field";
        subject =
          nearestSubject(ctx, inSentence, sentence.start, left) ??
          inSentence.find((m) => m.start >= list[list.length - 1]!.end && hasLabel(m, r.subjectLabels));
      } else {
        const v = verbAtEnd.exec(before);
        if (!v) continue;
        rule = "focuses.verb-object";
        const verbStart = sentence.start + v.index;
        subject = nearestSubject(ctx, inSentence, sentence.start, verbStart);
        if (v[2]) {
          const tail = ctx.re.focusIndustryTail.exec(after)?.[0] ?? "";
          const text = ctx.text.slice(verbStart, list[list.length - 1]!.end) + tail;
          metrics.push({ text: text.replace(/\s+/g, ""), q: findQuantities(v[2])[0] ?? null });
        }
      }
      if (!subject) continue;
      for (const s of after.matchAll(scale)) {
        metrics.push({ text: s[0].replace(/\s+/g, ""), q: findQuantities(s[1]!)[0] ?? null });
      }
      const props = metricProps(metrics);
      for (const ind of list) out.push(relation("FOCUSES_ON", subject, ind, sentence, rule, props));
      // 聚焦A、B等十大产业集群，C、D等十大…: a second list continues the first
      let tail = list[list.length - 1]!;
      for (;;) {
        const cont =
          /^(?:、[^，。；、]{1,8}){0,6}\s*等?[^，。；]{0,15}?(?:产业集群|集群|产业|领域)[，,、]\s*/u.exec(
            ctx.text.slice(tail.end, sentence.end),
          );
        const next =
          cont &&
          inSentence.find((m) => m.start === tail.end + cont[0].length && hasLabel(m, r.industryLabels));
        if (!next) break;
        const more = listStartingWith(ctx, next, r.industryLabels, sentence.end);
        more.forEach((m) => seen.add(m));
        for (const ind of more) out.push(relation("FOCUSES_ON", subject, ind, sentence, rule));
        tail = more[more.length - 1]!;
      }
    }
  }
  return [...out, ...placeLead(ctx), ...byName(ctx)];
}

/** 在东莞市滨海湾新区，智能终端产业发展如火如荼 */
function placeLead(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.focuses;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    const lead = /^\s*在/u.exec(ctx.text.slice(sentence.start, sentence.end));
    if (!lead) continue;
    const place = mentionStartingAt(ctx, sentence.start + lead[0].length, ["Zone", "Region"], sentence.end);
    if (!place) continue;
    const comma = /^\s*[，,]\s*/u.exec(ctx.text.slice(place.end, sentence.end));
    if (!comma) continue;
    const industry = mentionStartingAt(ctx, place.end + comma[0].length, r.industryLabels, sentence.end);
    if (!industry || !/^(?:产业|行业)/u.test(ctx.text.slice(industry.end, industry.end + 2))) continue;
    out.push(relation("FOCUSES_ON", place, industry, sentence, "focuses.place-lead"));
  }
  return out;
}

/** 国家高新区人工智能产业协同创新网络 → 人工智能, when the article names 人工智能 as an industry. */
function byName(ctx: RelateContext): RelationMention[] {
  const out: RelationMention[] = [];
  const industries = new Map<string, EntityMention>();
  for (const m of ctx.mentions)
    if (m.label === "Industry" && m.surface.length >= 2) industries.set(m.surface, m);
  const done = new Set<string>();
  for (const m of ctx.mentions) {
    if ((m.label !== "Program" && m.label !== "Policy") || done.has(m.name)) continue;
    const sentence = sentenceAt(ctx, m.start);
    if (!sentence) continue;
    done.add(m.name);
    for (const [surface, industry] of industries) {
      if (m.name.includes(`${surface}产业`) || m.name.includes(`${surface}行业`))
        out.push(relation("FOCUSES_ON", m, industry, sentence, "focuses.name-contains"));
    }
  }
  return out;
}

/** The last possible subject before pos in the sentence, not across a 。 or ；. */
function nearestSubject(
  ctx: RelateContext,
  inSentence: EntityMention[],
  from: number,
  pos: number,
): EntityMention | undefined {
  const labels = ctx.rules.focuses.subjectLabels;
  const candidates = inSentence.filter((m) => m.end <= pos && m.start >= from && hasLabel(m, labels));
  const last = candidates[candidates.length - 1];
  if (!last || /[。；;]/.test(ctx.text.slice(last.end, pos))) return undefined;
  return last;
}

function metricProps(metrics: { text: string; q: Quantity | null }[]): Properties {
  if (metrics.length === 0) return {};
  const p: Properties = { metric: metrics.map((m) => m.text).join("；") };
  const first = metrics.find((m) => m.q)?.q;
  if (first) {
    p.metricValue = first.value;
    p.metricUnit = first.unit;
  }
  if (metrics.length > 1) {
    p.metricValues = metrics.map((m) => m.q?.value ?? null);
    p.metricUnits = metrics.map((m) => m.q?.unit ?? null);
  }
  return p;
}
