// Open classes found by their head word (有限公司, 高新区, 研究院, 大会, 产业 …):
// the head is matched by the automaton, the start of the name by the left-boundary
// walk of boundary.ts, and the rule's anchor decides what the name must start with.
import { scan } from "../rules/scan.js";
import type { CompiledRules, SuffixKey } from "../rules/compile.js";
import { memoByRulesAndGroup } from "../rules/memo.js";
import type { SuffixRule, SubunitRule } from "../rules/schema.js";
import type { Hit } from "../rules/aho-corasick.js";
import { leftTokens, clauseStart } from "./boundary.js";
import type { ClauseTokens } from "./boundary.js";
import type { Token } from "./boundary.js";
import type { Candidate } from "./candidate.js";
import { isHan } from "./candidate.js";

const NATIONAL = /^(国家|全国|中国|中华|国际|世界|全球|亚洲|亚太|东亚|中央)/;
/** Names of national programmes and networks start with the state or a place, not with 全球/国际. */
const STATE = /^(国家|全国|中国|中华|中央)/;
/** Tags of the words an industry name is made of (nouns, nominal verbs, foreign words). */
const NOMINAL = new Set(["n", "nz", "ng", "vn", "eng", "nrt", "l", "j"]);
const ORDINAL = /第[0-9一二三四五六七八九十百零]+[届次期]|(?:19|20)\d\d/;
const PARTIAL_REGION = /^(省|市|区|县|州|自治区)$/;
/** One-character function words that may stand right before 省/市 of a partial name (由省发展改革委会同市统计局). */
const PARTIAL_OPENER = /^[由经在和与及对向据同将请受从给并或跟]$/;

