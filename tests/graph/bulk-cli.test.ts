// `policygraph ingest --bulk` refuses, in one line and before touching anything,
// the combinations it cannot honour: the importer writes the managed server's own
// files, so no remote URI, no embedded store, no dry run, and --replace only with it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const run = promisify(execFile);

async function ingest(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(projectRoot, "src/cli/main.ts"), "ingest", "examples", ...args],
      { cwd: projectRoot, env: { ...process.env, DEBUG: "" } },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("policygraph ingest --bulk", () => {
  it.each([
    [["--bulk"], /--bulk needs --neo4j managed.*the embedded store.*without --bulk/],
    [
      ["--bulk", "--neo4j", "bolt://db.example:7687"],
      /--bulk needs --neo4j managed.*bolt:\/\/db\.example:7687/,
    ],
    [["--bulk", "--store", "graph.json"], /--bulk loads Neo4j/],
    [["--bulk", "--neo4j", "managed", "--dry-run"], /--dry-run without --bulk/],
    [["--replace"], /--replace goes with --bulk/],
  ])("refuses %j in one line", { timeout: 30_000 }, async (args, message) => {
    const { code, stderr, stdout } = await ingest(args);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^policygraph: /);
    expect(lines[0]).toMatch(message);
  });
});
