// Hostile queries beyond tests/api's limit checks (depth, aliases, cost, tokens,
// body size, rate, key, CORS, timeout are covered there): fragment bombs, deep
// introspection, batched requests, slow-drip bodies. Each must be refused fast,
// with a code, and the server must keep answering normal queries afterwards.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/api/http.js";
import type { RunningServer } from "../../src/api/http.js";
import type { GraphStore } from "../../src/graph/store.js";
import { openFixtureStore } from "../api/helpers.js";

let store: GraphStore;
let server: RunningServer;
beforeAll(async () => {
  store = await openFixtureStore();
  server = await startHttpServer({ store, port: 0, log: () => {}, limits: { rateLimitPerMinute: 0 } });
});
afterAll(() => server.close());

async function post(
  body: unknown,
): Promise<{ status: number; json: { errors?: { extensions?: { code?: string } }[] } }> {
  const started = performance.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(performance.now() - started).toBeLessThan(5_000);
  return { status: res.status, json };
}

async function stillServes(): Promise<void> {
  const { status, json } = await post({ query: "{ stats { documents } }" });
  expect(status).toBe(200);
  expect(json.errors).toBeUndefined();
}

describe("hostile queries", () => {
  it("a fragment bomb (each fragment spreading the previous one twice, via aliases) is refused", async () => {
    const levels = 12;
    const fragments = ["fragment F0 on Entity { name relations(first: 100) { totalCount } }"];
    for (let i = 1; i <= levels; i++)
      fragments.push(
        `fragment F${i} on Entity { a: relations(first: 100) { edges { node { ...F${i - 1} } } } b: relations(first: 100) { edges { node { ...F${i - 1} } } } }`,
      );
    const query = `{ search(text: "工业") { edges { node { ...F${levels} } } } } ${fragments.join(" ")}`;
    const { status, json } = await post({ query });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(json.errors?.length).toBeGreaterThan(0);
    await stillServes();
  });

  it("a wide query of the same field thousands of times is refused at parse time", async () => {
    const query = `{ ${Array.from({ length: 5000 }, () => "stats { documents }").join(" ")} }`;
    const { status, json } = await post({ query });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(json.errors?.length).toBeGreaterThan(0);
    await stillServes();
  });

  it("an introspection query that fans out (fields → type → fields …) is refused", async () => {
    // Depth and cost limits skip introspection (the IDE needs it); this shape is exponential in its nesting.
    let inner = "name";
    for (let i = 0; i < 5; i++) inner = `fields { type { ${inner} } }`;
    const query = `{ __schema { types { ${inner} } } }`;
    const { status, json } = await post({ query });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(json.errors?.length).toBeGreaterThan(0);
    await stillServes();
  });

  it("batched requests (a JSON array of operations) are not accepted", async () => {
    const one = { query: "{ stats { documents } }" };
    const { status, json } = await post(Array.from({ length: 100 }, () => one));
    expect(status).toBe(400);
    expect(json.errors?.length).toBeGreaterThan(0);
    await stillServes();
  });

  it("a client that sends headers byte by byte and never finishes does not hold the server", async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    // Meanwhile others are served as usual.
    await stillServes();
    socket.destroy();
  });
});
