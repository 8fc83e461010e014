import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, readPages } from "../../src/extract/input/index.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-input-"));
  await mkdir(path.join(dir, "b", "nested"), { recursive: true });
  await writeFile(path.join(dir, "b", "nested", "z.md"), "# 标题\n正文。");
  await writeFile(
    path.join(dir, "a.txt"),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("带BOM的页面")]),
  );
  await writeFile(path.join(dir, "b", "c.txt"), "第二页");
  await writeFile(path.join(dir, "notes.json"), "{}");
  await writeFile(path.join(dir, "b", "README.md"), "# 这个文件夹里是什么\n样例页面的说明。");
  await writeFile(path.join(dir, "bad.txt"), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xff])); // GBK, not UTF-8
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("decode", () => {
  it("decodes UTF-8 with or without BOM, and UTF-16 with BOM", () => {
    expect(decode(Buffer.from("\uFEFF工信部", "utf8"), "x")).toBe("工信部");
    expect(decode(Buffer.from("工信部", "utf8"), "x")).toBe("工信部");
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("工信部", "utf16le")]), "x")).toBe(
      "工信部",
    );
  });
  it("names the file when the bytes are in no known encoding", () => {
    expect(() => decode(Buffer.from([0xd6, 0xd0, 0xff]), "page.txt")).toThrow(
      /^page\.txt: not text in a known encoding/,
    );
  });
});

describe("readPages", () => {
  it("reads folders recursively in sorted order, .txt and .md only", async () => {
    const { pages, failures } = await readPages([path.join(dir, "b"), path.join(dir, "a.txt")]);
    expect(failures).toEqual([]);
    expect(pages.map((p) => p.name)).toEqual(["c.txt", "z.md", "a.txt"]);
    expect(pages[2]!.text).toBe("带BOM的页面");
  });

  it("reports missing and undecodable files one line each and keeps the others", async () => {
    const missing = path.join(dir, "missing.txt");
    const { pages, failures } = await readPages([
      missing,
      path.join(dir, "bad.txt"),
      path.join(dir, "a.txt"),
    ]);
    expect(pages.map((p) => p.name)).toEqual(["a.txt"]);
    expect(failures.map((f) => f.source)).toEqual([missing, path.join(dir, "bad.txt")]);
    expect(failures[0]!.message).toBe(`${missing}: no such file or directory`);
    for (const f of failures) expect(f.message).not.toContain("\n");
  });

  it("skips a folder's README when walking it, but reads one named explicitly", async () => {
    const walked = await readPages([path.join(dir, "b")]);
    expect(walked.pages.map((p) => p.name)).not.toContain("README.md");
    const named = await readPages([path.join(dir, "b", "README.md")]);
    expect(named.pages.map((p) => p.name)).toEqual(["README.md"]);
  });

  it("reads standard input for -", async () => {
    const { pages } = await readPages(["-"], Readable.from([Buffer.from("标准输入的页面")]));
    expect(pages).toEqual([{ source: "-", name: "stdin", text: "标准输入的页面" }]);
  });
});
