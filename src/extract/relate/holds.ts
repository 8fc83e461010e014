// HOLDS_POSITION from the title chains printed before a person's name:
//   中共中央政治局常委、国务院总理李强
//   国家统计局新闻发言人、总经济师、国民经济综合统计司司长刘爱华
//   部党组成员、副部长单忠德 (部 = the ministry named earlier in the article)
// The chain is read backwards from the name: each post is a title phrase, either
// headed by a body mention or not; posts are separated by 、. A post without its
// own body belongs to the last body named before it in the chain. All posts a
// person holds in one body are joined into one `title` (新闻发言人、总经济师), so
// the relation stays one per (person, body) as the interchange format wants.
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import { hasLabel, lastMentionBefore, mentionsIn, relation } from "./context.js";

interface Segment {
  org?: EntityMention;
  /** Headed by a mention that cannot hold posts (an Event): the post is skipped, the chain goes on. */
  blocked?: boolean;
  /** Title phrase as printed, prefix included (终端BG董事长). */
  title: string;
  /** Text before the title word when the segment has no body mention (部, 国民经济综合统计司). */
  prefix: string;
  /** The title word(s) proper (司长). */
  word: string;
  start: number;
  end: number;
}

const BREAK = /[\s、，,。；;：:！？!?“”"（）()《》]/u;
const BAD_PREFIX = /[的在是了为对向从将把被等及和与]/u;

/** Posts of the chain ending right before `person`, in text order (empty when none). */
export function parseChain(ctx: RelateContext, sentence: Span, person: EntityMention): Segment[] {
  const { text } = ctx;
  const re = ctx.re.titlePhrase;
  const orgLabels = ctx.rules.holds.orgLabels;
  const segments: Segment[] = [];
  let pos = person.start;
  while (pos > sentence.start) {
    // nearest mention ending at or before pos
    const prevMention = lastMentionBefore(ctx, pos, () => true, sentence.start);
    let breakAt = pos;
    while (breakAt > sentence.start && !BREAK.test(text[breakAt - 1]!)) breakAt--;
    let segStart: number;
    let org: EntityMention | undefined;
    let blocked = false;
    if (prevMention && prevMention.end >= breakAt) {
      if (prevMention.label === "Person") break;
      if (hasLabel(prevMention, orgLabels)) org = prevMention;
      else blocked = true;
      segStart = prevMention.end;
    } else segStart = breakAt;
    const phrase = text.slice(segStart, pos);
    const m = re.exec(phrase);
    if (!m || phrase === "") break;
    const prefix = m[1]!;
    if (!org && BAD_PREFIX.test(prefix) && !(prefix in ctx.rules.holds.shortForms)) break;
    if (org && prefix !== "" && BAD_PREFIX.test(prefix)) break;
    const head = org ?? (blocked ? prevMention : undefined);
    segments.unshift({
      org,
      blocked,
      title: phrase,
      prefix,
      word: m[2]!,
      start: head ? head.start : segStart,
      end: pos,
    });
    let sep = (head ? head.start : segStart) - 1;
    while (sep > sentence.start && /\s/.test(text[sep]!)) sep--;
    if (text[sep] !== "、") break;
    pos = sep;
    while (pos > sentence.start && /\s/.test(text[pos - 1]!)) pos--;
  }
  return segments;
}

/** Where the title chain before `person` starts (person.start when there is none). */
export function chainStart(ctx: RelateContext, sentence: Span, person: EntityMention): number {
  const chain = parseChain(ctx, sentence, person);
  return chain.length > 0 ? chain[0]!.start : person.start;
}

/** Last mention before pos with the label whose name ends with suffix (部 → 工业和信息化部). */
export function resolveShortForm(ctx: RelateContext, form: string, pos: number): EntityMention | undefined {
  const sf = ctx.rules.holds.shortForms[form];
  if (!sf) return undefined;
  return lastMentionBefore(
    ctx,
    pos,
    (m) => m.label === sf.label && m.name.endsWith(sf.suffix) && m.name !== form,
  );
}

function isEnterpriseUnit(ctx: RelateContext, name: string): boolean {
  return ctx.rules.holds.enterpriseSubUnitSuffixes.some((s) => name.endsWith(s));
}

function isSubUnitName(ctx: RelateContext, name: string): boolean {
  return ctx.rules.holds.subUnitSuffixes.some((s) => name.endsWith(s));
}

/** 王猛，中山大学教授 / 王猛（中山大学教授）: the post follows the name, in apposition. */
function appositionPost(
  ctx: RelateContext,
  sentence: Span,
  person: EntityMention,
): RelationMention | undefined {
  const { text } = ctx;
  let p = person.end;
  while (p < sentence.end && /\s/.test(text[p]!)) p++;
  const open = text[p];
  if (open !== "，" && open !== "," && open !== "（" && open !== "(") return undefined;
  const org = ctx.byStart.get(p + 1);
  if (!org || org.end > sentence.end || !hasLabel(org, ctx.rules.holds.orgLabels)) return undefined;
  let end = org.end;
  while (end < sentence.end && !BREAK.test(text[end]!)) end++;
  const close = text[end] ?? "";
  const bracket = open === "（" || open === "(";
  if (bracket ? close !== "）" && close !== ")" : !/^(?:[，,。；;]|)$/.test(close)) return undefined;
  const m = ctx.re.titlePhrase.exec(text.slice(org.end, end));
  if (!m || m[1] !== "") return undefined;
  return relation("HOLDS_POSITION", person, org, sentence, "holds.apposition", { title: m[2]! });
}

/**
 * 刘建伟董事长介绍 — the post printed after the name. It belongs to the body printed right
 * before the name (X公司刘建伟董事长), or to the body the previous clause of the sentence
 * is at (在X公司，刘建伟董事长介绍); with neither, the text does not say whose post it is.
 */
function postAfterName(
  ctx: RelateContext,
  sentence: Span,
  person: EntityMention,
): RelationMention | undefined {
  const { text } = ctx;
  const m = ctx.re.titleAfterName.exec(text.slice(person.end, sentence.end));
  if (!m || m[0] === "同志") return undefined;
  const orgLabels = ctx.rules.holds.orgLabels;
  let org = lastMentionBefore(ctx, person.start, () => true, sentence.start);
  if (org && org.end !== person.start) {
    let p = person.start;
    while (p > sentence.start && /\s/.test(text[p - 1]!)) p--;
    const clauseEnd = p - 1;
    const isAt = /^[，,]$/.test(text[clauseEnd] ?? "") && org.end === clauseEnd;
    let q = org.start;
    while (q > sentence.start && !BREAK.test(text[q - 1]!)) q--;
    if (!isAt || !/^(?:在|走进|来到|位于)?$/u.test(text.slice(q, org.start))) org = undefined;
  }
  if (!org || !hasLabel(org, orgLabels)) return undefined;
  return relation("HOLDS_POSITION", person, org, sentence, "holds.post-after-name", { title: m[0] });
}

export function holdsPositions(ctx: RelateContext): RelationMention[] {
  const out: RelationMention[] = [];
  for (const sentence of ctx.sentences) {
    for (const person of mentionsIn(ctx, sentence)) {
      if (!hasLabel(person, ctx.rules.holds.personLabels)) continue;
      out.push(...relationsOfChain(ctx, sentence, person, parseChain(ctx, sentence, person)));
      const post = appositionPost(ctx, sentence, person) ?? postAfterName(ctx, sentence, person);
      if (post) out.push(post);
    }
  }
  return out;
}

function relationsOfChain(
  ctx: RelateContext,
  sentence: Span,
  person: EntityMention,
  chain: Segment[],
): RelationMention[] {
  const out: RelationMention[] = [];
  const titles = new Map<EntityMention, { titles: string[]; rule: string }>();
  const add = (org: EntityMention, title: string, rule: string) => {
    const entry = titles.get(org) ?? { titles: [], rule };
    if (!entry.titles.includes(title)) entry.titles.push(title);
    if (rule === "holds.short-form") entry.rule = rule;
    titles.set(org, entry);
  };
  let current: EntityMention | undefined;
  for (const seg of chain) {
    if (seg.blocked) {
      current = undefined;
      continue;
    }
    if (seg.org && seg.org.label === "Enterprise" && seg.prefix !== "" && isEnterpriseUnit(ctx, seg.prefix)) {
      current = seg.org;
      out.push(...subUnit(ctx, sentence, seg, current, add));
      continue;
    }
    if (seg.org && seg.org.label === "Agency" && seg.prefix !== "" && isSubUnitName(ctx, seg.prefix)) {
      current = seg.org;
      out.push(...subUnit(ctx, sentence, seg, current, add));
      continue;
    }
    if (seg.org) {
      if (
        current &&
        current.label === "Agency" &&
        seg.org.label === "Agency" &&
        isSubUnitName(ctx, seg.org.name) &&
        !seg.org.name.startsWith(current.name)
      )
        out.push(relation("PART_OF", seg.org, current, sentence, "part-of.title-chain"));
      current = seg.org;
      add(current, seg.title, "holds.title-chain");
      continue;
    }
    const resolved = seg.prefix !== "" ? resolveShortForm(ctx, seg.prefix, seg.start) : undefined;
    if (resolved) {
      current = resolved;
      add(current, seg.word, "holds.short-form");
    } else if (
      current &&
      seg.prefix !== "" &&
      ((current.label === "Agency" && isSubUnitName(ctx, seg.prefix)) ||
        (current.label === "Enterprise" && isEnterpriseUnit(ctx, seg.prefix)))
    ) {
      out.push(...subUnit(ctx, sentence, seg, current, add));
    } else if (current) add(current, seg.title, "holds.title-chain");
  }
  for (const [org, { titles: t, rule }] of titles) {
    out.push(relation("HOLDS_POSITION", person, org, sentence, rule, { title: t.join("、") }));
  }
  return out;
}

/** A sub-unit printed inside a post (国民经济综合统计司司长): its own Agency, PART_OF the body. */
function subUnit(
  ctx: RelateContext,
  sentence: Span,
  seg: Segment,
  parent: EntityMention,
  add: (org: EntityMention, title: string, rule: string) => void,
): RelationMention[] {
  const start = seg.org ? seg.org.end : seg.start;
  // an agency's unit is named after the agency's full name (国家统计局国民经济综合统计司), a
  // company's after the brand the text uses (华为终端BG)
  const parentName = parent.label === "Agency" ? parent.name : parent.surface;
  const unit: EntityMention = {
    label: parent.label,
    name: seg.prefix.startsWith(parentName) ? seg.prefix : `${parentName}${seg.prefix}`,
    surface: ctx.text.slice(start, start + seg.prefix.length),
    start,
    end: start + seg.prefix.length,
    rule: "part-of.title-chain",
  };
  add(unit, seg.word, "holds.title-chain");
  return [relation("PART_OF", unit, parent, sentence, "part-of.title-chain")];
}
