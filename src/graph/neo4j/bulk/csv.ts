// CSV in the dialect of `neo4j-admin database import`: a header of typed columns
// (`name:string[]`, `:ID(Entity)` …), every string quoted with inner quotes doubled
// (RFC 4180, the importer's default), array elements joined by a control character
// that news text does not contain. Rows of one kind whose properties differ in name
// or type go to tables (files) of their own, each with its header: the importer
// types a column once per file, and an empty unquoted field means "no property".
//
// What CSV cannot say is handed back as fix-ups: the importer stores neither an empty
// list nor the list [""] (both read as an empty field), so those are left out of the
// row and set afterwards through Cypher (bulk/import.ts). The importer has no option
// for it (neo4j/neo4j#13566, open; it has dropped empty arrays on purpose since #4299).
import { createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { StoredProperties, StoredValue } from "../params.js";

/** U+001F (unit separator): a control character, never part of a page's text. */
export const ARRAY_DELIMITER = "\u001f";

export class BulkCsvError extends Error {
  override name = "BulkCsvError";
}

type Kind = "string" | "double" | "long" | "boolean";

function kindOf(value: string | number | boolean | bigint): Kind {
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "double";
    case "bigint":
      return "long";
    default:
      return "boolean";
  }
}

/** The header type of a value, or null for the lists CSV cannot carry (fix-ups). */
export function csvType(value: StoredValue): string | null {
  if (!Array.isArray(value)) return kindOf(value);
  if (value.length === 0 || (value.length === 1 && value[0] === "")) return null;
  return `${kindOf(value[0]!)}[]`;
}

export function quote(text: string): string {
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
}

function element(value: string | number | boolean | bigint): string {
  if (typeof value !== "string") return String(value);
  if (value.includes(ARRAY_DELIMITER))
    throw new BulkCsvError(
      `a list value contains the control character U+001F, which the bulk CSV uses between list items: ${JSON.stringify(value.slice(0, 40))}`,
    );
  return value;
}

/** One field: strings and lists quoted, numbers and booleans bare. */
export function csvField(value: StoredValue): string {
  if (typeof value === "string") return quote(value);
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return '""';
  let joined = element(value[0]!);
  for (let i = 1; i < value.length; i++) joined += ARRAY_DELIMITER + element(value[i]!);
  return quote(joined);
}

const NEWLINE = /[\r\n]/;

function hasNewline(value: StoredValue): boolean {
  if (typeof value === "string") return NEWLINE.test(value);
  if (Array.isArray(value)) for (const v of value) if (typeof v === "string" && NEWLINE.test(v)) return true;
  return false;
}

/** A file of rows of one header. */
interface Table {
  file: string;
  stream: WriteStream;
  /** Property names in column order. */
  columns: string[];
  rows: number;
  /** Some field spans lines: the importer must be told (`--multiline-fields`), which costs it speed. */
  multiline: boolean;
  /** Rows not yet handed to the stream. */
  pending: string;
}

export interface TableFile {
  file: string;
  rows: number;
  multiline: boolean;
}

/**
 * The tables of one kind of record (nodes, or relationships): the leading columns
 * (`:ID`, `:LABEL` / `:START_ID`, `:END_ID`, `:TYPE`) fixed, the property columns
 * from each row's own properties. Rows are written as they come (the caller awaits
 * `add`, which waits while a file's buffer drains), so memory holds no file.
 */
export class CsvTables {
  private readonly tables = new Map<string, Table>();
  private readonly closed: TableFile[] = [];
  /** Rows written, and per property the rows whose value went to onEmpty. */
  rows = 0;
  private readonly empty = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    /** Header of the leading columns, e.g. `id:ID(Entity),:LABEL`. */
    private readonly lead: string,
  ) {}

  /**
   * Write a row: `lead` are the leading fields, already encoded; `onEmpty` receives
   * the properties CSV cannot carry (to be set afterwards). Returns a promise only
   * when the file's buffer is full (await it before the next row), so that the
   * common row costs no promise.
   */
  add(
    lead: string,
    properties: StoredProperties,
    onEmpty: (property: string, value: string[]) => void,
  ): Promise<void> | undefined {
    // One pass: the signature and the fields together (a signature fixes the column order).
    let signature = "";
    let fields = "";
    let newline = false;
    this.rows++;
    for (const key in properties) {
      const value = properties[key]!;
      const type = csvType(value);
      if (type === null) {
        this.empty.set(key, (this.empty.get(key) ?? 0) + 1);
        onEmpty(key, value as string[]);
        continue;
      }
      signature += key + ":" + type + ",";
      fields += "," + csvField(value);
      if (!newline && typeof value !== "number" && typeof value !== "bigint" && hasNewline(value))
        newline = true;
    }
    const table = this.tables.get(signature) ?? this.open(signature, properties);
    if (newline) table.multiline = true;
    table.rows++;
    // Rows go to the stream some 64 kB at a time: a write per row costs a Buffer and
    // a stream call each, a tenth of the whole CSV writing time.
    table.pending += lead + fields + "\n";
    if (table.pending.length < 1 << 16) return undefined;
    const flushed = table.stream.write(table.pending);
    table.pending = "";
    return flushed ? undefined : once(table.stream, "drain").then(() => undefined);
  }

  /** A property name is a header field as is: no room for the header's own punctuation. */
  private checkName(key: string): void {
    if (/[,:"\r\n]/.test(key) || key.includes(ARRAY_DELIMITER) || key === "")
      throw new BulkCsvError(`the property name ${JSON.stringify(key)} cannot be a CSV header column`);
  }

  private open(signature: string, sample: StoredProperties): Table {
    const columns = Object.keys(sample).filter((k) => csvType(sample[k]!) !== null);
    for (const key of columns) this.checkName(key);
    const file = path.join(this.dir, `${this.prefix}-${this.tables.size + 1}.csv`);
    const stream = createWriteStream(file, { highWaterMark: 1 << 20 });
    const header = [this.lead, ...columns.map((c) => `${c}:${csvType(sample[c]!)}`)].join(",");
    stream.write(header + "\n");
    const table: Table = { file, stream, columns, rows: 0, multiline: false, pending: "" };
    this.tables.set(signature, table);
    return table;
  }

  /** Flush and close every file; the tables written, in order. */
  async close(): Promise<TableFile[]> {
    for (const t of this.tables.values()) {
      t.stream.end(t.pending);
      t.pending = "";
      await once(t.stream, "finish");
      this.closed.push({ file: t.file, rows: t.rows, multiline: t.multiline });
    }
    return this.closed;
  }

  /** The property columns of each table (file) written. */
  columnSets(): string[][] {
    return [...this.tables.values()].map((t) => t.columns);
  }

  /** Whether every row written has the property (so a row without it in the database is one CSV left out). */
  always(key: string): boolean {
    let rows = this.empty.get(key) ?? 0;
    for (const t of this.tables.values()) if (t.columns.includes(key)) rows += t.rows;
    return rows === this.rows;
  }

  /** Close without waiting for anything (after a failure; the files are thrown away). */
  destroy(): void {
    for (const t of this.tables.values()) t.stream.destroy();
    this.tables.clear();
  }
}
