// Entity recognition for one article: lexicons, titles, quoted programmes, persons
// and head-word patterns propose candidates; one non-overlapping layer is selected
// (select.ts) and the resolver turns short and partial names into canonical ones.
import type { Article, EntityMention } from "../types.js";
import { compiledRules } from "../rules/compile.js";
import type { CompiledRules } from "../rules/compile.js";
import { keepScan, scan } from "../rules/scan.js";
import type { Scan } from "../rules/scan.js";
import { resolveMentions } from "../resolve/index.js";
import { ClauseTokens, breaksAt, prefetchClauses } from "./boundary.js";
import type { Candidate } from "./candidate.js";
import { gazetteerCandidates } from "./gazetteer.js";
import { appositionCandidates, personCandidates, repeatedPersons } from "./persons.js";
import { quotedCandidates } from "./quoted.js";
import { selectCandidates } from "./select.js";
import { suffixCandidates } from "./suffix.js";
import type { SuffixContext } from "./suffix.js";
import { bookTitleCandidates } from "./titles.js";

function contextOf(gazetteer: Candidate[], persons: Candidate[]): SuffixContext {
  const ctx: SuffixContext = {
    regionEnds: new Map(),
    zoneEnds: new Map(),
    agencyEnds: new Map(),
    regionStarts: new Set(),
    blocked: new Set([...persons, ...gazetteer.filter((c) => c.label === "Person")].map((p) => p.end)),
  };
  const longer = (m: Map<number, number>, c: Candidate): void => {
    const prev = m.get(c.end);
    if (prev === undefined || c.start < prev) m.set(c.end, c.start);
  };
  for (const c of gazetteer) {
    if (c.label === "Region") {
      longer(ctx.regionEnds, c);
      ctx.regionStarts.add(c.start);
    } else if (c.label === "Zone") longer(ctx.zoneEnds, c);
    else if (c.label === "Agency") {
      const prev = ctx.agencyEnds.get(c.end);
      if (!prev || c.start < prev.start) ctx.agencyEnds.set(c.end, { start: c.start, name: c.name });
    }
  }
  return ctx;
}

/** The mention without the selection's bookkeeping (written out: object rest is slow in V8). */
function strip(c: Candidate): EntityMention {
  const m: EntityMention = {
    label: c.label,
    name: c.name,
    surface: c.surface,
    start: c.start,
    end: c.end,
    rule: c.rule,
  };
  if (c.aliases !== undefined) m.aliases = c.aliases;
  if (c.properties !== undefined) m.properties = c.properties;
  return m;
}

/**
 * Offsets whose clauses the person and head-word rules will segment (see ClauseTokens.prefetch):
 * only those where they can ask for words. A name after a title starts at a Han character (a
 * title followed by a punctuation mark has no name after it); a name before a speech verb, and a
 * name before its head word, ends at one (after a punctuation mark there is no name to walk).
 */
function segmentedAt(text: string, rules: CompiledRules): number[] {
  const hits = scan(text, rules);
  const at: number[] = [];
  for (const h of hits.titles) {
    const gap = text.charCodeAt(h.end) === 0x20 || text.charCodeAt(h.end) === 0x3000;
    const pos = gap ? h.end + 1 : h.end;
    if (pos < text.length && !breaksAt(text, pos)) at.push(pos);
  }
  for (const h of hits.cues) if (h.start > 0 && !breaksAt(text, h.start - 1)) at.push(h.start - 1);
  for (const h of hits.suffixes) {
    const rule = h.value.rule;
    if (rule.kind === "suffix" && WALKS.has(rule.anchor) && h.start > 0 && !breaksAt(text, h.start - 1))
      at.push(h.start - 1);
  }
  return at;
}
/** Anchors whose names are delimited by the segmenter's words (the others by lexicon hits). */
const WALKS = new Set(["free", "national", "state", "named", "event"]);

/** Articles made ready by prepareArticles: their scan and their clauses' words. */
const prepared = new Map<Article, { rules: CompiledRules; scan: Scan; words: ClauseTokens }>();

/**
 * Scans the articles of a page and segments the clauses their rules will ask about in one
 * call to the segmenter (see prefetchClauses), before recogniseEntities takes them one by
 * one. Optional: an article not prepared is scanned and segmented on its own, alike. Only
 * the last call's articles are kept.
 */
export function prepareArticles(articles: readonly Article[]): void {
  const rules = compiledRules();
  prepared.clear();
  const requests = articles.map((article) => {
    const words = new ClauseTokens(article.text);
    const positions = segmentedAt(article.text, rules);
    prepared.set(article, { rules, scan: scan(article.text, rules), words });
    return { words, positions };
  });
  prefetchClauses(requests);
}

/** Every entity mention of the article, resolved to canonical names, sorted by start. */
export function recogniseEntities(article: Article): EntityMention[] {
  const rules = compiledRules();
  const text = article.text;
  const ready = prepared.get(article);
  prepared.delete(article);
  let words: ClauseTokens;
  if (ready && ready.rules === rules && ready.words.text === text) {
    keepScan(text, rules, ready.scan);
    words = ready.words;
  } else {
    words = new ClauseTokens(text);
    words.prefetch(segmentedAt(text, rules));
  }
  const gazetteer = gazetteerCandidates(text, rules);
  const persons = [...personCandidates(words, rules), ...appositionCandidates(words, rules)];
  const candidates = [
    ...gazetteer,
    ...persons,
    ...bookTitleCandidates(text, rules),
    ...quotedCandidates(text, rules),
    ...suffixCandidates(words, rules, contextOf(gazetteer, persons)),
  ];
  let selected = selectCandidates(candidates, text.length);
  const again = repeatedPersons(text, selected);
  if (again.length > 0) selected = selectCandidates([...selected, ...again], text.length);
  return resolveMentions(article, selected.map(strip), rules);
}
