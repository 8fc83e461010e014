import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { syntheticExtraction } from "../../src/graph/synthetic.js";
import { describeGraphStore, fixture } from "./store.contract.js";

describeGraphStore("embedded", async () => {
  const store = new MemoryGraphStore(null);
  await store.open();
  return store;
});

const here = path.dirname(fileURLToPath(import.meta.url));
const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "pg-store-")), "graph.json");

async function snapshot(store: MemoryGraphStore) {
  const ids = (await store.exportAll()).entities.map((e) => e.id);
  return { all: await store.exportAll(), stats: await store.stats(), entities: await store.getEntities(ids) };
}

describe("embedded store file", () => {
  it("loads back the identical graph, analytics included", async () => {
    const file = tempFile();
    const store = new MemoryGraphStore(file);
    await store.open();
    await store.ingest(fixture("base"));
    await store.ingest(fixture("third"));
    await store.ingest(fixture("changed-news2"));
    await store.computeAnalytics();
    const before = await snapshot(store);
    await store.close();
    const reopened = new MemoryGraphStore(file);
    await reopened.open();
    expect(await snapshot(reopened)).toEqual(before);
    // Incremental ingestion keeps working after a reload: the same file is still a no-op.
    const summary = await reopened.ingest(fixture("third"));
    expect(summary.documents.unchanged).toBe(1);
    expect(await reopened.stats()).toEqual(before.stats);
  });

  it("stores a versioned format and refuses a truncated or foreign file", async () => {
    const file = tempFile();
    const store = new MemoryGraphStore(file);
    await store.open();
    await store.ingest(fixture("base"));
    await store.close();
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text.split("\n")[0]!)).toEqual({
      t: "header",
      format: "policygraph-embedded",
      version: 2,
    });
    writeFileSync(file, text.slice(0, Math.floor(text.length * 0.6)));
    await expect(new MemoryGraphStore(file).open()).rejects.toThrow(/truncated|not JSON/);
    writeFileSync(file, '{"hello":"world"}\n');
    await expect(new MemoryGraphStore(file).open()).rejects.toThrow(/not a PolicyGraph/);
  });

  it("keeps a loadable file when the saving process is killed with SIGKILL", async () => {
    const file = tempFile();
    const first = new MemoryGraphStore(file);
    await first.open();
    await first.ingest(fixture("base"));
    await first.close();
    const small = (await new MemoryGraphStore(file).open().then(() => readFileSync(file, "utf8"))).length;
    for (const delay of [5, 60, 250]) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(here, "helpers/save-forever.ts"), file],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.once("error", reject);
        child.stdout.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("saving")) setTimeout(resolve, delay);
        });
      });
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const reopened = new MemoryGraphStore(file);
      await reopened.open();
      const stats = await reopened.stats();
      // Either the old graph or the complete new one, never a mix.
      expect([2, 3002]).toContain(stats.documents);
    }
    // Killed saves may leave temp files behind, but never in place of the store.
    expect(readdirSync(path.dirname(file))).toContain("graph.json");
    expect(readFileSync(file, "utf8").length).toBeGreaterThanOrEqual(small);
  });

  it("holds a larger synthetic graph and reloads it unchanged", async () => {
    const extraction = syntheticExtraction({ documents: 500 });
    const file = tempFile();
    const store = new MemoryGraphStore(file);
    await store.open();
    await store.ingest(extraction);
    const stats = await store.stats();
    expect(stats.documents).toBe(500);
    expect(stats.evidence).toBe(extraction.relations.length);
    await store.close();
    const reopened = new MemoryGraphStore(file);
    await reopened.open();
    expect(await reopened.stats()).toEqual(stats);
  });
});
