// The CSV files of a bulk load: the database that ingestNeo4j (ingest.ts) would
// leave after ingesting the same extraction into an empty database, as node and
// relationship rows for `neo4j-admin database import`. Nothing about the property
// model is decided here: documents are planned and facts prepared as the Cypher
// loader does (prepare.ts), the parameters built by params.ts and turned into
// stored properties by the functions there that mirror the Cypher SET clauses.
import { mkdir } from "node:fs/promises";
import type { Extraction, NodeLabel, RelationType } from "../../../types.js";
import type { IngestSummary } from "../../store.js";
import { bump } from "../../memory/state.js";
import type { RelationRow } from "../../prepare.js";
import { emptySummary, planDocuments, prepareFacts } from "../../prepare.js";
import { documentChunks } from "../ingest.js";
import {
  documentParams,
  documentProperties,
  entityProperties,
  mentionProperties,
  newEntityParams,
  newRelationParams,
  relationProperties,
} from "../params.js";
import { checked } from "../writes.js";
import { NODE_LABELS, RELATION_TYPES } from "../../../types.js";
import { ARRAY_DELIMITER, CsvTables, quote } from "./csv.js";
import type { TableFile } from "./csv.js";

/** Where lists the CSV could not carry ([] or [""]) must be set once the database is up. */
export interface Fixup {
  /** Document or Entity nodes, MENTIONS, or entity relationships of a type. */
  target: "Document" | "Entity" | "MENTIONS" | RelationType;
  keys: string[];
  /**
   * Every row of the target has these properties, and a row that lacks all of
   * them in the database is one whose CSV left them all out as []: set them
   * wherever all are missing, no ids needed (one write per row however many keys).
   */
  everywhere: boolean;
  /** Otherwise (one key) the rows: a node's id, or a relationship's start and end ids. */
  rows: { ids: string[]; value: string[] }[];
}

export type Fixups = Fixup[];

class FixupCollector {
  // Parallel arrays, not an object per row: on a large graph nearly every entity
  // lacks aliases and propKeys, and millions of small objects cost the collector.
  private readonly map = new Map<
    string,
    { target: Fixup["target"]; key: string; ids: string[][]; values: Map<number, string[]>; count: number }
  >();

  add(target: Fixup["target"], key: string, start: string, end: string | undefined, value: string[]): void {
    const k = `${target}\u0000${key}`;
    let f = this.map.get(k);
    if (!f)
      this.map.set(
        k,
        (f = { target, key, ids: end === undefined ? [[]] : [[], []], values: new Map(), count: 0 }),
      );
    f.ids[0]!.push(start);
    if (end !== undefined) f.ids[1]!.push(end);
    if (value.length > 0) f.values.set(f.count, value);
    f.count++;
  }

  /**
   * The fix-ups: scans where the tables show that every row has the property,
   * grouped by the set of them that a table's rows lack (largest sets first, so
   * that a scan for fewer keys finds only the rows that lack exactly those), and
   * the rest by ids.
   */
  result(tables: Partial<Record<Fixup["target"], CsvTables>>): Fixups {
    const out: Fixups = [];
    const everywhere = new Map<Fixup["target"], Set<string>>();
    for (const f of this.map.values()) {
      const table = tables[f.target];
      if (f.values.size === 0 && table?.always(f.key)) {
        if (!everywhere.has(f.target)) everywhere.set(f.target, new Set());
        everywhere.get(f.target)!.add(f.key);
        continue;
      }
      const rows = f.ids[0]!.map((start, i) => ({
        ids: f.ids.length > 1 ? [start, f.ids[1]![i]!] : [start],
        value: f.values.get(i) ?? [],
      }));
      out.push({ target: f.target, keys: [f.key], everywhere: false, rows });
    }
    const scans: Fixups = [];
    for (const [target, keys] of everywhere) {
      const sets = new Map<string, string[]>();
      for (const columns of tables[target]!.columnSets()) {
        const missing = [...keys].filter((k) => !columns.includes(k)).sort();
        if (missing.length > 0) sets.set(missing.join(","), missing);
      }
      for (const missing of sets.values()) scans.push({ target, keys: missing, everywhere: true, rows: [] });
    }
    scans.sort((a, b) => b.keys.length - a.keys.length);
    return [...scans, ...out];
  }
}

export interface BulkFiles {
  dir: string;
  nodes: TableFile[];
  relationships: TableFile[];
  fixups: Fixups;
  /** What the load adds, counted as ingest's summary counts a first ingest. */
  summary: IngestSummary;
  /** Relationships of every type, MENTIONS included (what the importer reports). */
  relationshipCount: number;
  nodeCount: number;
}

export interface WriteProgress {
  (stage: "documents" | "entities" | "relations", done: number, total: number): void;
}

