// Ingestion into Neo4j: the same plan as the embedded store (prepare.ts), written
// in UNWIND batches of thousands of rows, nodes before relationships, document by
// document chunk. A chunk's documents are marked pending first and committed (hash
// set) last, so a failure leaves them recognisably unwritten: the error names them
// and the next run redoes them. A dry run does it all in one transaction and rolls
// it back.
//
// Where the server's time goes (100,000 synthetic relations = 67,000 entities,
// 10,000 documents and 200,000 MENTIONS; warm server, server CPU): entities with
// their MENTIONS 10.8 s, relationships 8.7 s, new MENTIONS of existing entities
// 5.6 s, lookups and documents 2 s, about 27 s in all. In the same run a bare
// `UNWIND … MATCH … MATCH … CREATE` of the same 100,000 relationships with the
// evidence lists took 7.4 s (52-74 µs each): the loader writes three relationships
// per relation at about that cost each, so its rate is bounded by the data model,
// not by the statements. Tried without a gain beyond the ±15% noise: batches of
// 2,000 and 10,000, CREATE for the relationships and MENTIONS of new entities,
// two concurrent writers, off-heap transaction state. The first ingest after a
// server start costs 2.5-3× the server CPU (JIT and query planning).
import type { DocumentRecord, Extraction, NodeLabel, RelationType } from "../../types.js";
import type { IngestSummary } from "../store.js";
import { IngestFailedError } from "../store.js";
import { bump } from "../memory/state.js";
import type { EntityRow, RelationRow } from "../prepare.js";
import { emptySummary, labelOfId, planDocuments, prepareFacts } from "../prepare.js";
import * as q from "./writes.js";
import { single } from "./transactions.js";
import type { Row, RunAll, Statement } from "./transactions.js";
import { recompute } from "./recompute.js";
import type { RelationRef } from "./recompute.js";
import {
  documentParams,
  existingEntityParams,
  hasProperties,
  mergeRelationParams,
  mergesInto,
  newEntityParams,
  newRelationParams,
} from "./params.js";

export type { Run, RunAll } from "./transactions.js";

export const BATCH = 5_000;
/**
 * Batches of created/merged rows pipelined in one transaction: the client encodes
 * the next batch while the server runs the current one. Measured (100,000 relations,
 * bench-ingest, alternating runs, machine quiet): 3,630 and 3,564/s against 2,971 and
 * 2,582/s for one statement per transaction; under heavy load (load average ~10)
 * the two were within noise (4: -13% client CPU, +5% server CPU).
 */
const STATEMENTS_PER_TRANSACTION = 4;
/** Documents are committed in chunks of about this many relations. */
const CHUNK_RELATIONS = 20_000;

function* batches<T>(rows: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * The chunk each document is written in: consecutive documents, a new chunk once
 * one holds CHUNK_RELATIONS relations. The bulk load (bulk/rows.ts) orders a
 * relation's evidence by it, as the appends of chunk after chunk leave it here.
 */
export function documentChunks(docs: readonly DocumentRecord[], relations: readonly RelationRow[]) {
  const load = new Map<string, number>();
  for (const r of relations) for (const d of r.docs) load.set(d, (load.get(d) ?? 0) + 1);
  const chunkOf = new Map<string, number>();
  let count = 0;
  let size = Infinity;
  for (const doc of docs) {
    if (size >= CHUNK_RELATIONS) {
      count++;
      size = 0;
    }
    chunkOf.set(doc.id, count - 1);
    size += load.get(doc.id) ?? 0;
  }
  return chunkOf;
}

/** Split the prepared facts into chunks of documents (an entity or relation goes where its documents are). */
function chunk(docs: DocumentRecord[], entities: EntityRow[], relations: RelationRow[]) {
  const chunkOf = documentChunks(docs, relations);
  const chunks: { docs: DocumentRecord[]; entities: EntityRow[]; relations: RelationRow[] }[] = [];
  for (const doc of docs) {
    const c = chunkOf.get(doc.id)!;
    while (chunks.length <= c) chunks.push({ docs: [], entities: [], relations: [] });
    chunks[c]!.docs.push(doc);
  }
  const split = <T extends { docs: string[] }>(
    row: T,
    place: (c: number, part: T) => void,
    narrow: (d: Set<string>) => T,
  ) => {
    const by = new Map<number, Set<string>>();
    for (const d of row.docs) {
      const c = chunkOf.get(d)!;
      if (!by.has(c)) by.set(c, new Set());
      by.get(c)!.add(d);
    }
    if (by.size === 1) place([...by.keys()][0]!, row);
    else for (const [c, ds] of by) place(c, narrow(ds));
  };
  for (const row of entities)
    split(
      row,
      (c, part) => chunks[c]!.entities.push(part),
      (ds) => ({
        ...row,
        docs: row.docs.filter((d) => ds.has(d)),
        mentions: row.mentions.filter((m) => ds.has(m.documentId)),
        contributions: row.contributions.filter((c) => ds.has(c.doc)),
      }),
    );
  for (const row of relations)
    split(
      row,
      (c, part) => chunks[c]!.relations.push(part),
      (ds) => ({
        ...row,
        docs: row.docs.filter((d) => ds.has(d)),
        evidence: row.evidence.filter((e) => ds.has(e.documentId)),
        contributions: row.contributions.filter((c) => ds.has(c.doc)),
      }),
    );
  return chunks;
}

function partition<T>(rows: T[], test: (row: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const row of rows) (test(row) ? yes : no).push(row);
  return [yes, no];
}

/** The rows for which `test` is false, then those for which it is true (empty groups left out). */
function split<T>(rows: T[], test: (row: T) => boolean): [boolean, T[]][] {
  const [yes, no] = partition(rows, test);
  return (
    [
      [false, no],
      [true, yes],
    ] as [boolean, T[]][]
  ).filter(([, group]) => group.length > 0);
}

function groupBy<T, K extends string>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(row);
  }
  return out;
}

