import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphML } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { writeCsv } from "../../src/graph/export/csv.js";
import { writeGexf } from "../../src/graph/export/gexf.js";
import { writeGraphML } from "../../src/graph/export/graphml.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { fixture, ids } from "./store.contract.js";

async function exported() {
  const store = new MemoryGraphStore(null);
  await store.ingest(fixture("base"));
  await store.ingest(fixture("third"));
  return store.exportAll();
}

describe("exports", () => {
  it("writes GraphML that parses back to the same nodes, edges and names", async () => {
    const x = await exported();
    const text = [...writeGraphML(x)].join("");
    const g = parseGraphML(MultiDirectedGraph, text);
    expect(g.order).toBe(x.entities.length);
    expect(g.size).toBe(x.relations.length);
    expect(g.getNodeAttribute(ids.donghu, "name")).toBe("武汉东湖高新区");
    expect(JSON.parse(g.getNodeAttribute(ids.donghu, "aliases") as string)).toContain("光谷");
  });

  it("writes GEXF that graphology-gexf reads back", async () => {
    const x = await exported();
    const g = parseGexf(MultiDirectedGraph, writeGexf(x));
    expect(g.order).toBe(x.entities.length);
    expect(g.size).toBe(x.relations.length);
  });

  it("writes CSV with neo4j-admin import headers", async () => {
    const x = await exported();
    const dir = mkdtempSync(path.join(tmpdir(), "pg-csv-"));
    await writeCsv(x, dir);
    const files = readdirSync(dir);
    expect(files).toEqual(
      expect.arrayContaining([
        "documents.csv",
        "nodes_Zone.csv",
        "relationships_FOCUSES_ON.csv",
        "mentions.csv",
      ]),
    );
    const zones = readFileSync(path.join(dir, "nodes_Zone.csv"), "utf8").split("\n");
    expect(zones[0]).toBe("id:ID,:LABEL,name,aliases:string[],properties");
    expect(zones.some((l) => l.startsWith(`${ids.donghu},Entity;Zone,武汉东湖高新区,`))).toBe(true);
    const focus = readFileSync(path.join(dir, "relationships_FOCUSES_ON.csv"), "utf8").split("\n");
    expect(focus[0]!.startsWith(":START_ID,:END_ID,:TYPE,")).toBe(true);
    expect(focus.filter((l) => l.includes(",FOCUSES_ON,"))).toHaveLength(5);
  });
});
