// Merging per-article results into one Extraction (owned by the entity stage):
// one entity per real-world thing across all articles, aliases unioned, every
// mention and every piece of evidence kept. Statement nodes are per utterance,
// so their id is the document and offset, not the (possibly repeated) text.
import { entityId, normaliseName, relationKey } from "../ids.js";
import type { DocumentRecord, EntityRecord, Extraction, Properties, RelationRecord } from "../types.js";
import type { Article, EntityMention, RelationMention } from "./types.js";

export interface ArticleResult {
  article: Article;
  mentions: EntityMention[];
  relations: RelationMention[];
}

const STATEMENT_MAX = 200;

/** The graph id of a mention of `article`. */
export function mentionEntityId(article: Article, m: EntityMention): string {
  return m.label === "Statement" ? `Statement:${article.id}:${m.start}` : entityId(m.label, m.name);
}

class EntityTable {
  private readonly byId = new Map<string, EntityRecord>();
  private readonly mentionKeys = new Set<string>();

  add(article: Article, m: EntityMention): string {
    const id = mentionEntityId(article, m);
    let e = this.byId.get(id);
    if (!e) {
      const name = m.label === "Statement" ? m.name.slice(0, STATEMENT_MAX) : m.name;
      e = { id, label: m.label, name, aliases: [], properties: {}, mentions: [] };
      if (m.label === "Statement" && m.properties?.date === undefined) e.properties.date = article.date;
      this.byId.set(id, e);
    }
    mergeProperties(e.properties, m.properties);
    const own = normaliseName(e.name);
    for (const alias of [m.surface, ...(m.aliases ?? [])]) {
      if (m.label === "Statement" || !alias || normaliseName(alias) === own) continue;
      if (!e.aliases.some((a) => normaliseName(a) === normaliseName(alias))) e.aliases.push(alias);
    }
    const key = `${id}|${article.id}|${m.start}|${m.end}`;
    if (!this.mentionKeys.has(key)) {
      this.mentionKeys.add(key);
      e.mentions.push({ documentId: article.id, start: m.start, end: m.end, text: m.surface });
    }
    return id;
  }

  records(): EntityRecord[] {
    return [...this.byId.values()];
  }
}

/** Internal bookkeeping properties of mentions that do not belong on the entity. */
const TRANSIENT = new Set(["partial", "title"]);

function mergeProperties(into: Properties, from: Properties | undefined): void {
  if (!from) return;
  for (const [k, v] of Object.entries(from)) if (!TRANSIENT.has(k) && into[k] === undefined) into[k] = v;
}

export function mergeResults(results: ArticleResult[]): Extraction {
  const documents: DocumentRecord[] = results.map(({ article }) => ({
    id: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
  }));
  const entities = new EntityTable();
  const relations = new Map<string, RelationRecord>();
  for (const { article, mentions, relations: rels } of results) {
    for (const m of mentions) entities.add(article, m);
    for (const r of rels) {
      const source = entities.add(article, r.source);
      const target = entities.add(article, r.target);
      const key = relationKey(r.type, source, target);
      let rec = relations.get(key);
      if (!rec) {
        rec = { type: r.type, source, target, properties: {}, evidence: [] };
        relations.set(key, rec);
      }
      mergeProperties(rec.properties, r.properties);
      if (r.properties?.title !== undefined && rec.properties.title === undefined)
        rec.properties.title = r.properties.title;
      const evidence = {
        documentId: article.id,
        sentence: article.text.slice(r.sentence.start, r.sentence.end),
        start: r.sentence.start,
        end: r.sentence.end,
        rule: r.rule,
      };
      if (
        !rec.evidence.some(
          (e) =>
            e.documentId === evidence.documentId && e.start === evidence.start && e.rule === evidence.rule,
        )
      )
        rec.evidence.push(evidence);
    }
  }
  return { documents, entities: entities.records(), relations: [...relations.values()] };
}
