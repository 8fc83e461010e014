// CSV in the header conventions of `neo4j-admin database import full`: one node
// file per label (`id:ID`, `:LABEL`, arrays as `:string[]` split on `;`) and one
// relationship file per type (`:START_ID`, `:END_ID`, `:TYPE`, evidence as
// parallel arrays, as the Neo4j store keeps it). Documents and their MENTIONS too.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Extraction } from "../../types.js";
import { relationKey } from "../../ids.js";

/** RFC 4180 field; `;` inside array elements would split them, so it becomes `；`. */
const field = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const array = (values: readonly unknown[]) =>
  field(values.map((v) => String(v).replace(/;/g, "；")).join(";"));
const line = (cells: string[]) => cells.join(",") + "\n";

export async function writeCsv(extraction: Extraction, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const save = async (name: string, header: string[], rows: string[]) => {
    const file = path.join(dir, name);
    await writeFile(file, line(header) + rows.join(""));
    written.push(file);
  };
  await save(
    "documents.csv",
    ["id:ID", ":LABEL", "title", "date", "source", "hash"],
    extraction.documents.map((d) =>
      line([field(d.id), "Document", field(d.title), field(d.date), field(d.source), field(d.hash)]),
    ),
  );
  const labels = [...new Set(extraction.entities.map((e) => e.label))].sort();
  for (const label of labels)
    await save(
      `nodes_${label}.csv`,
      ["id:ID", ":LABEL", "name", "aliases:string[]", "properties"],
      extraction.entities
        .filter((e) => e.label === label)
        .map((e) =>
          line([
            field(e.id),
            `Entity;${label}`,
            field(e.name),
            array(e.aliases),
            field(JSON.stringify(e.properties)),
          ]),
        ),
    );
  const types = [...new Set(extraction.relations.map((r) => r.type))].sort();
  for (const type of types)
    await save(
      `relationships_${type}.csv`,
      [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "key",
        "properties",
        "evDoc:string[]",
        "evSentence:string[]",
        "evStart:int[]",
        "evEnd:int[]",
        "evRule:string[]",
      ],
      extraction.relations
        .filter((r) => r.type === type)
        .map((r) =>
          line([
            field(r.source),
            field(r.target),
            type,
            field(relationKey(r.type, r.source, r.target)),
            field(JSON.stringify(r.properties)),
            array(r.evidence.map((e) => e.documentId)),
            array(r.evidence.map((e) => e.sentence)),
            array(r.evidence.map((e) => e.start)),
            array(r.evidence.map((e) => e.end)),
            array(r.evidence.map((e) => e.rule)),
          ]),
        ),
    );
  await save(
    "mentions.csv",
    [":START_ID", ":END_ID", ":TYPE", "starts:int[]", "ends:int[]", "texts:string[]"],
    extraction.entities.flatMap((e) => {
      const byDoc = new Map<string, typeof e.mentions>();
      for (const m of e.mentions) byDoc.set(m.documentId, [...(byDoc.get(m.documentId) ?? []), m]);
      return [...byDoc].map(([doc, ms]) =>
        line([
          field(doc),
          field(e.id),
          "MENTIONS",
          array(ms.map((m) => m.start)),
          array(ms.map((m) => m.end)),
          array(ms.map((m) => m.text)),
        ]),
      );
    }),
  );
  return written;
}
