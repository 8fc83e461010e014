// The bulk load's CSV dialect (neo4j-admin import): quoting of awkward text, list
// items, header types, and one file per property signature. That the importer reads
// it back to the same values is checked against a real server in bulk.neo4j.test.ts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ARRAY_DELIMITER,
  BulkCsvError,
  CsvTables,
  csvField,
  csvType,
} from "../../src/graph/neo4j/bulk/csv.js";

const D = ARRAY_DELIMITER;

describe("bulk CSV fields", () => {
  it("quotes strings, doubling inner quotes; commas, semicolons and newlines stay inside the quotes", () => {
    expect(csvField('引号"内"，逗号,分号;')).toBe('"引号""内""，逗号,分号;"');
    expect(csvField("换行\n第二行\r\n")).toBe('"换行\n第二行\r\n"');
    expect(csvField("")).toBe('""');
  });

  it("writes numbers, counts and booleans bare and joins list items with U+001F", () => {
    expect(csvField(2.5)).toBe("2.5");
    expect(csvField(7n)).toBe("7");
    expect(csvField(false)).toBe("false");
    expect(csvField(['a"b', "c,d", ""])).toBe(`"a""b${D}c,d${D}"`);
    expect(csvField([1, 2.5])).toBe(`"1${D}2.5"`);
  });

  it("types columns as Neo4j does: JavaScript numbers as double, bigint as long, and no type for lists CSV cannot carry", () => {
    expect(csvType("x")).toBe("string");
    expect(csvType(1)).toBe("double");
    expect(csvType(1n)).toBe("long");
    expect(csvType(true)).toBe("boolean");
    expect(csvType(["a"])).toBe("string[]");
    expect(csvType([0.5])).toBe("double[]");
    expect(csvType([])).toBeNull();
    expect(csvType([""])).toBeNull();
  });

  it("refuses a list item that contains the list delimiter", () => {
    expect(() => csvField([`a${D}b`])).toThrow(BulkCsvError);
  });
});

describe("bulk CSV tables", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("puts rows of different property signatures in files of their own, each with its typed header", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pg-bulk-csv-"));
    const tables = new CsvTables(dir, "entities", "id:ID(Entity),:LABEL");
    const empties: [string, string[]][] = [];
    const onEmpty = (k: string, v: string[]) => empties.push([k, v]);
    await tables.add('"a","Zone"', { name: "甲", count: 2n, tags: ["x", "y"] }, onEmpty);
    await tables.add('"b","Zone"', { name: "乙\n丙", count: 3n, tags: [] }, onEmpty);
    await tables.add('"c","Zone"', { name: "丁", count: 1.5, tags: ["z"] }, onEmpty);
    const files = await tables.close();
    expect(files.map((f) => [path.basename(f.file), f.rows, f.multiline])).toEqual([
      ["entities-1.csv", 1, false],
      ["entities-2.csv", 1, true],
      ["entities-3.csv", 1, false],
    ]);
    expect(await readFile(files[0]!.file, "utf8")).toBe(
      `id:ID(Entity),:LABEL,name:string,count:long,tags:string[]\n"a","Zone","甲",2,"x${D}y"\n`,
    );
    expect(await readFile(files[1]!.file, "utf8")).toBe(
      `id:ID(Entity),:LABEL,name:string,count:long\n"b","Zone","乙\n丙",3\n`,
    );
    expect(await readFile(files[2]!.file, "utf8")).toBe(
      `id:ID(Entity),:LABEL,name:string,count:double,tags:string[]\n"c","Zone","丁",1.5,"z"\n`,
    );
    expect(empties).toEqual([["tags", []]]);
    expect(tables.always("tags")).toBe(true);
    expect(tables.always("missing")).toBe(false);
  });

  it("refuses a property name that cannot be a header column", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pg-bulk-csv-"));
    const tables = new CsvTables(dir, "x", "id:ID(Entity),:LABEL");
    expect(() => tables.add('"a","Zone"', { "a:b": "v" }, () => {})).toThrow(BulkCsvError);
    tables.destroy();
  });
});
