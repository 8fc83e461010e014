// The live HTTP server: GraphQL-over-HTTP conformance (graphql-http's audit),
// /health, the offline IDE, API key, body and rate limits, CORS, timeouts and
// graceful shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAudits } from "graphql-http";
import type { GraphStore } from "../../src/graph/store.js";
import { startHttpServer } from "../../src/api/http.js";
import type { HttpServerOptions, RunningServer } from "../../src/api/http.js";
import { openFixtureStore } from "./helpers.js";

let store: GraphStore;
const servers: RunningServer[] = [];
beforeAll(async () => {
  store = await openFixtureStore();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options: Partial<HttpServerOptions> = {}): Promise<RunningServer> {
  const server = await startHttpServer({ store, port: 0, log: () => {}, ...options });
  servers.push(server);
  return server;
}

function post(server: RunningServer, query: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
}

describe("GraphQL over HTTP", () => {
  it("passes graphql-http's server audit with no errors", async () => {
    const server = await serve({ limits: { rateLimitPerMinute: 0 } });
    const results = await Promise.all(
      serverAudits({ url: `${server.url}/graphql` }).map((audit) => audit.fn()),
    );
    expect(results.length).toBeGreaterThan(40);
    const failed = results
      .filter((r) => r.status === "error")
      .map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failed).toEqual([]);
  });

  it("answers a query and reports bad input with a code and status 400", async () => {
    const server = await serve();
    const ok = await post(server, `{ entity(name: "工信部") { name } }`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { entity: { name: "工业和信息化部" } } });
    const bad = await post(server, `{ announcements(since: "yesterday") { totalCount } }`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0]!.extensions).not.toHaveProperty("stacktrace");
  });

  it("rejects a body that is not JSON", async () => {
    const server = await serve();
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("BAD_REQUEST");
  });
});

describe("health and pages", () => {
  it("/health gives the store kind and counts", async () => {
    const server = await serve();
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", store: "embedded", entities: 16, documents: 4 });
  });

  it("GET /graphql in a browser is the offline IDE, its assets come from this server", async () => {
    const server = await serve();
    const res = await fetch(`${server.url}/graphql`, {
      headers: { accept: "text/html,application/xhtml+xml" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBe(5);
    for (const ref of refs) {
      expect(ref.startsWith("/")).toBe(true); // no CDN
      const asset = await fetch(`${server.url}${ref}`);
      expect(asset.status).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(ref.endsWith("init.js") ? 100 : 10_000);
    }
    expect((await fetch(`${server.url}/graphql/ide/../../package.json`)).status).not.toBe(200);
  });

  it("/ is the site hook when given, a short page otherwise", async () => {
    const plain = await serve();
    const home = await fetch(`${plain.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/graphql"');
    expect((await fetch(`${plain.url}/nothing-here`)).status).toBe(404);
    const withSite = await serve({
      site: (req, res) => {
        if (req.url !== "/") return false;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("explorer");
        return true;
      },
    });
    expect(await (await fetch(`${withSite.url}/`)).text()).toBe("explorer");
    expect((await fetch(`${withSite.url}/health`)).status).toBe(200);
  });
});

describe("abuse limits", () => {
  it("requires the API key when one is set; /health stays open", async () => {
    const server = await serve({ apiKey: "k-123456" });
    const none = await post(server, "{ stats { documents } }");
    expect(none.status).toBe(401);
    expect(
      ((await none.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("UNAUTHENTICATED");
    expect((await post(server, "{ stats { documents } }", { authorization: "Bearer wrong" })).status).toBe(
      401,
    );
    expect((await post(server, "{ stats { documents } }", { authorization: "Bearer k-123456" })).status).toBe(
      200,
    );
    expect((await post(server, "{ stats { documents } }", { "x-api-key": "k-123456" })).status).toBe(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("refuses a body over the size limit with 413", async () => {
    const server = await serve({ limits: { maxBodyBytes: 1000 } });
    const res = await post(server, `{ stats { documents } } # ${"x".repeat(2000)}`);
    expect(res.status).toBe(413);
    expect((await post(server, "{ stats { documents } }")).status).toBe(200);
  });

  it("rate-limits each client with 429 and Retry-After", async () => {
    const server = await serve({ limits: { rateLimitPerMinute: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(server, "{ stats { documents } }")).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const res = await post(server, "{ stats { documents } }");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("CORS is off by default and on only for the given origin", async () => {
    const off = await serve();
    const pre = await fetch(`${off.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      (await post(off, "{ stats { documents } }", { origin: "https://evil.example" })).headers.get(
        "access-control-allow-origin",
      ),
    ).toBeNull();
    const on = await serve({ corsOrigins: ["https://analyst.example"] });
    const allowed = await fetch(`${on.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://analyst.example", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://analyst.example");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const other = await post(on, "{ stats { documents } }", { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("times out a slow query with TIMEOUT", async () => {
    const slow: GraphStore = Object.create(store) as GraphStore;
    slow.stats = () => new Promise((resolve) => setTimeout(() => resolve(store.stats()), 1500));
    const server = await startHttpServer({ store: slow, port: 0, log: () => {}, limits: { timeoutMs: 200 } });
    servers.push(server);
    const started = Date.now();
    const res = await post(server, "{ stats { documents } }");
    expect(Date.now() - started).toBeLessThan(1200);
    expect(res.status).toBe(503);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("TIMEOUT");
  });
});

describe("graceful shutdown", () => {
  it("finishes requests in flight, then refuses new connections", async () => {
    const slow: GraphStore = Object.create(store) as GraphStore;
    slow.stats = () => new Promise((resolve) => setTimeout(() => resolve(store.stats()), 300));
    const server = await startHttpServer({ store: slow, port: 0, log: () => {} });
    const inFlight = post(server, "{ stats { documents } }");
    await new Promise((r) => setTimeout(r, 50));
    const closed = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { stats: { documents: 4 } } });
    await closed;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
