// Merging per-page Extractions into one, in input order, with the same result as
// running mergeResults over every article at once: an entity keeps the name of its
// first mention, properties are first-come per key, aliases and mentions are
// appended in order without duplicates, evidence likewise. This is what lets
// pages be extracted on separate worker threads and still give byte-identical
// JSON to the single-threaded pipeline.
import { normaliseName, relationKey } from "../../ids.js";
import type {
  DocumentRecord,
  EntityRecord,
  Evidence,
  Extraction,
  Mention,
  Properties,
  RelationRecord,
} from "../../types.js";
import { linkLanguages } from "../english/link.js";

function addMissing(into: Properties, from: Properties): void {
  for (const [k, v] of Object.entries(from)) if (into[k] === undefined) into[k] = v;
}

const mentionKey = (id: string, m: Mention) => `${id}|${m.documentId}|${m.start}|${m.end}`;
const evidenceKey = (e: Evidence) => `${e.documentId}|${e.start}|${e.rule}`;

interface EntitySlot {
  record: EntityRecord;
  aliasKeys: Set<string>;
  own: string;
}

interface RelationSlot {
  record: RelationRecord;
  evidenceKeys: Set<string>;
}

export class ExtractionMerger {
  private readonly documents: DocumentRecord[] = [];
  private readonly entities = new Map<string, EntitySlot>();
  private readonly relations = new Map<string, RelationSlot>();
  private readonly mentionKeys = new Set<string>();

  /** Add the next page's extraction (pages must be added in input order). */
  add(part: Extraction): void {
    this.documents.push(...part.documents);
    for (const e of part.entities) this.addEntity(e);
    for (const r of part.relations) this.addRelation(r);
  }

  private addEntity(e: EntityRecord): void {
    let slot = this.entities.get(e.id);
    if (!slot) {
      const record: EntityRecord = { ...e, aliases: [], properties: { ...e.properties }, mentions: [] };
      const own = normaliseName(record.name);
      slot = { record, own, aliasKeys: new Set() };
      this.entities.set(e.id, slot);
    } else addMissing(slot.record.properties, e.properties);
    for (const alias of e.aliases) {
      const key = normaliseName(alias);
      if (key === slot.own || slot.aliasKeys.has(key)) continue;
      slot.aliasKeys.add(key);
      slot.record.aliases.push(alias);
    }
    for (const m of e.mentions) {
      const key = mentionKey(e.id, m);
      if (this.mentionKeys.has(key)) continue;
      this.mentionKeys.add(key);
      slot.record.mentions.push(m);
    }
  }

  private addRelation(r: RelationRecord): void {
    const key = relationKey(r.type, r.source, r.target);
    let slot = this.relations.get(key);
    if (!slot) {
      slot = { record: { ...r, properties: { ...r.properties }, evidence: [] }, evidenceKeys: new Set() };
      this.relations.set(key, slot);
    } else addMissing(slot.record.properties, r.properties);
    for (const e of r.evidence) {
      const k = evidenceKey(e);
      if (slot.evidenceKeys.has(k)) continue;
      slot.evidenceKeys.add(k);
      slot.record.evidence.push(e);
    }
  }

  result(): Extraction {
    // Persons named in English on one page and in Chinese on another are linked
    // over the whole batch, as mergeResults does (src/extract/english/link.ts).
    return linkLanguages({
      documents: this.documents,
      entities: [...this.entities.values()].map((s) => s.record),
      relations: [...this.relations.values()].map((s) => s.record),
    });
  }
}
