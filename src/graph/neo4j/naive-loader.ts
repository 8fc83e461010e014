// The baseline the Neo4j loader is measured against: what a straightforward
// script does, one MERGE per auto-commit transaction (each node, each mention,
// each relationship with its evidence), on the same schema (constraints and
// indexes applied, so every MERGE is an index seek: the baseline is slow for
// the round trips and commits, not for missing indexes). It writes the same
// properties as the real loader, so the two can be compared on the same sample;
// it is a benchmark baseline only, not an ingestion path.
import type { Driver } from "neo4j-driver";
import { entityId, normaliseName, relationKey } from "../../ids.js";
import type { Extraction, NodeLabel, RelationType } from "../../types.js";
import { NODE_LABELS, RELATION_TYPES } from "../../types.js";
import { checked } from "./writes.js";

export interface NaiveLoadResult {
  /** Relations (with their evidence) written. */
  relations: number;
  /** Statements sent, one transaction each. */
  transactions: number;
  seconds: number;
}

export async function naiveLoad(
  driver: Driver,
  extraction: Extraction,
  database?: string,
): Promise<NaiveLoadResult> {
  const started = performance.now();
  const session = driver.session({ database });
  let transactions = 0;
  const run = async (query: string, params: Record<string, unknown>) => {
    await session.run(query, params);
    transactions++;
  };
  try {
    for (const d of extraction.documents)
      await run(`MERGE (d:Document {id: $id}) SET d.title = $title, d.date = $date, d.hash = $hash`, {
        id: d.id,
        title: d.title,
        date: d.date ?? null,
        hash: d.hash ?? null,
      });
    const remap = new Map<string, string>();
    for (const e of extraction.entities) {
      const label = checked(e.label, NODE_LABELS) as NodeLabel;
      const id = entityId(label, e.name);
      remap.set(e.id, id);
      await run(
        `MERGE (e:${label} {id: $id}) SET e:Entity, e.label = $label, e.name = $name, e.normName = $norm,
           e.aliases = $aliases`,
        { id, label, name: e.name, norm: normaliseName(e.name), aliases: e.aliases },
      );
      for (const m of e.mentions)
        await run(
          `MATCH (d:Document {id: $doc}), (e:Entity {id: $id})
           MERGE (d)-[m:MENTIONS]->(e)
           SET m.starts = coalesce(m.starts, []) + $start, m.ends = coalesce(m.ends, []) + $end,
               m.texts = coalesce(m.texts, []) + $text`,
          { doc: m.documentId, id, start: m.start, end: m.end, text: m.text },
        );
    }
    let relations = 0;
    for (const r of extraction.relations) {
      const type = checked(r.type, RELATION_TYPES) as RelationType;
      const source = remap.get(r.source) ?? r.source;
      const target = remap.get(r.target) ?? r.target;
      for (const e of r.evidence)
        await run(
          `MATCH (s:Entity {id: $source}), (t:Entity {id: $target})
           MERGE (s)-[r:${type}]->(t)
           SET r.key = $key, r.evDoc = coalesce(r.evDoc, []) + $doc,
               r.evSentence = coalesce(r.evSentence, []) + $sentence,
               r.evStart = coalesce(r.evStart, []) + $start, r.evEnd = coalesce(r.evEnd, []) + $end,
               r.evRule = coalesce(r.evRule, []) + $rule`,
          {
            source,
            target,
            key: relationKey(type, source, target),
            doc: e.documentId,
            sentence: e.sentence,
            start: e.start,
            end: e.end,
            rule: e.rule,
          },
        );
      relations++;
    }
    return { relations, transactions, seconds: (performance.now() - started) / 1000 };
  } finally {
    await session.close();
  }
}
