// The verb-led English relation families: ISSUED ("A and B jointly issued P",
// "P, released by A"), ANNOUNCED and joint founding (MEMBER_OF), joining a
// programme, VISITED, FOCUSES_ON, LOCATED_IN and PART_OF. Subjects are the list
// of names right before the verb (chainBefore); objects are the names after it
// in the same clause.
import type { NodeLabel } from "../../types.js";
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { EnContext } from "./context.js";
import {
  anaphor,
  chainAfter,
  chainBefore,
  clauseEnd,
  clauseStart,
  findVerbs,
  hasLabel,
  relation,
  within,
} from "./context.js";
import type { EnglishRelationRules } from "./data.js";
import { gazetteerMentions, lookupEnglish, tableMention } from "./gazetteer.js";
import { phrases } from "./data.js";

const ISSUERS: NodeLabel[] = ["Agency", "Region", "Organization", "Enterprise"];
const ACTORS: NodeLabel[] = ["Agency", "Person", "Enterprise", "Organization", "Zone"];
const MEMBERS: NodeLabel[] = ["Zone", "Enterprise", "Organization", "Agency"];
const PLACES: NodeLabel[] = ["Enterprise", "Organization", "Zone", "Region"];
const FOCUSERS: NodeLabel[] = ["Zone", "Region", "Enterprise", "Organization", "Policy", "Program"];

type Family = (ctx: EnContext, s: Span, r: EnglishRelationRules) => RelationMention[];

const objectsAfter = (ctx: EnContext, s: Span, from: number, labels: NodeLabel[]) =>
  within(ctx, { start: from, end: clauseEnd(ctx, s, from) }).filter((m) => hasLabel(m, labels));

const issued: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  for (const v of findVerbs(ctx, s, r.issued.verbs)) {
    if (/^\s+by\b/i.test(ctx.text.slice(v.end, v.end + 4))) {
      const byAt = ctx.text.indexOf("by", v.end) + 2;
      const issuers = chainAfter(ctx, s, byAt, ISSUERS, /^\s+(?:the\s+)?$/i);
      const docs = within(ctx, { start: s.start, end: v.start }).filter((m) =>
        hasLabel(m, ["Policy", "Report"]),
      );
      const doc = docs[docs.length - 1];
      if (doc) for (const i of issuers) out.push(relation("ISSUED", i, doc, s, r.issued.rules.passive));
      continue;
    }
    let issuers = chainBefore(ctx, s, v.start, ISSUERS);
    if (issuers.some((m) => m.label !== "Region")) issuers = issuers.filter((m) => m.label !== "Region");
    for (const doc of objectsAfter(ctx, s, v.end, ["Policy", "Report"]))
      for (const i of issuers) out.push(relation("ISSUED", i, doc, s, r.issued.rules.active));
  }
  return out;
};

const announced: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  const joint = new RegExp(`\\b(?:${phrases(r.announced.jointly)})\\b`, "i");
  for (const v of findVerbs(ctx, s, r.announced.verbs)) {
    const targets = objectsAfter(ctx, s, v.end, ["Program", "Event"]).slice(0, 3);
    if (!targets.length) continue;
    const subjects = chainBefore(ctx, s, v.start, ACTORS);
    if (!subjects.length) continue;
    const between = ctx.text.slice(subjects[0]!.end, v.end);
    const together = /\b(?:together with|along with|joined hands with|in conjunction with)\b/i.test(between);
    const jointly = subjects.length > 1 && (joint.test(between) || together);
    for (const t of targets) {
      if (!jointly) {
        for (const sub of subjects) out.push(relation("ANNOUNCED", sub, t, s, r.announced.rules.single));
        continue;
      }
      if (together) out.push(relation("ANNOUNCED", subjects[0]!, t, s, r.announced.rules.initiator));
      if (t.label === "Program")
        for (const sub of subjects)
          if (hasLabel(sub, MEMBERS)) out.push(relation("MEMBER_OF", sub, t, s, r.announced.rules.joint));
    }
  }
  return out;
};

