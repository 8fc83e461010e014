// Gathers the extractions of an ingest run (app/ingest.ts hands it file after file,
// as it would a store) into one extraction for the bulk load. A first load has no
// earlier version of a document to replace, so a document id that comes twice is
// refused (the file is reported as failed, as any file the store refuses).
import type { Extraction } from "../../../types.js";
import type { GraphStore, IngestOptions, IngestSummary } from "../../store.js";
import { GraphStoreError } from "../../store.js";
import { emptySummary } from "../../prepare.js";

export class ExtractionCollector implements Pick<GraphStore, "ingest" | "computeAnalytics"> {
  private readonly seen = new Set<string>();
  private readonly collected: Extraction = { documents: [], entities: [], relations: [] };

  async ingest(extraction: Extraction, options: IngestOptions = {}): Promise<IngestSummary> {
    for (const doc of extraction.documents)
      if (this.seen.has(doc.id))
        throw new GraphStoreError(
          "BAD_EXTRACTION",
          `document ${doc.id} occurs twice in the inputs; the bulk load takes each document once (drop the duplicate, or ingest without --bulk)`,
        );
    for (const doc of extraction.documents) this.seen.add(doc.id);
    // Loops, not push(...list): a spread of a million records overflows the stack.
    for (const d of extraction.documents) this.collected.documents.push(d);
    for (const e of extraction.entities) this.collected.entities.push(e);
    for (const r of extraction.relations) this.collected.relations.push(r);
    const summary = emptySummary(options.dryRun ?? false);
    summary.documents.added = extraction.documents.length;
    return summary;
  }

  /** Analytics come after the load, on the database. */
  async computeAnalytics(): Promise<void> {}

  result(): Extraction {
    return this.collected;
  }
}