/**
 * Relations whose documents fall into several of ingestNeo4j's chunks end up with
 * their evidence, documents and property contributions appended chunk by chunk.
 */
function inChunkOrder(row: RelationRow, chunkOf: Map<string, number>): RelationRow {
  if (row.docs.length < 2) return row;
  const first = chunkOf.get(row.docs[0]!);
  if (row.docs.every((d) => chunkOf.get(d) === first)) return row;
  const by = <T>(list: T[], doc: (x: T) => string) =>
    [...list].sort((a, b) => chunkOf.get(doc(a))! - chunkOf.get(doc(b))!);
  return {
    ...row,
    docs: by(row.docs, (d) => d),
    evidence: by(row.evidence, (e) => e.documentId),
    contributions: by(row.contributions, (c) => c.doc),
  };
}

export async function writeBulkCsv(
  extraction: Extraction,
  dir: string,
  onProgress: WriteProgress = () => {},
): Promise<BulkFiles> {
  await mkdir(dir, { recursive: true });
  const summary = emptySummary(false);
  const plan = planDocuments(extraction.documents, () => undefined);
  const docs = plan.added;
  summary.documents.added = docs.length;
  const facts = prepareFacts(extraction, new Set(docs.map((d) => d.id)));
  const dates = new Map(extraction.documents.map((d) => [d.id, d.date ?? null]));
  const fixups = new FixupCollector();

  // Id spaces of their own: a document id may look like anything, even an entity id.
  const documentTables = new CsvTables(dir, "documents", "id:ID(Document),:LABEL");
  const entityTables = new CsvTables(dir, "entities", "id:ID(Entity),:LABEL");
  const mentionTables = new CsvTables(dir, "mentions", ":START_ID(Document),:END_ID(Entity),:TYPE");
  const relationTables = new CsvTables(dir, "relations", ":START_ID(Entity),:END_ID(Entity),:TYPE");
  const all = [documentTables, entityTables, mentionTables, relationTables];
  let relationshipCount = 0;
  // A promise only when a file's buffer is full (CsvTables.add).
  let wait: Promise<void> | undefined;
  try {
    for (const [i, doc] of docs.entries()) {
      const { id, ...props } = documentProperties(documentParams(doc));
      wait = documentTables.add(`${quote(id as string)},"Document"`, props, (k, v) =>
        fixups.add("Document", k, id as string, undefined, v),
      );
      if (wait) await wait;
      if (i % 10_000 === 0) onProgress("documents", i, docs.length);
    }
    onProgress("documents", docs.length, docs.length);

    for (const [i, row] of facts.entities.entries()) {
      const params = newEntityParams(row);
      const { id, ...props } = entityProperties(params);
      const label = checked(row.label as NodeLabel, NODE_LABELS);
      wait = entityTables.add(`${quote(id as string)},"${label}${ARRAY_DELIMITER}Entity"`, props, (k, v) =>
        fixups.add("Entity", k, row.id, undefined, v),
      );
      if (wait) await wait;
      bump(summary.entities.created, label);
      for (const m of params.mentions) {
        wait = mentionTables.add(
          `${quote(m.doc)},${quote(row.id)},"MENTIONS"`,
          mentionProperties(m),
          (k, v) => fixups.add("MENTIONS", k, m.doc, row.id, v),
        );
        if (wait) await wait;
        relationshipCount++;
      }
      if (i % 50_000 === 0) onProgress("entities", i, facts.entities.length);
    }
    onProgress("entities", facts.entities.length, facts.entities.length);

    const chunkOf = documentChunks(docs, facts.relations);
    for (const [i, original] of facts.relations.entries()) {
      const row = inChunkOrder(original, chunkOf);
      const type = checked(row.type, RELATION_TYPES);
      wait = relationTables.add(
        `${quote(row.source)},${quote(row.target)},"${type}"`,
        relationProperties(newRelationParams(row, dates)),
        (k, v) => fixups.add(type, k, row.source, row.target, v),
      );
      if (wait) await wait;
      bump(summary.relations.created, type);
      summary.evidence.added += row.evidence.length;
      relationshipCount++;
      if (i % 50_000 === 0) onProgress("relations", i, facts.relations.length);
    }
    onProgress("relations", facts.relations.length, facts.relations.length);
    return {
      dir,
      nodes: [...(await documentTables.close()), ...(await entityTables.close())],
      relationships: [...(await mentionTables.close()), ...(await relationTables.close())],
      // Relationship types share one set of tables: their fix-ups go by ids.
      fixups: fixups.result({ Document: documentTables, Entity: entityTables, MENTIONS: mentionTables }),
      summary,
      relationshipCount,
      nodeCount: docs.length + facts.entities.length,
    };
  } catch (err) {
    for (const t of all) t.destroy();
    throw err;
  }
}