const member: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  for (const v of findVerbs(ctx, s, r.member.verbs)) {
    const subjects = chainBefore(ctx, s, v.start, MEMBERS);
    const target = objectsAfter(ctx, s, v.end, ["Program"])[0];
    if (target)
      for (const sub of subjects) out.push(relation("MEMBER_OF", sub, target, s, r.member.rules.joined));
  }
  for (const v of findVerbs(ctx, s, r.member.include)) {
    const lead = ctx.text.slice(s.start, v.start);
    if (!/\bmembers?\b/i.test(lead)) continue;
    const programs = within(ctx, { start: s.start, end: v.start }).filter((m) => m.label === "Program");
    const target = programs[programs.length - 1] ?? anaphor(ctx, v.start, ["Program"]);
    if (!target) continue;
    for (const m of chainAfter(ctx, s, v.end, MEMBERS, /^\s*:?\s*(?:the\s+)?$/i))
      out.push(relation("MEMBER_OF", m, target, s, r.member.rules.include));
  }
  return out;
};

const visited: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  for (const v of findVerbs(ctx, s, r.visited.verbs)) {
    let persons = chainBefore(ctx, s, v.start, ["Person"]);
    // "During his inspection of X, Li Qiang …": the visitor follows the phrase.
    if (
      !persons.length &&
      /\b(?:during|while|when)\s+(?:an?\s+|his\s+|her\s+|the\s+)?(?:\w+\s+)?$/i.test(
        ctx.text.slice(s.start, v.start),
      )
    ) {
      const comma = ctx.text.indexOf(",", v.end);
      const who =
        comma >= 0 && comma < s.end
          ? within(ctx, { start: comma, end: s.end }).find((m) => m.label === "Person")
          : undefined;
      if (who) persons = [who];
    }
    for (const p of persons)
      for (const t of objectsAfter(ctx, s, v.end, PLACES))
        out.push(relation("VISITED", p, t, s, r.visited.rules.verb));
  }
  return out;
};

const located: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  const ms = within(ctx, s);
  const link = new RegExp(
    `^\\s*,?\\s*(?:which is\\s+|is\\s+|are\\s+|both\\s+)?(?:${phrases(r.located.links.filter((l) => l !== "in"))})\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,3}(?:of\\s+)?$`,
    "i",
  );
  ms.forEach((a, i) => {
    const b = ms[i + 1];
    if (!b) return;
    const gap = ctx.text.slice(a.end, b.start);
    if (
      hasLabel(a, ["Zone", "Enterprise", "Organization", "Agency"]) &&
      hasLabel(b, ["Region", "Zone"]) &&
      link.test(gap)
    )
      out.push(relation("LOCATED_IN", a, b, s, r.located.rules.link));
    else if (
      hasLabel(a, ["Zone", "Enterprise", "Organization"]) &&
      hasLabel(b, ["Region", "Zone"]) &&
      /^\s+in\s+(?:the\s+)?$/i.test(gap)
    )
      out.push(relation("LOCATED_IN", a, b, s, r.located.rules.link));
    else if (
      a.label === "Region" &&
      hasLabel(b, ["Enterprise", "Organization", "Zone"]) &&
      /^-based\s+(?:the\s+)?$/.test(gap)
    )
      out.push(relation("LOCATED_IN", b, a, s, r.located.rules.based));
    else if (
      a.label === "Region" &&
      a.name !== "中国" &&
      hasLabel(b, ["Zone", "Enterprise", "Organization"]) &&
      /^['’]s\s+$/.test(gap)
    )
      out.push(relation("LOCATED_IN", b, a, s, r.located.rules.possessive));
  });
  // "The zone hosts 300 companies, including A and B": A and B are in the zone.
  for (const v of findVerbs(ctx, s, r.located.hosts)) {
    const host = chainBefore(ctx, s, v.start, ["Zone", "Region"])[0];
    if (!host) continue;
    const end = clauseEnd(ctx, s, v.end);
    const intro = /\b(?:including|such as|among them|like)\s+(?:the\s+)?/i.exec(ctx.text.slice(v.end, end));
    if (!intro) continue;
    const from = v.end + intro.index + intro[0].length;
    for (const m of chainAfter(ctx, s, from, ["Enterprise", "Organization"]))
      out.push(relation("LOCATED_IN", m, host, s, r.located.rules.hosts));
  }
  return out;
};

