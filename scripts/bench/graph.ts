// The large graph for the query benchmark, built from synthetic Extractions
// (src/graph/synthetic.ts) in chunks rather than by extracting pages: a million
// relationships from text would take hours on this machine. Each chunk has its
// own document ids; entity pools are large, so nearly every relationship is
// distinct. Sample names for the queries are read off the first chunk.
import { syntheticExtraction } from "../../src/graph/synthetic.js";
import type { Extraction } from "../../src/types.js";

const PER_DOCUMENT = 10;
const CHUNK_RELATIONS = 100_000;

export interface QueryNames {
  /** Speakers/issuers with announcements (ISSUED, ANNOUNCED). */
  speakers: string[];
  /** Industries that zones focus on. */
  industries: string[];
  /** Entities with relations. */
  entities: string[];
}

function renameDocuments(extraction: Extraction, prefix: string): Extraction {
  // join(), not a template literal: concatenation leaves a cons string, which every
  // later hash flattens (measured ~15% of embedded ingest CPU); ids parsed from
  // JSON, as real extractions are, are flat strings.
  const id = (d: string) => [prefix, d].join("");
  for (const d of extraction.documents) d.id = id(d.id);
  for (const e of extraction.entities) for (const m of e.mentions) m.documentId = id(m.documentId);
  for (const r of extraction.relations) for (const ev of r.evidence) ev.documentId = id(ev.documentId);
  return extraction;
}

/** Chunks of about 100,000 relationships until `relationships` are generated. */
export function* bigGraphChunks(relationships: number, seed = 1): Generator<Extraction> {
  const pool = Math.max(2_000, Math.round(relationships / 6));
  for (let done = 0, chunk = 0; done < relationships; chunk++) {
    const n = Math.min(CHUNK_RELATIONS, relationships - done);
    const extraction = syntheticExtraction({
      documents: Math.ceil(n / PER_DOCUMENT),
      relationsPerDocument: PER_DOCUMENT,
      seed: seed * 1000 + chunk,
      pool,
    });
    done += extraction.relations.length;
    yield renameDocuments(extraction, `c${chunk}_`);
  }
}

/** Names to query: a spread of speakers, industries and connected entities. */
export function queryNames(extraction: Extraction, count = 25): QueryNames {
  const names = new Map(extraction.entities.map((e) => [e.id, e.name]));
  const pick = (ids: string[]) => [...new Set(ids)].slice(0, count).map((id) => names.get(id)!);
  const rels = extraction.relations;
  return {
    speakers: pick(rels.filter((r) => r.type === "ISSUED" || r.type === "ANNOUNCED").map((r) => r.source)),
    industries: pick(
      rels.filter((r) => r.type === "FOCUSES_ON" && r.source.startsWith("Zone:")).map((r) => r.target),
    ),
    entities: pick(rels.filter((r) => r.type === "LOCATED_IN").map((r) => r.source)),
  };
}