export async function ingestNeo4j(
  runAll: RunAll,
  extraction: Extraction,
  dryRun: boolean,
): Promise<IngestSummary> {
  const run = single(runAll);
  const summary = emptySummary(dryRun);
  const stored = new Map<string, string | null>();
  for (const ids of batches(extraction.documents.map((d) => d.id)))
    for (const rec of await run(q.documentsPlan, { ids }))
      stored.set(rec.id as string, rec.hash as string | null);
  const plan = planDocuments(extraction.documents, (id) => (stored.has(id) ? stored.get(id) : undefined));
  summary.documents = {
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged.length,
  };
  const active = [...plan.added, ...plan.replaced];
  if (active.length === 0) return summary;
  const facts = prepareFacts(extraction, new Set(active.map((d) => d.id)));
  const replaced = new Set(plan.replaced.map((d) => d.id));
  const dates = new Map(extraction.documents.map((d) => [d.id, d.date ?? null]));

  const chunks = chunk(active, facts.entities, facts.relations);
  const written: Written = { entities: new Set(), relations: new Set() };
  for (const [i, part] of chunks.entries()) {
    try {
      await writeChunk(runAll, part, replaced, dates, summary, written);
    } catch (err) {
      const unwritten = chunks.slice(i).flatMap((c) => c.docs.map((d) => d.id));
      const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new IngestFailedError(
        `Neo4j ingest stopped (${why}); ${unwritten.length} document(s) not written: ${unwritten.slice(0, 5).join(", ")}${unwritten.length > 5 ? " …" : ""}`,
        unwritten,
        err,
      );
    }
  }
  return summary;
}

/** What the statements of one ingest have written so far (committed, or in the dry run's transaction). */
interface Written {
  /** Entities this ingest created: none of their relationships existed before it. */
  entities: Set<string>;
  /** Relationship keys this ingest wrote. */
  relations: Set<string>;
}

