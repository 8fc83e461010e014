// The explorer's static handler: content types, caching, fall-through and
// path safety, against a temporary folder shaped like dist/web.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticHandler } from "../../src/explorer/static.js";

let dir: string;
let server: http.Server;
let base: string;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + url, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pg-static-"));
  await mkdir(path.join(dir, "assets"));
  await writeFile(path.join(dir, "index.html"), "<!doctype html><title>explorer</title>");
  await writeFile(path.join(dir, "assets", "explorer-ABC123.js"), "console.log('工信部');");
  await writeFile(path.join(dir, "assets", "styles-XYZ.css"), "body{}");
  await writeFile(path.join(dir, "secret.txt"), "inside root");
  const handle = createStaticHandler({ root: dir });
  server = http.createServer((req, res) => {
    if (!handle(req, res)) {
      res.writeHead(404, { "x-fell-through": "yes" });
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("createStaticHandler", () => {
  it("serves index.html at / with revalidation", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.body).toContain("<title>explorer</title>");
  });

  it("serves hashed assets with their type, cached for a year", async () => {
    const js = await get("/assets/explorer-ABC123.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(js.body).toBe("console.log('工信部');");
    const css = await get("/assets/styles-XYZ.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await get("/");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await get("/", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("leaves unknown paths, other methods and /graphql to the next handler", async () => {
    expect((await get("/graphql")).headers.get("x-fell-through")).toBe("yes");
    expect((await get("/assets/missing.js")).headers.get("x-fell-through")).toBe("yes");
    const post = await fetch(base + "/", { method: "POST", body: "{}" });
    expect(post.headers.get("x-fell-through")).toBe("yes");
  });

  it("never leaves its folder", async () => {
    for (const attempt of [
      "/../package.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/%2e%2e%2fpackage.json",
      "/%00",
    ]) {
      const res = await get(attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.body).not.toContain("policygraph");
    }
  });

  it("says how to build the page when it is missing", async () => {
    const handle = createStaticHandler({ root: path.join(dir, "nowhere") });
    const lone = http.createServer((req, res) => {
      if (!handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => lone.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(lone.address() as AddressInfo).port}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build");
    await new Promise((resolve) => lone.close(resolve));
  });
});
