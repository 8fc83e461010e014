// Pages as crawlers and converters really write them: GBK/GB18030 and UTF-16
// with or without a byte-order mark, binary and empty files among the pages,
// control characters. Every case is decoded or skipped with one line, and the
// rest of the batch is still read.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanControls, decode, readPages, sniff } from "../../src/extract/input/index.js";
import { extractPages } from "../../src/extract/pipeline.js";

const PAGE =
  "工信部发布新规\n\n2024年3月5日，工业和信息化部部长金壮龙在北京表示，要加快推进新型工业化，" +
  "发展新能源汽车产业。“我们将持续加大支持力度。”他说。\n";
// Outside GBK: GB18030 writes it in four bytes.
const RARE = "𠮷和€";

const bomLE = Buffer.from([0xff, 0xfe]);
const bomBE = Buffer.from([0xfe, 0xff]);
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-robust-input-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("encodings", () => {
  const cases: [string, Buffer][] = [
    ["GBK", iconv.encode(PAGE, "gbk")],
    ["GB18030 (four-byte characters)", iconv.encode(PAGE + RARE, "gb18030")],
    ["UTF-16LE with BOM", Buffer.concat([bomLE, Buffer.from(PAGE, "utf16le")])],
    ["UTF-16BE with BOM", Buffer.concat([bomBE, utf16be(PAGE)])],
    ["UTF-16LE without BOM", Buffer.from(PAGE, "utf16le")],
    ["UTF-16BE without BOM", utf16be(PAGE)],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)])],
  ];
  for (const [name, bytes] of cases) {
    it(`decodes ${name}`, () => {
      const expected = name.startsWith("GB18030") ? PAGE + RARE : PAGE;
      expect(decode(bytes, "page.txt")).toBe(expected);
    });
  }

  it("tells GBK from UTF-16 on a short headline, too", () => {
    const headline = "国务院常务会议部署推动制造业高质量发展";
    expect(decode(iconv.encode(headline, "gbk"), "h.txt")).toBe(headline);
    expect(decode(Buffer.from(headline, "utf16le"), "h.txt")).toBe(headline);
  });

  it("extracts the same facts from a GBK page as from its UTF-8 original", () => {
    const names = (text: string) =>
      extractPages([{ source: "p.txt", name: "p.txt", text }])
        .entities.map((e) => e.id)
        .sort();
    const fromGbk = names(decode(iconv.encode(PAGE, "gbk"), "p.txt"));
    expect(fromGbk).toEqual(names(PAGE));
    expect(fromGbk.length).toBeGreaterThan(0);
  });
});

describe("files that are not pages", () => {
  const files: Record<string, Buffer> = {
    "a-good.txt": iconv.encode(PAGE, "gbk"),
    "b-empty.txt": Buffer.alloc(0),
    "c-blank.txt": Buffer.from(" \n\t\r\n  \n"),
    "d-image.txt": Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]),
    "e-report.txt": Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
    "f-random.txt": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256)),
    "g-tags-only.html": Buffer.from("<html><head><script>var a = 1;</script></head><body> </body></html>"),
    "h-good.txt": Buffer.concat([bomLE, Buffer.from(PAGE, "utf16le")]),
  };
  beforeAll(async () => {
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
  });

  it("skips empty, blank, binary and markup-only files with one line each and reads the rest", async () => {
    const { pages, failures } = await readPages(Object.keys(files).map((f) => path.join(dir, f)));
    expect(pages.map((p) => p.name)).toEqual(["a-good.txt", "h-good.txt"]);
    expect(pages.every((p) => p.text === PAGE)).toBe(true);
    const reasons = new Map(failures.map((f) => [path.basename(f.source), f.message]));
    expect([...reasons.keys()]).toEqual([
      "b-empty.txt",
      "c-blank.txt",
      "d-image.txt",
      "e-report.txt",
      "f-random.txt",
      "g-tags-only.html",
    ]);
    expect(reasons.get("b-empty.txt")).toMatch(/b-empty\.txt: empty file, skipped$/);
    expect(reasons.get("d-image.txt")).toMatch(/PNG image, skipped$/);
    expect(reasons.get("e-report.txt")).toMatch(/PDF document .*pdftotext.*skipped$/);
    expect(reasons.get("f-random.txt")).toMatch(/(binary|not text).*skipped$/);
    for (const message of reasons.values()) {
      expect(message).not.toContain("\n");
      expect(message.startsWith(dir)).toBe(true);
    }
  });

  it("classifies bytes without reading more than a sample", () => {
    expect(sniff(new Uint8Array())).toEqual({ kind: "empty" });
    expect(sniff(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0xff, 0x10])).kind).toBe("binary");
    expect(sniff(Buffer.from("\x01\x02\x03\x04\x05\x06 abc \x07\x08")).kind).toBe("binary");
  });
});

describe("control characters", () => {
  it("drops invisible controls and zero-width characters, keeps layout, turns separators into line breaks", () => {
    expect(
      cleanControls("工\u0000业\u200b和\u0007信息化部\u001b\t说\u000b下一行\u2028再一行\f新页\r\n"),
    ).toBe("工业和信息化部\t说\n下一行\n再一行\f新页\r\n");
  });

  it("a page full of controls still yields its entities", () => {
    const noisy = PAGE.replace(/工业和信息化部/, "工业\u0008和\u0000信息化\u200d部").replace(
      /。/g,
      "。\u0085\u001f",
    );
    const text = decode(Buffer.from(noisy), "noisy.txt");
    const ids = extractPages([{ source: "n.txt", name: "n.txt", text }]).entities.map((e) => e.name);
    expect(ids).toContain("工业和信息化部");
  });
});