async function writeChunk(
  runAll: RunAll,
  part: { docs: DocumentRecord[]; entities: EntityRow[]; relations: RelationRow[] },
  replaced: Set<string>,
  dates: Map<string, string | null>,
  summary: IngestSummary,
  written: Written,
): Promise<void> {
  const run = single(runAll);
  const droppedEntities = new Set<string>();
  const droppedRelations = new Set<string>();
  for (const rows of batches(part.docs.map(documentParams))) await run(q.documentsStart, { rows });
  const recomputeEntities = new Set<string>();
  const recomputeRelations = new Map<string, RelationRef>();
  for (const doc of part.docs) {
    if (!replaced.has(doc.id)) continue;
    const [ev] = await run(q.removeDocumentEvidence, { doc: doc.id });
    summary.evidence.removed += Number(ev?.evidence ?? 0);
    for (const key of (ev?.removed as string[] | undefined) ?? []) droppedRelations.add(key);
    for (const ref of (ev?.recompute as RelationRef[] | undefined) ?? [])
      recomputeRelations.set(ref.key, ref);
    const [men] = await run(q.removeDocumentMentions, { doc: doc.id });
    for (const id of (men?.removed as string[] | undefined) ?? []) droppedEntities.add(id);
    for (const id of (men?.recompute as string[] | undefined) ?? []) recomputeEntities.add(id);
  }
  for (const id of droppedEntities) recomputeEntities.delete(id);
  for (const key of droppedRelations) recomputeRelations.delete(key);
  await recompute(run, [...recomputeEntities], [...recomputeRelations.values()]);

  const existing = new Set<string>();
  for (const ids of batches(part.entities.map((r) => r.id)))
    for (const id of ((await run(q.existingEntities, { ids }))[0]?.ids as string[] | undefined) ?? [])
      existing.add(id);
  // Everything below is decided now (which rows are created, which merged), so the
  // statements go out pipelined, a few per transaction; results only feed the summary.
  const body: { statement: Statement; done?: (rows: Row[]) => void }[] = [];
  const [fresh, known] = partition(part.entities, (r) => !existing.has(r.id));
  for (const [label, rows] of groupBy(fresh, (r) => r.label as NodeLabel)) {
    for (const [withProps, some] of split(rows, hasProperties)) {
      for (const batch of batches(some)) {
        body.push({
          statement: {
            query: q.createEntities(label, withProps),
            params: { rows: batch.map(newEntityParams) },
          },
        });
        for (const row of batch) {
          written.entities.add(row.id);
          if (droppedEntities.delete(row.id)) bump(summary.entities.updated, label);
          else bump(summary.entities.created, label);
        }
      }
    }
  }
  for (const [merge, rows] of split(known, mergesInto)) {
    for (const batch of batches(rows)) {
      body.push({
        statement: { query: q.updateEntities(merge), params: { rows: batch.map(existingEntityParams) } },
      });
      for (const row of batch) bump(summary.entities.updated, row.label);
    }
  }

  for (const [type, rows] of groupBy(part.relations, (r) => r.type as RelationType)) {
    const [created, merged] = partition(
      rows,
      (r) =>
        (written.entities.has(r.source) || written.entities.has(r.target)) && !written.relations.has(r.key),
    );
    for (const [withProps, some] of split(created, hasProperties)) {
      for (const batch of batches(some)) {
        body.push({
          statement: {
            query: q.createRelations(type, withProps),
            params: { rows: batch.map((r) => newRelationParams(r, dates)) },
          },
        });
        for (const row of batch) {
          written.relations.add(row.key);
          summary.evidence.added += row.evidence.length;
          if (droppedRelations.delete(row.key)) bump(summary.relations.updated, type);
          else bump(summary.relations.created, type);
        }
      }
    }
    for (const batch of batches(merged)) {
      for (const row of batch) written.relations.add(row.key);
      body.push({
        statement: {
          query: q.upsertRelations(type),
          params: { rows: batch.map((r) => mergeRelationParams(r, dates)) },
        },
        done: ([res]) => {
          const created = new Set((res?.created as string[] | undefined) ?? []);
          summary.evidence.added += Number(res?.evidence ?? 0);
          for (const row of batch) {
            if (created.has(row.key) && !droppedRelations.delete(row.key))
              bump(summary.relations.created, type);
            else bump(summary.relations.updated, type);
          }
        },
      });
    }
  }
  for (let i = 0; i < body.length; i += STATEMENTS_PER_TRANSACTION) {
    const group = body.slice(i, i + STATEMENTS_PER_TRANSACTION);
    const results = await runAll(group.map((g) => g.statement));
    group.forEach((g, k) => g.done?.(results[k]!));
  }
  for (const id of droppedEntities) bump(summary.entities.removed!, labelOfId(id) ?? "Entity");
  for (const key of droppedRelations) bump(summary.relations.removed!, key.slice(0, key.indexOf("|")));
  // The commit sets only the hash: the documents' text went with documentsStart.
  const commits = part.docs.map((d) => ({ id: d.id, hash: d.hash ?? null }));
  for (const rows of batches(commits)) await run(q.documentsCommit, { rows });
}