const focuses: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  for (const v of findVerbs(ctx, s, r.focuses.verbs)) {
    const industries = objectsAfter(ctx, s, v.end, ["Industry"]);
    if (!industries.length) continue;
    let sources = chainBefore(ctx, s, v.start, FOCUSERS);
    if (!sources.length) {
      const it = anaphor(ctx, v.start, FOCUSERS);
      if (it) sources = [it];
    }
    if (!sources.length) {
      const first = within(ctx, { start: clauseStart(ctx, s, v.start), end: v.start })[0];
      if (first && hasLabel(first, FOCUSERS)) sources = [first];
    }
    for (const src of sources)
      for (const ind of industries) out.push(relation("FOCUSES_ON", src, ind, s, r.focuses.rules.verb));
  }
  const nouns = phrases(r.focuses.industryNouns);
  const ms = within(ctx, s);
  ms.forEach((a, i) => {
    const b = ms[i + 1];
    if (!b) return;
    const gap = ctx.text.slice(a.end, b.start);
    // "Wuhan's optoelectronics industry"
    if (
      hasLabel(a, ["Zone", "Region"]) &&
      b.label === "Industry" &&
      /^['’]s\s+(?:\w+\s+)?$/.test(gap) &&
      new RegExp(`^\\s+(?:${nouns})\\b`, "i").test(ctx.text.slice(b.end, b.end + 20))
    )
      out.push(relation("FOCUSES_ON", a, b, s, r.focuses.rules.possessive));
    // "the AI industry in the East Lake zone"
    if (
      a.label === "Industry" &&
      hasLabel(b, ["Zone", "Region"]) &&
      new RegExp(`^\\s+(?:${nouns})\\s+in\\s+(?:the\\s+)?$`, "i").test(gap) &&
      b.name !== "中国"
    )
      out.push(relation("FOCUSES_ON", b, a, s, r.focuses.rules.in));
  });
  // "Action Plan for the Integrated Circuit Industry": a document or programme named for an industry.
  for (const doc of ms.filter((m) => hasLabel(m, ["Policy", "Program"]))) {
    for (const ind of gazetteerMentions(doc.surface)) {
      if (ind.label !== "Industry" || !/^\s+Industr(?:y|ies)\b/i.test(doc.surface.slice(ind.end))) continue;
      const target = { ...ind, start: doc.start + ind.start, end: doc.start + ind.end };
      out.push(relation("FOCUSES_ON", doc, target, s, r.focuses.rules.named));
    }
  }
  return out;
};

/** "MIIT's Department of Planning", "the Department of Planning of the MIIT". */
const partOf: Family = (ctx, s, r) => {
  const out: RelationMention[] = [];
  const ms = within(ctx, s);
  ms.forEach((a, i) => {
    if (a.label !== "Agency") return;
    const b = ms[i + 1];
    if (
      b &&
      b.label === "Agency" &&
      /^['’]s\s+$/.test(ctx.text.slice(a.end, b.start)) &&
      /^(?:Department|Bureau|Office|Division|Center|Centre)\b/.test(b.surface)
    )
      out.push(relation("PART_OF", b, a, s, r.partOf.rules.possessive));
    if (!/\b(?:Department|Bureau|Office|Division|Center|Centre)\b.*\bof\b/.test(a.surface)) return;
    // The parent is the first "of …" complement that names a known agency.
    const ofs = /\bof\s+(?:the\s+)?/g;
    for (let of = ofs.exec(a.surface); of; of = ofs.exec(a.surface)) {
      const rest = a.surface.slice(of.index + of[0].length);
      const entry = lookupEnglish(rest);
      if (entry?.label !== "Agency" || entry.zh === a.name) continue;
      const start = a.start + of.index + of[0].length;
      out.push(relation("PART_OF", a, tableMention(entry, ctx.text, start, a.end), s, r.partOf.rules.of));
      break;
    }
  });
  return out;
};

export const FAMILIES: Family[] = [issued, announced, member, visited, located, focuses, partOf];
export type { EntityMention };
