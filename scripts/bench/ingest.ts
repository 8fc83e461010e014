// Ingestion throughput: relationships (with their evidence) per second into the
// embedded store and into Neo4j through the stores' own batched loaders, and a
// naive Neo4j loader for the baseline: every node and every relationship its own
// MERGE in its own transaction, as a first attempt would write it.
import { MultiDirectedGraph } from "graphology";
import neo4j from "neo4j-driver";
import { relationKey } from "../../src/ids.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { Neo4jGraphStore } from "../../src/graph/neo4j/store.js";
import { wipeNeo4j } from "../../src/graph/neo4j/wipe.js";
import type { GraphStore } from "../../src/graph/store.js";
import { ENTITY_LABELS } from "../../src/types.js";
import type { Extraction } from "../../src/types.js";
import { bigGraphChunks } from "./graph.js";

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export function sample(relationships: number, seed: number): Extraction[] {
  return [...bigGraphChunks(relationships, seed)];
}

async function timeIngest(store: GraphStore, chunks: Extraction[]): Promise<number> {
  let relations = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    await store.ingest(chunk);
    relations += chunk.relations.length;
  }
  return relations / ((performance.now() - started) / 1000);
}

export async function embeddedRelsPerSec(chunks: Extraction[]): Promise<number> {
  const store = new MemoryGraphStore(null);
  await store.open();
  try {
    return await timeIngest(store, chunks);
  } finally {
    await store.close();
  }
}

/**
 * The same-run baseline of the embedded figure: the same entities and relationships
 * (evidence kept as given) put into a bare graphology graph, with none of the
 * store's work (merging, interning, mentions, documents, name index). The machine's
 * speed drifts between runs; the ratio to this does much less.
 */
export function bareGraphologyRelsPerSec(chunks: Extraction[]): number {
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  let relations = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    for (const e of chunk.entities)
      if (!graph.hasNode(e.id)) graph.addNode(e.id, { label: e.label, name: e.name });
    for (const r of chunk.relations) {
      const key = relationKey(r.type, r.source, r.target);
      if (graph.hasEdge(key)) graph.getEdgeAttribute(key, "evidence").push(...r.evidence);
      else graph.addDirectedEdgeWithKey(key, r.source, r.target, { type: r.type, evidence: [...r.evidence] });
    }
    relations += chunk.relations.length;
  }
  return relations / ((performance.now() - started) / 1000);
}

export async function neo4jRelsPerSec(conn: Neo4jConnection, chunks: Extraction[]): Promise<number> {
  const store = new Neo4jGraphStore(conn);
  await store.open();
  try {
    await wipeNeo4j(store.driver);
    const rate = await timeIngest(store, chunks);
    await wipeNeo4j(store.driver);
    return rate;
  } finally {
    await store.close();
  }
}

const LABELS = new Set<string>(ENTITY_LABELS);

/** The naive loader: one MERGE per transaction, relationship evidence appended one at a time. */
export async function naiveRelsPerSec(conn: Neo4jConnection, extraction: Extraction): Promise<number> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
  const names = new Map(extraction.entities.map((e) => [e.id, e]));
  const session = driver.session();
  try {
    await wipeNeo4j(driver);
    const started = performance.now();
    for (const r of extraction.relations) {
      for (const id of [r.source, r.target]) {
        const label = names.get(id)!.label;
        // Labels come from the fixed ontology list, never from input text.
        if (!LABELS.has(label)) throw new Error(`unexpected label ${label}`);
        await session.executeWrite((tx) =>
          tx.run(`MERGE (n:Entity:${label} {id: $id}) ON CREATE SET n.name = $name`, {
            id,
            name: names.get(id)!.name,
          }),
        );
      }
      for (const e of r.evidence)
        await session.executeWrite((tx) =>
          tx.run(
            `MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
             MERGE (a)-[rel:${r.type}]->(b)
             SET rel.evidenceDocs = coalesce(rel.evidenceDocs, []) + $doc,
                 rel.evidenceSentences = coalesce(rel.evidenceSentences, []) + $sentence,
                 rel.evidenceRules = coalesce(rel.evidenceRules, []) + $rule`,
            { source: r.source, target: r.target, doc: e.documentId, sentence: e.sentence, rule: e.rule },
          ),
        );
    }
    const rate = extraction.relations.length / ((performance.now() - started) / 1000);
    await wipeNeo4j(driver);
    return rate;
  } finally {
    await session.close();
    await driver.close();
  }
}
