// Hand-built articles and mentions for the relation tests: the tests must not
// depend on the recogniser, so each names the mentions its sentences contain.
import type { NodeLabel } from "../../src/types.js";
import type { Article, EntityMention, RelationMention, Span } from "../../src/extract/types.js";
import { extractRelations } from "../../src/extract/relate/index.js";

/** Sentences end at 。！？ outside quotes, and at line breaks. */
function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "“") depth++;
    else if (ch === "”") depth = Math.max(0, depth - 1);
    const end = ch === "\n" || (depth === 0 && /[。！？]/.test(ch) && text[i + 1] !== "”");
    if (end || i === text.length - 1) {
      const e = ch === "\n" ? i : i + 1;
      if (e > start && text.slice(start, e).trim() !== "") out.push({ start, end: e });
      start = i + 1;
    }
  }
  return out;
}

export function makeArticle(text: string, date: string | null = "2024-10-25"): Article {
  return {
    id: "test.txt#0",
    source: "test.txt",
    index: 0,
    title: text.slice(0, 10),
    date,
    byline: null,
    language: "zh",
    text,
    sentences: sentencesOf(text),
    captions: [],
  };
}

/** [label, surface, canonical name?]: every occurrence of the surface, longest surfaces first. */
export type Spec = [NodeLabel, string, string?];

export function makeMentions(text: string, specs: Spec[]): EntityMention[] {
  const taken: Span[] = [];
  const out: EntityMention[] = [];
  for (const [label, surface, name] of [...specs].sort((a, b) => b[1].length - a[1].length)) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(surface, from);
      if (start < 0) break;
      const end = start + surface.length;
      from = end;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      taken.push({ start, end });
      out.push({ label, name: name ?? surface, surface, start, end, rule: "test" });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function relate(text: string, specs: Spec[], date: string | null = "2024-10-25"): RelationMention[] {
  const article = makeArticle(text, date);
  return extractRelations(article, makeMentions(text, specs));
}

/** "source → target" strings of one relation type, in output order. */
export function pairs(rels: RelationMention[], type: RelationMention["type"]): string[] {
  return rels.filter((r) => r.type === type).map((r) => `${r.source.name} → ${r.target.name}`);
}

export function ofType(rels: RelationMention[], type: RelationMention["type"]): RelationMention[] {
  return rels.filter((r) => r.type === type);
}
