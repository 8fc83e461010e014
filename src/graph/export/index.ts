// `export`: the whole graph from a store in one of four formats, streamed to a
// file or standard output (CSV: a folder of files).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Extraction } from "../../types.js";
import type { GraphStore } from "../store.js";
import { writeCsv } from "./csv.js";
import { writeGexf } from "./gexf.js";
import type { NodeExtras } from "./graphml.js";
import { writeGraphML } from "./graphml.js";

import type { ExportFormat } from "./formats.js";

export { EXPORT_FORMATS } from "./formats.js";
export type { ExportFormat } from "./formats.js";

async function extrasOf(store: GraphStore, ids: string[]): Promise<Map<string, NodeExtras>> {
  const extras = new Map<string, NodeExtras>();
  for (let i = 0; i < ids.length; i += 5000)
    for (const e of await store.getEntities(ids.slice(i, i + 5000)))
      if (e)
        extras.set(e.id, {
          documentCount: e.documentCount,
          degree: e.degree,
          pagerank: e.pagerank,
          community: e.community,
        });
  return extras;
}

async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
}

/** JSON: the interchange format, entity by entity so that a large graph never becomes one string. */
function* jsonChunks(extraction: Extraction): Generator<string> {
  const list = function* (name: string, items: unknown[], last: boolean) {
    yield `  "${name}": [`;
    for (const [i, item] of items.entries()) yield `${i ? "," : ""}\n    ${JSON.stringify(item)}`;
    yield `${items.length ? "\n  " : ""}]${last ? "" : ","}\n`;
  };
  yield "{\n";
  yield* list("documents", extraction.documents, false);
  yield* list("entities", extraction.entities, false);
  yield* list("relations", extraction.relations, true);
  yield "}\n";
}

/**
 * Write the export; `out` is a path (a folder for CSV) or undefined for standard
 * output. Returns the files written.
 */
export async function exportGraph(store: GraphStore, format: ExportFormat, out?: string): Promise<string[]> {
  const extraction = await store.exportAll();
  if (format === "csv") {
    if (!out) throw new Error("CSV export writes a folder: give --out DIR");
    return writeCsv(extraction, out);
  }
  const target: Writable = out ? createWriteStream(out) : process.stdout;
  if (format === "json") await writeAll(target, jsonChunks(extraction));
  else {
    const extras = await extrasOf(
      store,
      extraction.entities.map((e) => e.id),
    );
    if (format === "graphml") await writeAll(target, writeGraphML(extraction, extras));
    else await writeAll(target, [writeGexf(extraction, extras)]);
  }
  if (out) {
    target.end();
    await once(target, "finish");
    return [out];
  }
  return [];
}
