// Every bad input is a GraphQL error with extensions.code (BAD_USER_INPUT for
// bad argument values, whether sent inline or as variables), and nothing
// internal leaks: no stack traces, no store messages, no credentials.
import { beforeAll, describe, expect, it } from "vitest";
import { GraphStoreError } from "../../src/graph/store.js";
import type { GraphStore } from "../../src/graph/store.js";
import { createApolloServer } from "../../src/api/server.js";
import { openFixtureStore, run } from "./helpers.js";
import type { Result } from "./helpers.js";

let store: GraphStore;
beforeAll(async () => {
  store = await openFixtureStore();
});

function codes(result: Result): unknown[] {
  expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(error.extensions).not.toHaveProperty("stacktrace");
    expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  }
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

const BAD_INPUTS: [string, string, Record<string, unknown>?][] = [
  ["unknown label (inline)", `{ entity(name: "工信部", label: Ministry) { id } }`],
  [
    "unknown label (variable)",
    `query($l: Label) { entity(name: "工信部", label: $l) { id } }`,
    { l: "Ministry" },
  ],
  [
    "unknown label in a list",
    `query($l: [Label!]) { search(text: "区", labels: $l) { totalCount } }`,
    { l: ["Zone", "Town"] },
  ],
  ["bad cursor", `{ search(text: "区", after: "not-a-cursor") { totalCount } }`],
  [
    "cursor of the wrong shape",
    `query($a: String) { search(text: "区", after: $a) { totalCount } }`,
    { a: Buffer.from("pg1:-4").toString("base64url") },
  ],
  ["malformed date (inline)", `{ announcements(since: "2024-13-01") { totalCount } }`],
  [
    "malformed date (variable)",
    `query($d: Date) { announcements(until: $d) { totalCount } }`,
    { d: "15/10/2024" },
  ],
  ["date of the wrong type", `{ announcements(since: 20240101) { totalCount } }`],
  ["since after until", `{ announcements(since: "2024-05-01", until: "2024-01-01") { totalCount } }`],
  ["negative first", `{ zoneIndustries(first: -1) { totalCount } }`],
  ["negative first on relations", `{ entity(name: "人工智能") { relations(first: -5) { totalCount } } }`],
  ["entity without id or name", `{ entity { id } }`],
  ["empty search text", `{ search(text: "   ") { totalCount } }`],
  ["overlong search text", `query($t: String!) { search(text: $t) { totalCount } }`, { t: "区".repeat(500) }],
  ["empty relation type list", `{ entity(name: "人工智能") { relations(types: []) { totalCount } } }`],
  ["unknown relation type", `{ entity(name: "人工智能") { relations(types: [OWNS]) { totalCount } } }`],
  ["maxHops out of range", `{ path(from: "王江平", to: "国家发改委", maxHops: 0) { length } }`],
  ["maxHops too large", `{ path(from: "王江平", to: "国家发改委", maxHops: 50) { length } }`],
  ["path from an unknown name", `{ path(from: "不存在", to: "国家发改委") { length } }`],
  [
    "too many ids",
    `query($ids: [ID!]!) { entities(ids: $ids) { id } }`,
    { ids: Array.from({ length: 101 }, (_, i) => `Zone:${i}`) },
  ],
];

describe("bad inputs are BAD_USER_INPUT", () => {
  for (const [name, query, variables] of BAD_INPUTS) {
    it(name, async () => {
      const result = await run(store, query, variables);
      expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
    });
  }

  it("the message names the problem", async () => {
    const result = await run(store, `{ announcements(since: "2024-02-30") { totalCount } }`);
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    const cursor = await run(store, `{ search(text: "区", after: "xyz") { totalCount } }`);
    expect(cursor.errors?.[0]?.message).toMatch(/cursor/);
    expect(cursor.errors?.[0]?.extensions?.argument).toBe("after");
  });

  it("a query error that is not about values keeps its own code", async () => {
    expect(codes(await run(store, `{ entity(name: "x") { nosuchfield } }`))).toEqual([
      "GRAPHQL_VALIDATION_FAILED",
    ]);
    expect(codes(await run(store, `{ entity(name: "x" { id } }`))).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });
});

describe("store failures", () => {
  it("are reported with a code, without the store's message or credentials", async () => {
    const logged: string[] = [];
    const server = createApolloServer({ log: (m) => logged.push(m) });
    const failing: GraphStore = Object.create(store) as GraphStore;
    failing.stats = async () => {
      throw new GraphStoreError(
        "UNAVAILABLE",
        "could not reach neo4j://neo4j:s3cret-pw@db.internal:7687 password=s3cret-pw",
      );
    };
    failing.findByName = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x') at /srv/app/reads.js:10:5");
    };
    const stats = await run(failing, `{ stats { documents } }`, {}, server);
    expect(codes(stats)).toEqual(["STORE_UNAVAILABLE"]);
    expect(stats.errors?.[0]?.extensions?.storeCode).toBe("UNAVAILABLE");
    const bug = await run(failing, `{ entity(name: "工信部") { id } }`, {}, server);
    expect(codes(bug)).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect(bug.errors?.[0]?.message).toBe("internal server error");
    const everything = JSON.stringify([stats, bug]);
    expect(everything).not.toContain("s3cret");
    expect(everything).not.toContain("reads.js");
    expect(logged.join("\n")).toContain("neo4j://***@db.internal");
    expect(logged.join("\n")).not.toContain("s3cret");
  });
});
