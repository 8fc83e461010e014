// Query-shape limits: deep, aliased, costly and huge queries are rejected
// before they run; the queries the README shows pass.
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../src/graph/store.js";
import { countingStore, openFixtureStore, run } from "./helpers.js";

let store: GraphStore;
beforeAll(async () => {
  store = await openFixtureStore();
});

function nested(levels: number): string {
  let inner = "name";
  for (let i = 0; i < levels; i++) inner = `relations { edges { node { ${inner} } } }`;
  return `{ entity(name: "人工智能") { ${inner} } }`;
}

async function rejected(query: string, pattern: RegExp): Promise<void> {
  const { store: counted, total } = countingStore(store);
  const result = await run(counted, query);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  expect(result.errors?.[0]?.message).toMatch(pattern);
  expect(total()).toBe(0); // rejected before any store call
}

describe("limits", () => {
  it("two levels of relations pass; four are too deep", async () => {
    expect((await run(store, nested(2))).errors).toBeUndefined();
    await rejected(nested(4), /depth/i);
  });

  it("too many aliases are rejected", async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: stats { documents }`).join(" ");
    await rejected(`{ ${aliases} }`, /alias/i);
    const fine = Array.from({ length: 5 }, (_, i) => `a${i}: stats { documents }`).join(" ");
    expect((await run(store, `{ ${fine} }`)).errors).toBeUndefined();
  });

  it("nested pages of 100 cost too much", async () => {
    await rejected(
      `{ search(text: "区", first: 100) { edges { node { relations(first: 100) { edges { node { name } evidence { title sentence } } } } } } }`,
      /cost/i,
    );
  });

  it("a query of too many tokens is refused at parse time", async () => {
    const fields = Array.from({ length: 2500 }, () => "documents").join(" ");
    const result = await run(store, `{ stats { ${fields} } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/tokens/);
  });

  it("introspection (the IDE needs it) is not limited by depth", async () => {
    const result = await run(
      store,
      `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
  });
});
