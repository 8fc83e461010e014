// Cross-language linking at merge time. English names of the bilingual table
// are already resolved by the English recogniser (one id in every batch); what
// is left are persons, whose pinyin is ambiguous: an English person name
// ("Wang Jiangping") joins a Chinese person (王江平) only when exactly one
// Chinese person of the batch reads that way and their posts do not conflict.
// Otherwise the two stay apart: a missed link costs less than a wrong merge.
import { normaliseName, relationKey } from "../../ids.js";
import type { EntityRecord, Extraction, RelationRecord } from "../../types.js";
import { chinesePersonKeys, englishNameKey } from "./pinyin.js";
import { chineseTitles } from "./titles.js";

const LATIN_NAME = /^[A-Za-z][A-Za-z'’ .-]+$/;

interface Post {
  body: string;
  title: string | null;
}

/** A person's posts; a post in a sub-unit also counts as a post in its parent (PART_OF). */
function postsOf(id: string, relations: RelationRecord[]): Post[] {
  const parents = (body: string) =>
    relations.filter((r) => r.type === "PART_OF" && r.source === body).map((r) => r.target);
  return relations
    .filter((r) => r.type === "HOLDS_POSITION" && r.source === id)
    .flatMap((r) => {
      const title = typeof r.properties.title === "string" ? r.properties.title : null;
      return [{ body: r.target, title }, ...parents(r.target).map((body) => ({ body, title: null }))];
    });
}

/** Same body with incompatible posts ("Minister" vs 副部长), or no body in common at all. */
function postsConflict(english: Post[], chinese: Post[]): boolean {
  if (english.length === 0 || chinese.length === 0) return false;
  const shared = english.filter((e) => chinese.some((c) => c.body === e.body));
  if (shared.length === 0) return true;
  return shared.some((e) => {
    const wanted = e.title ? chineseTitles(e.title) : [];
    if (wanted.length === 0) return false;
    return chinese
      .filter((c) => c.body === e.body && c.title)
      .some((c) => {
        const post = c
          .title!.split(/[、，,]/)
          .pop()!
          .trim();
        return !wanted.some((w) => post === w || (post.endsWith(w) && !post.endsWith(`副${w}`)));
      });
  });
}

/** English person id → Chinese person id, for the links that are safe to make. */
export function personLinks(extraction: Extraction): Map<string, string> {
  const persons = extraction.entities.filter((e) => e.label === "Person");
  const links = new Map<string, string>();
  const english = persons.filter((p) => LATIN_NAME.test(p.name) && /\s/.test(p.name.trim()));
  // Pinyin readings of every Chinese person are the costly part of merging a Chinese
  // page, and serve only to look English names up: none, nothing to read.
  if (english.length === 0) return links;
  const byKey = new Map<string, EntityRecord[]>();
  for (const p of persons)
    for (const key of chinesePersonKeys(p.name)) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      byKey.set(key, list);
    }
  for (const p of english) {
    const matches = byKey.get(englishNameKey(p.name)) ?? [];
    if (matches.length !== 1) continue;
    const zh = matches[0]!;
    if (postsConflict(postsOf(p.id, extraction.relations), postsOf(zh.id, extraction.relations))) continue;
    links.set(p.id, zh.id);
  }
  return links;
}

function absorb(into: EntityRecord, from: EntityRecord): void {
  const own = normaliseName(into.name);
  for (const alias of [from.name, ...from.aliases])
    if (normaliseName(alias) !== own && !into.aliases.some((a) => normaliseName(a) === normaliseName(alias)))
      into.aliases.push(alias);
  into.mentions.push(...from.mentions);
  for (const [k, v] of Object.entries(from.properties))
    if (into.properties[k] === undefined) into.properties[k] = v;
}

/** Applies entity links (from id → into id): one entity each, relations re-pointed and merged. */
export function applyLinks(extraction: Extraction, links: Map<string, string>): Extraction {
  if (links.size === 0) return extraction;
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  for (const [from, into] of links) absorb(byId.get(into)!, byId.get(from)!);
  const entities = extraction.entities.filter((e) => !links.has(e.id));
  const relations = new Map<string, RelationRecord>();
  for (const r of extraction.relations) {
    const source = links.get(r.source) ?? r.source;
    const target = links.get(r.target) ?? r.target;
    const key = relationKey(r.type, source, target);
    const rec = relations.get(key);
    if (!rec) {
      relations.set(key, { ...r, source, target, evidence: [...r.evidence] });
      continue;
    }
    for (const [k, v] of Object.entries(r.properties))
      if (rec.properties[k] === undefined) rec.properties[k] = v;
    for (const e of r.evidence)
      if (
        !rec.evidence.some((x) => x.documentId === e.documentId && x.start === e.start && x.rule === e.rule)
      )
        rec.evidence.push(e);
  }
  return { ...extraction, entities, relations: [...relations.values()] };
}

/** The merge-time cross-language step: English person names linked to their Chinese entity. */
export function linkLanguages(extraction: Extraction): Extraction {
  return applyLinks(extraction, personLinks(extraction));
}
