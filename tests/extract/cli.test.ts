import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract } from "../../src/cli/commands/extract.js";
import type { Extraction } from "../../src/types.js";

let dir: string;
const PAGE = "智能制造再提速\n\n本报讯 3月5日，工业和信息化部召开会议，部署智能制造工作。\n";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => void out.push(t), stderr: (l: string) => void err.push(l) },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-cli-"));
  await writeFile(path.join(dir, "one.txt"), PAGE);
  await writeFile(path.join(dir, "two.md"), "# 园区动态\n\n近日，高新区新增企业50家。\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("policygraph extract", () => {
  it("prints the interchange JSON for a folder", async () => {
    const { out, err, io } = capture();
    const status = await runExtract([dir], { format: "json", date: "2025-03-10", withText: true }, io);
    expect(status).toBe(0);
    expect(err).toEqual([]);
    const extraction = JSON.parse(out.join("")) as Extraction;
    expect(extraction.documents.map((d) => d.id)).toEqual(["one.txt#0", "two.md#0"]);
    expect(extraction.documents[0]).toMatchObject({ title: "智能制造再提速", date: "2025-03-05" });
    expect(extraction.documents[0]!.text).toContain("工业和信息化部");
    expect(Array.isArray(extraction.entities) && Array.isArray(extraction.relations)).toBe(true);
  });

  it("reports a missing file in one line, exits 1 and still processes the others", async () => {
    const { out, err, io } = capture();
    const missing = path.join(dir, "nope.txt");
    const status = await runExtract([missing, path.join(dir, "one.txt")], {}, io);
    expect(status).toBe(1);
    expect(err).toEqual([`policygraph: ${missing}: no such file or directory`]);
    expect(out.join("")).toContain("one.txt#0");
    expect(out.join("")).toContain("Entities by label");
  });

  it("writes to --out and rejects a bad --date or --format", async () => {
    const target = path.join(dir, "out.json");
    const { out, io } = capture();
    expect(await runExtract([path.join(dir, "one.txt")], { format: "json", out: target }, io)).toBe(0);
    expect(out).toEqual([]);
    expect(JSON.parse(await readFile(target, "utf8")).documents).toHaveLength(1);
    await expect(runExtract([dir], { date: "2025-13-01" }, io)).rejects.toThrow(/--date/);
    await expect(runExtract([dir], { format: "xml" }, io)).rejects.toThrow(/--format/);
  });
});
