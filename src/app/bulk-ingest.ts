// `policygraph ingest <paths> --neo4j managed --bulk`: the pages are extracted as
// for any ingest (same workers, same batches, same failures per file), gathered,
// and loaded into the managed server's empty database by neo4j-admin import
// (graph/neo4j/bulk/), then the analytics are computed on it as after an ingest.
import { UserError } from "../cli/errors.js";
import { ExtractionCollector } from "../graph/neo4j/bulk/collect.js";
import { bulkLoadNeo4j } from "../graph/neo4j/bulk/import.js";
import type { BulkLoadResult } from "../graph/neo4j/bulk/import.js";
import { Neo4jGraphStore } from "../graph/neo4j/store.js";
import type { StartOptions } from "../neo4j/index.js";
import type { IngestPathsOptions, IngestPathsResult } from "./ingest.js";
import { ingestPaths } from "./ingest.js";

export interface BulkIngestOptions extends Omit<IngestPathsOptions, "dryRun"> {
  /** Discard what the database holds (default: refuse unless it is empty). */
  replace?: boolean;
  /** The managed instance and how it starts (default: the CLI's server, options from the environment). */
  start?: StartOptions;
  log?: (line: string) => void;
}

export interface BulkIngestResult {
  extraction: IngestPathsResult;
  load: BulkLoadResult | null;
  analyticsSeconds: number;
}

export async function bulkIngestPaths(
  inputs: string[],
  options: BulkIngestOptions = {},
): Promise<BulkIngestResult> {
  const log = options.log ?? (() => {});
  const collector = new ExtractionCollector();
  const { replace: _r, start: _s, log: _l, ...extractOptions } = options;
  const extraction = await ingestPaths(collector, inputs, { ...extractOptions, dryRun: false });
  const collected = collector.result();
  if (collected.documents.length === 0) {
    if (extraction.failures.length > 0) return { extraction, load: null, analyticsSeconds: 0 };
    throw new UserError(`no documents in ${inputs.join(", ")}: nothing to load`);
  }
  log(
    `Extracted ${collected.documents.length} document(s), ${collected.relations.length} relation(s) in ${extraction.seconds.toFixed(1)} s`,
  );
  const load = await bulkLoadNeo4j(collected, {
    replace: options.replace ?? false,
    log,
    ...(options.start ? { start: options.start } : {}),
  });
  const t = performance.now();
  log("Computing degree, PageRank and communities …");
  const store = new Neo4jGraphStore(load.connection);
  try {
    await store.computeAnalytics();
  } finally {
    await store.close();
  }
  return { extraction, load, analyticsSeconds: (performance.now() - t) / 1000 };
}
