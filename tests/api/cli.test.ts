// `policygraph serve` and `policygraph start` as processes: they print where
// they listen, answer queries, and on SIGTERM finish, close the store and exit 0.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryGraphStore } from "../../src/graph/memory/store.js";
import { projectRoot } from "../../src/paths.js";
import { fixtureDir, loadFixture } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-api-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "src/cli/main.ts"), ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, ...env },
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
    child.stdout.on("data", () => {
      const match = /(http:\/\/[\d.]+:\d+)\/graphql/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}

function stop({ child }: Running): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function documents(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: "{ stats { documents } }" }),
  });
}

describe("policygraph serve", () => {
  it("serves a store file with an API key from the environment, and stops cleanly on SIGTERM", async () => {
    const file = path.join(dir, "graph.json");
    const store = new MemoryGraphStore(file);
    await store.open();
    await store.ingest(loadFixture());
    await store.close();
    const running = await cli(["serve", "--store", file, "--port", "0"], { POLICYGRAPH_API_KEY: "cli-key" });
    expect((await documents(running.url)).status).toBe(401);
    const res = await documents(running.url, { authorization: "Bearer cli-key" });
    expect(await res.json()).toEqual({ data: { stats: { documents: 4 } } });
    expect(await stop(running)).toBe(0);
    expect(running.output()).toContain("stopped.");
    expect(running.output()).not.toContain("cli-key");
  });

  it("--replicas 2: two processes answer on one port, a dead one is replaced, SIGTERM stops all", async () => {
    const file = path.join(dir, "replicas.json");
    const store = new MemoryGraphStore(file);
    await store.open();
    await store.ingest(loadFixture());
    await store.close();
    const running = await cli(["serve", "--store", file, "--port", "0", "--replicas", "2"]);
    await expect.poll(() => running.output()).toMatch(/pids \d+, \d+/);
    const pids = /pids (\d+), (\d+)/.exec(running.output())!.slice(1).map(Number);
    // A fresh connection per request: the primary hands connections to the replicas in turn.
    const health = async () =>
      (await (await fetch(`${running.url}/health`, { headers: { connection: "close" } })).json()) as {
        replica: number;
        documents: number;
      };
    const seen = new Set<number>();
    for (let i = 0; i < 10 && seen.size < 2; i++) {
      const h = await health();
      expect(h.documents).toBe(4);
      seen.add(h.replica);
    }
    expect([...seen].sort()).toEqual([1, 2]);
    expect(await (await documents(running.url)).json()).toEqual({ data: { stats: { documents: 4 } } });
    process.kill(pids[0]!, "SIGKILL");
    await expect.poll(() => running.output(), { timeout: 30_000 }).toMatch(/replica \d \(pid \d+\) exited/);
    expect((await health()).documents).toBe(4);
    expect(await stop(running)).toBe(0);
    expect(running.output()).toContain("stopped.");
    for (const pid of pids.slice(1)) expect(() => process.kill(pid, 0)).toThrow();
  });

  it("answers with what another process ingested into its file, without a restart", async () => {
    const file = path.join(dir, "followed.json");
    await rm(file, { force: true });
    const running = await cli(["serve", "--store", file, "--port", "0"]);
    expect(await (await documents(running.url)).json()).toEqual({ data: { stats: { documents: 0 } } });
    const ingest = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "ingest", path.join(fixtureDir, "graph.json"), "--store", file],
      { cwd: projectRoot, stdio: "ignore" },
    );
    expect(await new Promise((resolve) => ingest.once("exit", resolve))).toBe(0);
    await expect
      .poll(async () => (await documents(running.url)).json(), { timeout: 30_000 })
      .toEqual({ data: { stats: { documents: 4 } } });
    expect(running.output()).toMatch(/serve: reloaded .*followed\.json: \d+ entities/);
    expect(await stop(running)).toBe(0);
  });

  it("refuses a bad port with one line and no stack trace", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "99999"],
      {
        cwd: projectRoot,
      },
    );
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(err).toMatch(/--port must be an integer/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe("policygraph start", () => {
  it("ingests what changed, persists it and serves it", async () => {
    const file = path.join(dir, "start.json");
    const input = path.join(dir, "pages");
    await rm(input, { recursive: true, force: true });
    await mkdir(input);
    // ingestPaths takes interchange JSON as well as pages, which keeps this test off the extractor.
    await copyFile(path.join(fixtureDir, "graph.json"), path.join(input, "graph.json"));
    const first = await cli(["start", path.join(input, "graph.json"), "--store", file, "--port", "0"]);
    expect(first.output()).toMatch(/4 new, 0 changed, 0 unchanged/);
    expect(await (await documents(first.url)).json()).toEqual({ data: { stats: { documents: 4 } } });
    expect(await stop(first)).toBe(0);
    const second = await cli(["start", path.join(input, "graph.json"), "--store", file, "--port", "0"]);
    expect(second.output()).toMatch(/0 new, 0 changed, 4 unchanged/);
    expect(await stop(second)).toBe(0);
  });
});
