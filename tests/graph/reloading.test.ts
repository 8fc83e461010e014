// The served embedded graph follows its file: a save by another store instance
// (as `policygraph ingest` in another process does) is loaded and swapped in; a
// file that does not load leaves the served graph as it was.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { ReloadingStore } from "../../src/graph/reloading.js";
import { loadFixture } from "../api/helpers.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-reload-"));
  file = path.join(dir, "graph.json");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A store whose graph (the first `documents` of the fixture) has just replaced `file`. */
async function saved(documents: number): Promise<MemoryGraphStore> {
  const fixture = loadFixture();
  const keep = new Set(fixture.documents.slice(0, documents).map((d) => d.id));
  // Not opened: it starts empty, whatever (even a broken file) is there.
  const writer = new MemoryGraphStore(file);
  await writer.ingest({
    ...fixture,
    documents: fixture.documents.filter((d) => keep.has(d.id)),
    entities: fixture.entities
      .map((e) => ({ ...e, mentions: e.mentions.filter((m) => keep.has(m.documentId)) }))
      .filter((e) => e.mentions.length > 0),
    relations: fixture.relations
      .map((r) => ({ ...r, evidence: r.evidence.filter((ev) => keep.has(ev.documentId)) }))
      .filter((r) => r.evidence.length > 0),
  });
  await writer.save();
  return writer;
}

async function follow(store: MemoryGraphStore) {
  const log: string[] = [];
  const events: (Error | undefined)[] = [];
  let wake = () => {};
  const reloading = await ReloadingStore.follow(store, file, {
    load: async () => {
      const next = new MemoryGraphStore(file);
      await next.open();
      return next;
    },
    log: (m) => log.push(m),
    onReload: (error) => {
      events.push(error);
      wake();
    },
    settleMs: 20,
  });
  const nextReload = () => new Promise<void>((resolve) => (wake = resolve));
  return { reloading, log, events, nextReload };
}

describe("ReloadingStore", () => {
  it("serves what another instance saved to the file, without a restart", async () => {
    const first = await saved(1);
    const { reloading, log, nextReload } = await follow(first);
    try {
      expect((await reloading.stats()).documents).toBe(1);
      const reloaded = nextReload();
      await saved(4);
      await reloaded;
      expect((await reloading.stats()).documents).toBe(4);
      const ids = loadFixture().entities.map((e) => e.id);
      expect((await reloading.getEntities(ids)).filter(Boolean).length).toBe(ids.length);
      expect(log.at(-1)).toMatch(/^reloaded .*graph\.json: \d+ entities, \d+ relationships, 4 documents/);
    } finally {
      await reloading.close();
    }
  });

  it("keeps serving the loaded graph when the new file does not load, and says so in one line", async () => {
    const first = await saved(2);
    const { reloading, log, events, nextReload } = await follow(first);
    try {
      const failed = nextReload();
      await writeFile(file, '{"format": "policygraph-memory", "broken');
      await failed;
      expect(events.at(-1)).toBeInstanceOf(Error);
      expect((await reloading.stats()).documents).toBe(2);
      expect(log.at(-1)).toMatch(/graph\.json changed but did not load \(.+\); still serving/);
      expect(log.at(-1)).not.toContain("\n");
      // A good save after the bad one is picked up again.
      const recovered = nextReload();
      await saved(3);
      await recovered;
      expect((await reloading.stats()).documents).toBe(3);
    } finally {
      await reloading.close();
    }
  });

  it("stops following when closed", async () => {
    const first = await saved(1);
    const { reloading, events } = await follow(first);
    await reloading.close();
    await saved(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([]);
  });
});
