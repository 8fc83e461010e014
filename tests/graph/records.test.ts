import { describe, expect, it } from "vitest";
import { Generations } from "../../src/generations.js";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { fixture, ids } from "./store.contract.js";

describe("remembered entity records (embedded store)", () => {
  it("hands out one frozen record per entity until the graph changes", async () => {
    const store = new MemoryGraphStore(null);
    await store.open();
    await store.ingest(fixture("base"));
    const [first] = await store.getEntities([ids.miit]);
    const [again] = await store.getEntities([ids.miit]);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.aliases)).toBe(true);
    expect(Object.isFrozen(first!.properties)).toBe(true);
    expect(() => first!.aliases.push("changed")).toThrow(TypeError);

    // A write invalidates: the next read decodes the entity as it now is.
    await store.ingest(fixture("third"));
    await store.computeAnalytics();
    const [after] = await store.getEntities([ids.miit]);
    expect(after).not.toBe(first);
    expect(after!.degree).toBeGreaterThan(0);
    expect(first!.degree).toBeUndefined();
    await store.close();
  });
});

describe("Generations", () => {
  it("keeps what recurs and drops what does not, within two tables", () => {
    const memo = new Generations<number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    memo.set("c", 3); // young {a, b} becomes old; young {c}
    expect(memo.get("a")).toBe(1); // moved back into young {c, a}
    memo.set("d", 4); // young {c, a} becomes old; {b} is dropped
    expect(memo.get("b")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
    expect(memo.get("c")).toBe(3);
  });
});
