// ANNOUNCED (a body launches, sets up or unveils a named programme, event or
// policy) and MEMBER_OF (co-founders and joiners of a network or programme).
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import {
  findWords,
  hasLabel,
  isFiller,
  listEndingWith,
  listStartingWith,
  mentionEndingAt,
  mentionsIn,
  mentionStartingAt,
  relation,
} from "./context.js";
import { subjectsBefore } from "./subject.js";
import { eventDate } from "./timing.js";

export function announced(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.announced;
  const triggerAtEnd = ctx.re.announcedAtEnd;
  const jointBefore = ctx.re.announcedJointBefore;
  const documentVerbs = new Set(ctx.rules.issued.triggers);
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    for (const target of mentionsIn(ctx, sentence).filter((m) => hasLabel(m, r.targetLabels))) {
      let left = target.start;
      while (left > sentence.start && /[\s《“「]/.test(ctx.text[left - 1]!)) left--;
      const before = ctx.text.slice(sentence.start, left);
      if (jointBefore.test(before)) continue; // co-founding: see members()
      const m = triggerAtEnd.exec(before);
      if (m) {
        if (target.label === "Policy" && documentVerbs.has(m[1]!)) continue; // that is ISSUED
        const at = sentence.start + m.index;
        const subjects = subjectsBefore(ctx, sentence, at, r.subjectLabels, true);
        const date = eventDate(ctx, sentence, at);
        for (const s of subjects)
          out.push(relation("ANNOUNCED", s, target, sentence, "announced.verb-object", date));
        continue;
      }
      out.push(...passive(ctx, sentence, target));
    }
  }
  return [...out, ...members(ctx)];
}

/** “…”专项由工业和信息化部会同…自2021年起实施 */
function passive(ctx: RelateContext, sentence: Span, target: EntityMention): RelationMention[] {
  const r = ctx.rules.announced;
  const rest = ctx.text.slice(target.end, sentence.end);
  const by = /^[\s》”」]*由/u.exec(rest);
  if (!by) return [];
  const first = mentionStartingAt(ctx, target.end + by[0].length, r.subjectLabels, sentence.end);
  if (!first) return [];
  const list = listStartingWith(ctx, first, r.subjectLabels, sentence.end);
  const after = ctx.text.slice(list[list.length - 1]!.end, sentence.end);
  const trig = ctx.re.announcedPassive.exec(after);
  if (!trig) return [];
  // what stands between may name further partners (会同证券交易所和各类投资机构) but no other verb
  const between = trig[1]!.replace(/^(?:会同|联合|和|与|及)[^，。]{0,20}?(?=自|于|在|从|共同|联合|$)/u, "");
  if (!isFiller(ctx, between)) return [];
  const date = eventDate(ctx, sentence, target.start);
  return list.map((s) => relation("ANNOUNCED", s, target, sentence, "announced.passive-you", date));
}

/** X联合Y、Z…等N家…，共同成立 P; X加入 P; X成为 P 成员单位 */
function members(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.announced;
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    for (const t of findWords(ctx, sentence, r.jointTriggers)) {
      const program =
        mentionStartingAt(ctx, t.end, r.programLabels, sentence.end) ??
        programByHead(ctx, t.end, sentence.end);
      if (!program) continue;
      const e = beforeEtc(ctx, sentence, t.start);
      const last = mentionEndingAt(ctx, e, r.memberLabels, sentence.start);
      if (!last) continue;
      const list = withInitiator(ctx, listEndingWith(ctx, last, r.memberLabels, sentence.start), sentence);
      const date = eventDate(ctx, sentence, t.start);
      for (const m of list) {
        out.push(relation("MEMBER_OF", m, program, sentence, "member.jointly-founded", date));
        out.push(relation("ANNOUNCED", m, program, sentence, "announced.jointly-founded", date));
      }
    }
    for (const t of findWords(ctx, sentence, r.joinTriggers)) {
      const program = mentionStartingAt(ctx, t.end, r.programLabels, sentence.end);
      if (!program) continue;
      if (t.word.endsWith("成为")) {
        const tail = ctx.text.slice(program.end, program.end + 8);
        if (!r.memberNouns.some((n) => tail.replace(/^的/, "").startsWith(n))) continue;
      }
      const date = eventDate(ctx, sentence, t.start);
      for (const m of subjectsBefore(ctx, sentence, beforeEtc(ctx, sentence, t.start), r.memberLabels))
        out.push(relation("MEMBER_OF", m, program, sentence, "member.joined", date));
    }
  }
  return out;
}

/** Where a list of bodies ends before its 等N家企业 / 等园区 tail (and a comma). */
function beforeEtc(ctx: RelateContext, sentence: Span, pos: number): number {
  const head = ctx.text.slice(sentence.start, pos);
  const etc = /(?:\s*等\s*[\d一二两三四五六七八九十]*\s*[家个所名]?[^，,、。]{0,12})?[\s，,]*$/u.exec(head);
  return etc ? pos - etc[0].length : pos;
}

/**
 * The body that leads the founders stands before the list, parted from it by its own
 * short-name bracket or by 牵头 (X（以下简称“Y”）联合A、B… / X牵头，联合A、B…).
 */
const INITIATOR_GAP =
  /^\s*(?:[（(](?:以下)?简称[^（）()]{0,20}[）)])?\s*(?:牵头[，,]?\s*)?(?:联合|会同|携手|与|和)\s*$/u;

function withInitiator(ctx: RelateContext, list: EntityMention[], sentence: Span): EntityMention[] {
  const first = list[0]!;
  const i = (ctx.index.get(first) ?? 0) - 1;
  const prev = i >= 0 ? ctx.mentions[i] : undefined;
  if (!prev || prev.start < sentence.start || !hasLabel(prev, ctx.rules.announced.memberLabels)) return list;
  const gap = ctx.text.slice(prev.end, first.start);
  // X（以下简称“Y”）联合…: the mention just before the list is the short name inside the bracket.
  const aliasGap = /^\s*[”」"]?\s*[）)]/u.exec(gap);
  if (aliasGap && /[（(](?:以下)?简称\s*[“「"]?\s*$/u.test(ctx.text.slice(sentence.start, prev.start))) {
    if (!INITIATOR_GAP.test(gap.slice(aliasGap[0].length))) return list;
  } else if (!INITIATOR_GAP.test(gap)) return list;
  return [...listEndingWith(ctx, prev, ctx.rules.announced.memberLabels, sentence.start), ...list];
}

/**
 * The object of a co-founding verb that the recogniser left unnamed but that ends in
 * a programme head word (共同启动国家高新区纳米新材料产业协同创新网络建设) is a Program.
 */
function programByHead(ctx: RelateContext, from: number, end: number): EntityMention | undefined {
  const m = ctx.re.programHead.exec(ctx.text.slice(from, end));
  if (!m) return undefined;
  const start = from;
  const stop = from + m[0].length;
  if (ctx.mentions.some((x) => x.start < stop && start < x.end && x.label !== "Industry")) return undefined;
  return { label: "Program", name: m[0], surface: m[0], start, end: stop, rule: "member.jointly-founded" };
}
