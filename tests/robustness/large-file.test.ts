// A very large single file is read as a stream of bounded pages: the chunker's
// cuts are checked on small inputs, and a child process reads a ~48 MB GBK file
// with no form feeds while its memory is watched.
import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageChunker, cutAt, streamFilePages } from "../../src/extract/input/index.js";
import { projectRoot } from "../../src/paths.js";

const run = promisify(execFile);

function chunkAll(pieces: string[], max: number): string[] {
  const chunker = new PageChunker(max);
  return [...pieces.flatMap((p) => chunker.push(p)), ...chunker.end()];
}

describe("PageChunker", () => {
  it("ends pages at form feeds and loses no other character", () => {
    const text = "第一页。\n内容\f第二页\f\f第三页。";
    for (const size of [1, 2, 3, 7, 100]) {
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, "g"))!;
      expect(chunkAll(pieces, 1000)).toEqual(["第一页。\n内容", "第二页", "", "第三页。"]);
    }
  });

  it("cuts long stretches at blank lines, else line breaks, else full stops, within the bound", () => {
    expect(cutAt("aaaaaaa\n\nb\ncccc", 12)).toBe(9);
    expect(cutAt("aaaaaaa\nbbbbbbbb", 12)).toBe(8);
    expect(cutAt("一二三四五六。七八九十一二三", 12)).toBe(7);
    expect(cutAt("一二三四五六七八九十一二三", 12)).toBe(12);
    // Never between the halves of a surrogate pair.
    expect(cutAt("一二三四五六七八九十一𠮷", 12)).toBe(11);
  });

  it("keeps every page within the bound and the text intact, however it is fed", () => {
    const para = "工业和信息化部部长金壮龙表示，要加快推进新型工业化。\n";
    const text = (para.repeat(7) + "\n").repeat(40) + "没有换行的长句".repeat(300) + "𠮷".repeat(50);
    for (const size of [13, 997, 1 << 16]) {
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, "gu"))!;
      const pages = chunkAll(pieces, 500);
      expect(pages.join("")).toBe(text);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(500);
      expect(pages.filter((p) => p.length < 250).length).toBeLessThanOrEqual(1);
    }
  });
});

describe("streaming a large file", () => {
  let dir: string;
  let file: string;
  const paragraph =
    "2024年3月5日，工业和信息化部部长金壮龙在北京表示，要加快推进新型工业化，发展新能源汽车产业。\n\n";
  const repeats = 500_000;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pg-large-"));
    file = path.join(dir, "dump.txt");
    const block = iconv.encode(paragraph.repeat(1000), "gbk");
    const out = createWriteStream(file);
    for (let i = 0; i < repeats / 1000; i++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "finish");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("decodes it chunk by chunk into bounded pages (same pages in process)", async () => {
    let chars = 0;
    let pages = 0;
    for await (const page of streamFilePages(file, { maxPageChars: 4 << 20 })) {
      pages++;
      chars += page.text.length;
      expect(page.text.length).toBeLessThanOrEqual(4 << 20);
      expect(page.text.startsWith("2024年3月5日")).toBe(true);
    }
    expect(chars).toBe(paragraph.length * repeats);
    expect(pages).toBeGreaterThan(3);
  });

  it("holds far less than reading it whole would", async () => {
    // Child processes, so that this test's own heap does not blur the figures; live
    // memory (after a collection) is what reading holds, whatever the collector's pace.
    const input = JSON.stringify(path.join(projectRoot, "src/extract/input/index.ts"));
    const script = `
      import { readFile } from "node:fs/promises";
      import { decodeBytes, streamFilePages } from ${input};
      const [file, mode] = process.argv.slice(1);
      const live = () => { globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.external; };
      const base = live();
      let peak = 0, chars = 0;
      const watch = () => (peak = Math.max(peak, live() - base));
      if (mode === "whole") { const bytes = await readFile(file); const text = decodeBytes(bytes, file); watch(); chars = text.length; }
      else for await (const page of streamFilePages(file, { maxPageChars: 1 << 20 })) { chars += page.text.length; watch(); }
      console.log(JSON.stringify({ peak, chars }));`;
    const measure = async (mode: string) => {
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "--expose-gc", "--input-type=module", "-e", script, file, mode],
        { cwd: projectRoot, maxBuffer: 1 << 20 },
      );
      return JSON.parse(stdout.trim().split("\n").at(-1)!) as { peak: number; chars: number };
    };
    const streamed = await measure("stream");
    const whole = await measure("whole");
    const mb = (n: number) => (n / 1e6).toFixed(0);
    console.log(
      `48 MB GBK file: live memory at its peak: streamed ${mb(streamed.peak)} MB, read whole ${mb(whole.peak)} MB`,
    );
    expect(streamed.chars).toBe(paragraph.length * repeats);
    expect(whole.chars).toBe(streamed.chars);
    expect(streamed.peak).toBeLessThan(whole.peak / 2);
  }, 120_000);
});