/** Keeps, per end offset and label, only the longest head word (经济技术开发区, not 开发区). */
function longestHeads(hits: Hit<SuffixKey>[]): Hit<SuffixKey>[] {
  // Hits come in order of their end offset: per end, the longest head of each rule.
  const kept: Hit<SuffixKey>[] = [];
  for (let i = 0; i < hits.length;) {
    const end = hits[i]!.end;
    const group = kept.length;
    for (; i < hits.length && hits[i]!.end === end; i++) {
      const h = hits[i]!;
      let same = -1;
      for (let k = group; k < kept.length && same < 0; k++)
        if (kept[k]!.value.rule.id === h.value.rule.id) same = k;
      if (same < 0) kept.push(h);
      else if (h.start < kept[same]!.start) kept[same] = h;
    }
  }
  // A head inside a longer head of the same label is not a head (工业园 in 工业园区).
  const out: Hit<SuffixKey>[] = [];
  for (let a = 0, first = 0; a < kept.length; a++) {
    const h = kept[a]!;
    if (kept[first]!.end !== h.end) first = a;
    let inside = false;
    for (let k = first; k < kept.length && kept[k]!.end <= h.end + MAX_HEAD && !inside; k++) {
      const o = kept[k]!;
      inside =
        o !== h &&
        o.value.rule.label === h.value.rule.label &&
        o.start <= h.start &&
        o.end - o.start > h.end - h.start;
    }
    if (!inside) out.push(h);
  }
  return out;
}
const MAX_HEAD = 10;
/** （简称X）, （以下简称X） right after the head (sticky: matched at lastIndex, no slice per head). */
const ANNOUNCED = /[（(](以下)?简称/y;

export interface SuffixContext {
  /** Ends of region names (for the `region` anchor), start offset by end. */
  regionEnds: Map<number, number>;
  /** Ends of zone names (for the `zone` anchor). */
  zoneEnds: Map<number, number>;
  /** Ends of agency gazetteer names (for sub-units). */
  agencyEnds: Map<number, { start: number; name: string }>;
  /** Region starts (for the `national` and `named` anchors). */
  regionStarts: Set<number>;
  /** Offsets where a person's name ends. */
  blocked: Set<number>;
}

/**
 * Where the left walk of a company name starts: before a place in brackets right before the
 * legal form (信达生物制药(苏州)有限公司, …科技（合肥）股份有限公司), else at the head itself.
 */
function placeInBrackets(text: string, hit: Hit<SuffixKey>, rule: SuffixRule, ctx: SuffixContext): number {
  if (rule.label !== "Enterprise") return hit.start;
  const close = text[hit.start - 1];
  if (close !== "）" && close !== ")") return hit.start;
  const open =
    hit.start -
    2 -
    (ctx.regionEnds.has(hit.start - 1) ? hit.start - 1 - ctx.regionEnds.get(hit.start - 1)! : 0);
  return text[open] === "（" || text[open] === "(" ? open : hit.start;
}

function startAtAnchor(rule: SuffixRule, taken: Token[], ctx: SuffixContext): number | null {
  // taken: nearest token first. The name starts at the farthest acceptable anchor.
  // `state`: the name opens with the state and nothing before it belongs to it
  // (合肥综合性国家科学中心 is no national body's name).
  if (rule.anchor === "state") {
    const last = taken[taken.length - 1];
    return last && STATE.test(last.word) ? last.start : null;
  }
  let start: number | null = null;
  for (const t of taken) {
    const anchored =
      (rule.anchor === "national" ? STATE : NATIONAL).test(t.word) ||
      ctx.regionStarts.has(t.start) ||
      t.tag === "ns" ||
      (rule.anchor === "named" && /^(nt|nrt|eng)$/.test(t.tag));
    if (anchored) start = t.start;
  }
  return start;
}

function regionChainStart(end: number, ctx: SuffixContext): number | null {
  let start: number | null = null;
  for (let at = end, s = ctx.regionEnds.get(at); s !== undefined; at = s, s = ctx.regionEnds.get(at))
    start = s;
  return start;
}

export function suffixCandidates(words: ClauseTokens, rules: CompiledRules, ctx: SuffixContext): Candidate[] {
  const text = words.text;
  const out: Candidate[] = [];
  for (const hit of longestHeads(scan(text, rules).suffixes)) {
    const { rule, suffix } = hit.value;
    const cand =
      rule.kind === "subunit" ? subunit(text, hit, rule, ctx) : named(words, hit, rule, rules, ctx);
    if (cand && !rules.classWords.has(cand.surface) && !rules.classWords.has(cand.name)) out.push(cand);
    void suffix;
  }
  return out;
}

function named(
  words: ClauseTokens,
  hit: Hit<SuffixKey>,
  rule: SuffixRule,
  rules: CompiledRules,
  ctx: SuffixContext,
): Candidate | null {
  const text = words.text;
  const { suffix } = hit.value;
  const limit = Math.max(0, hit.end - rule.maxLength);
  let start: number | null;
  let partial: string | undefined;
  if (rule.anchor === "region") {
    start = regionChainStart(hit.start, ctx);
    if (start === null) {
      // 省工业和信息化厅: a partial name, completed from the article by the resolver.
      const prev = text[hit.start - 1] ?? "";
      const before = text[hit.start - 2] ?? "";
      if (PARTIAL_REGION.test(prev) && (!isHan(before) || PARTIAL_OPENER.test(before)) && rule.minCore <= 1) {
        start = hit.start - 1;
        partial = prev;
      } else return null;
    }
  } else if (rule.anchor === "after-region") {
    // The name starts right where a region's name ends (宜春市|袁州区).
    start = null;
    for (let at = hit.start - rule.minCore; at >= Math.max(0, hit.start - rule.maxLength + 1); at--) {
      if (!ctx.regionEnds.has(at)) continue;
      const middle = text.slice(at, hit.start);
      if (
        [...middle].every((c) => isHan(c)) &&
        !rules.stopWords.has(middle) &&
        ![...middle].some((c) => rules.stopWords.has(c))
      )
        start = at;
      break;
    }
    if (start === null) return null;
  } else if (rule.anchor === "zone") {
    start = ctx.zoneEnds.get(hit.start) ?? null;
    if (start === null) return null;
  } else {
    // A name announced by （简称X） may run through 与/和 (…技术创新与临床转化医学中心（简称TMC）).
    ANNOUNCED.lastIndex = hit.end;
    const announced = ANNOUNCED.test(text);
    const walkFrom = placeInBrackets(text, hit, rule, ctx);
    const taken = leftTokens(words, walkFrom, rules, {
      label: rule.label,
      limit,
      allowDigits: rule.anchor === "event",
      blocked: ctx.blocked,
    });
    if (announced && taken.length > 0) {
      const from = clauseStart(text, hit.start, limit);
      const last = taken[taken.length - 1]!;
      if (from < last.start && /^[与和及]/.test(text.slice(last.start - 1, last.start))) {
        const more = leftTokens(words, last.start - 1, rules, {
          label: rule.label,
          limit,
          allowDigits: false,
          blocked: ctx.blocked,
        });
        taken.push(
          { word: text[last.start - 1]!, tag: "c", start: last.start - 1, end: last.start },
          ...more,
        );
      }
    }
    // A name that has become a class word (国家高新区) stops there: whatever is further left is not part of it.
    // …unless a proper name precedes it (粤港澳大湾区国家技术创新中心).
    const classAt = taken.findIndex((t) => rules.classWords.has(text.slice(t.start, hit.end)));
    if (classAt >= 0) {
      const next = taken[classAt + 1];
      if (
        !next ||
        !(ctx.regionStarts.has(next.start) || ctx.regionEnds.has(next.end) || /^(ns|nt|nrt)$/.test(next.tag))
      )
        return null;
    }
    if (rule.label === "Industry") {
      const nominal = taken.findIndex(
        (t) => !NOMINAL.has(t.tag) || ctx.regionStarts.has(t.start) || NATIONAL.test(t.word),
      );
      if (nominal >= 0) taken.length = nominal;
    }
    if (taken.length === 0) return null;
    // 该公司（合肥）有限公司: what stands before the bracket must be a name, not a class word.
    if (walkFrom < hit.start && rules.classWords.has(text.slice(taken[taken.length - 1]!.start, walkFrom)))
      return null;
    // 听取公司: a bare verb or adjective before 公司 is no company name.
    if (rule.label === "Enterprise" && taken.every((t) => /^(v|a|ad|an|d)$/.test(t.tag))) return null;
    if (rule.anchor === "national" || rule.anchor === "named" || rule.anchor === "state")
      start = startAtAnchor(rule, taken, ctx);
    else start = taken[taken.length - 1]!.start;
    if (start === null) return null;
    if (rule.anchor === "event") {
      const body = text.slice(start, hit.start);
      const proper = taken.some(
        (t) =>
          t.start >= start! &&
          (NATIONAL.test(t.word) || /^(ns|nz|nt|eng)$/.test(t.tag) || ctx.regionStarts.has(t.start)),
      );
      if (!ORDINAL.test(body) && !proper) return null;
    }
  }
  // A stripped head may follow another one (光电子信息产业领域): the name drops them all.
  let coreEnd = hit.start;
  for (let more = rule.strip; more;) {
    const head = stripHeads(rule).find(
      (h) => coreEnd - h.length - start >= rule.minCore && text.startsWith(h, coreEnd - h.length),
    );
    if (head) coreEnd -= head.length;
    else more = false;
  }
  const core = text.slice(start, coreEnd);
  if (!partial && core.length < rule.minCore) return null;
  if (hit.end - start > rule.maxLength) return null;
  if (rules.classWords.has(core) || /^[0-9]+$/.test(core)) return null;
  const surface = text.slice(start, hit.end);
  if (/\s/.test(surface) && rule.label !== "Event") return null;
  const expanded = rule.expand[suffix];
  let name = (rule.strip ? core : expanded ? core + expanded : surface).replace(/\s+/g, "");
  name = canonical(name, rule.label, rules);
  const aliases = name !== surface && !rule.strip ? [surface] : undefined;
  const cand: Candidate = {
    label: rule.label,
    name,
    surface: rule.strip ? core : surface,
    start,
    end: rule.strip ? coreEnd : hit.end,
    rule: rule.id,
    priority: 2,
    tier: 1,
  };
  if (aliases) cand.aliases = aliases;
  if (partial) cand.properties = { partial };
  return cand;
}

const stripped = new WeakMap<SuffixRule, string[]>();
/** The head words a stripping rule drops, longest first. */
function stripHeads(rule: SuffixRule): string[] {
  let heads = stripped.get(rule);
  if (!heads) {
    heads = [...rule.suffixes].sort((a, b) => b.length - a.length);
    stripped.set(rule, heads);
  }
  return heads;
}

function subunit(text: string, hit: Hit<SuffixKey>, rule: SubunitRule, ctx: SuffixContext): Candidate | null {
  // The parent ends 1..maxLength characters before the head; the middle is a short Han name.
  for (let at = hit.start - rule.minCore; at >= Math.max(0, hit.start - rule.maxLength); at--) {
    const parent = ctx.agencyEnds.get(at);
    if (!parent) continue;
    const middle = text.slice(at, hit.start);
    if (![...middle].every((c) => isHan(c))) return null;
    // 司长/局长/处长 are titles, not departments.
    if (/^[长]/.test(text[hit.end] ?? "")) return null;
    if (/[的和与及在是将等]/.test(middle)) return null;
    const surface = text.slice(parent.start, hit.end);
    return {
      label: rule.label,
      name: parent.name + text.slice(at, hit.end),
      surface,
      start: parent.start,
      end: hit.end,
      rule: rule.id,
      priority: 2,
      tier: 1,
      properties: { parent: parent.name },
    };
  }
  return null;
}

/** The lexicon's canonical name when a pattern found a known alias (百度公司 → 百度…有限公司). */
export function canonical(name: string, label: string, rules: CompiledRules): string {
  return canonicalByLabel(label, name, rules);
}

const canonicalByLabel = memoByRulesAndGroup((label: string, name: string, rules: CompiledRules): string => {
  const entries = rules.byName.get(name.normalize("NFKC").replace(/\s/g, "").toLowerCase());
  return entries?.find((e) => e.label === label)?.canonical ?? name;
});
