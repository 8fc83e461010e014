// Merging per-article results into one Extraction (owned by the entity stage):
// one entity per real-world thing across all articles, aliases unioned, every
// mention and every piece of evidence kept. Statement nodes are per utterance,
// so their id is the document and offset, not the (possibly repeated) text.
import { entityId, normaliseName, relationKey } from "../ids.js";
import type { DocumentRecord, EntityRecord, Extraction, Properties, RelationRecord } from "../types.js";
import { linkLanguages } from "./english/link.js";
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

interface Slot {
  record: EntityRecord;
  own: string;
  aliasKeys: Set<string>;
}

/** Offsets of a mention as one number (article texts are far shorter than 2^26 code units). */
const SPAN = 2 ** 26;

class EntityTable {
  private readonly byId = new Map<string, Slot>();
  /** Mentions kept, by article id, then entity id: start·2^26 + end (no key string per mention). */
  private readonly mentionSpans = new Map<string, Map<string, Set<number>>>();
  /** Names repeat across articles far more than they vary: NFKC once per distinct string. */
  private readonly normalised = new Map<string, string>();
  /** Entity ids by label, then name (no `label:name` key string per mention). */
  private readonly ids = new Map<string, Map<string, string>>();

  private norm(name: string): string {
    let n = this.normalised.get(name);
    if (n === undefined) {
      n = normaliseName(name);
      this.normalised.set(name, n);
    }
    return n;
  }

  private idOf(article: Article, m: EntityMention): string {
    if (m.label === "Statement") return mentionEntityId(article, m);
    let byName = this.ids.get(m.label);
    if (byName === undefined) {
      byName = new Map();
      this.ids.set(m.label, byName);
    }
    let id = byName.get(m.name);
    if (id === undefined) {
      id = `${m.label}:${this.norm(m.name)}`;
      byName.set(m.name, id);
    }
    return id;
  }

  /**
   * Mentions of the current article already added (relations hand the same mention
   * objects back as endpoints). Mention objects belong to one article, so the table is
   * emptied when the article changes: a plain Map, not a WeakMap the collector must trace.
   */
  private readonly added = new Map<EntityMention, string>();
  private addedFor: Article | null = null;
  private spansFor: Map<string, Set<number>> | null = null;

  add(article: Article, m: EntityMention): string {
    if (article !== this.addedFor) {
      this.added.clear();
      this.addedFor = article;
      this.spansFor = this.mentionSpans.get(article.id) ?? null;
      if (this.spansFor === null) {
        this.spansFor = new Map();
        this.mentionSpans.set(article.id, this.spansFor);
      }
    }
    const done = this.added.get(m);
    if (done !== undefined) return done;
    const id = this.idOf(article, m);
    this.added.set(m, id);
    let slot = this.byId.get(id);
    if (!slot) {
      const name = m.label === "Statement" ? m.name.slice(0, STATEMENT_MAX) : m.name;
      const record: EntityRecord = { id, label: m.label, name, aliases: [], properties: {}, mentions: [] };
      if (m.label === "Statement" && m.properties?.date === undefined) record.properties.date = article.date;
      slot = { record, own: m.label === "Statement" ? "" : this.norm(name), aliasKeys: new Set() };
      this.byId.set(id, slot);
    }
    const e = slot.record;
    mergeProperties(e.properties, m.properties);
    if (m.label !== "Statement") {
      this.alias(slot, m.surface);
      if (m.aliases) for (const alias of m.aliases) this.alias(slot, alias);
    }
    const spans = this.spansFor!;
    let kept = spans.get(id);
    if (kept === undefined) {
      kept = new Set();
      spans.set(id, kept);
    }
    const span = m.start * SPAN + m.end;
    if (!kept.has(span)) {
      kept.add(span);
      e.mentions.push({ documentId: article.id, start: m.start, end: m.end, text: m.surface });
    }
    return id;
  }

  private alias(slot: Slot, alias: string): void {
    if (!alias) return;
    const key = this.norm(alias);
    if (key === slot.own || slot.aliasKeys.has(key)) return;
    slot.aliasKeys.add(key);
    slot.record.aliases.push(alias);
  }

  records(): EntityRecord[] {
    return [...this.byId.values()].map((s) => s.record);
  }
}

/** Internal bookkeeping properties of mentions that do not belong on the entity. */
const TRANSIENT = new Set(["partial", "title"]);

function mergeProperties(into: Properties, from: Properties | undefined): void {
  if (!from) return;
  for (const [k, v] of Object.entries(from)) if (!TRANSIENT.has(k) && into[k] === undefined) into[k] = v;
}

/**
 * The relation already has this piece of evidence (same document, sentence and rule). Evidence
 * of the article being merged sits at the end of the list, unless the article id came before.
 */
function hasEvidence(
  evidence: RelationRecord["evidence"],
  documentId: string,
  start: number,
  rule: string,
  repeated: boolean,
): boolean {
  for (let i = evidence.length - 1; i >= 0; i--) {
    const e = evidence[i]!;
    if (e.documentId !== documentId) {
      if (repeated) continue;
      return false;
    }
    if (e.start === start && e.rule === rule) return true;
  }
  return false;
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
  const articleIds = new Set<string>();
  for (const { article, mentions, relations: rels } of results) {
    // An article id seen before (the same item read twice) may already have evidence anywhere in a list.
    const repeated = articleIds.has(article.id);
    articleIds.add(article.id);
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
      if (!hasEvidence(rec.evidence, article.id, r.sentence.start, r.rule, repeated))
        rec.evidence.push({
          documentId: article.id,
          sentence: article.text.slice(r.sentence.start, r.sentence.end),
          start: r.sentence.start,
          end: r.sentence.end,
          rule: r.rule,
        });
    }
  }
  return linkLanguages({ documents, entities: entities.records(), relations: [...relations.values()] });
}
