// HTML and markdown pages, unbalanced quotes and book-title marks, and lines of
// a megabyte with no break: text kept, markup gone, nothing hangs.
import { describe, expect, it } from "vitest";
import { decode, htmlToText, markdownToText } from "../../src/extract/input/index.js";
import { extractPages, segmentPage } from "../../src/extract/pipeline.js";
import { MAX_SENTENCE_CHARS } from "../../src/extract/sentences.js";

const HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>站点标题 - 某某网</title>
<style>p { color: red } .x::before { content: "工业和信息化部" }</style>
<script>var s = "<p>国家发展改革委</p>"; document.write(s);</script></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<h1>工信部部署推进新型<br>工业化</h1>
<p>2024年3月5日，工业和信息化部部长金壮龙在北京表示，要加快推进新型工业化。</p>
<p>浙江省人民政府&nbsp;印发《浙江省制造业高质量发展行动方案》&amp;配套政策&#x3002;
工业&#21644;信息化部将持续支持。</p>
<table><tr><td>地区</td><td>产值</td></tr><tr><td>杭州市</td><td>1000亿元</td></tr></table>
<noscript>请启用JavaScript</noscript><!-- 注释：不要出现 -->
</body></html>`;

describe("HTML pages", () => {
  const text = htmlToText(HTML);

  it("drops scripts, styles, comments and the head; decodes entities; keeps the text", () => {
    for (const gone of [
      "<",
      ">",
      "color",
      "document.write",
      "国家发展改革委",
      "请启用",
      "注释",
      "站点标题",
      "&nbsp;",
      "&amp;",
    ])
      expect(text).not.toContain(gone);
    expect(text).toContain("浙江省人民政府 印发《浙江省制造业高质量发展行动方案》&配套政策。");
    expect(text).toContain("工业和信息化部将持续支持。");
  });

  it("turns headings into headline lines and blocks into line breaks", () => {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    expect(lines[0]).toBe("首页 | 新闻");
    expect(text).toMatch(/^# 工信部部署推进新型\n工业化$/m);
    expect(lines).toContain("2024年3月5日，工业和信息化部部长金壮龙在北京表示，要加快推进新型工业化。");
    expect(lines.some((l) => /杭州市\s+1000亿元/.test(l))).toBe(true);
  });

  it("an .html file (or a page that starts like HTML) is read as HTML and extracted", () => {
    for (const name of ["news.html", "saved-by-crawler.txt"]) {
      const page = decode(Buffer.from(HTML), name);
      expect(page).not.toMatch(/<\/?p>/);
      const extraction = extractPages([{ source: name, name, text: page }]);
      expect(extraction.documents[0]!.title).toContain("工信部部署推进新型");
      expect(extraction.entities.map((e) => e.name)).toEqual(
        expect.arrayContaining(["工业和信息化部", "金壮龙", "浙江省人民政府"]),
      );
    }
  });

  it("survives broken markup: unclosed tags and scripts, stray brackets", () => {
    expect(htmlToText("<p>第一段<div>第二段<p>a < b 且 c > d</p><script>never closed")).toBe(
      "第一段\n\n第二段\n\na < b 且 c > d",
    );
  });
});

const MARKDOWN = `工信部部署推进新型工业化
=====================

**2024年3月5日**，*工业和信息化部*部长金壮龙在北京表示，要加快推进\`新型工业化\`。

> 来源：[人民网](http://example.com/a) · ![配图](img.png)

## 相关政策

- 浙江省人民政府印发《浙江省制造业高质量发展行动方案》
1. 第二项：~~旧的~~新的

| 地区 | 产值 |
| --- | ---: |
| 杭州市 | 1000亿元 |

\`\`\`
代码块里的文字保留
\`\`\`
[1]: http://example.com/ref
`;

describe("markdown pages", () => {
  const text = markdownToText(MARKDOWN);

  it("makes headings headline lines and strips emphasis, links, images, quotes, lists, tables and fences", () => {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    expect(lines).toEqual([
      "# 工信部部署推进新型工业化",
      "2024年3月5日，工业和信息化部部长金壮龙在北京表示，要加快推进新型工业化。",
      "来源：人民网 · ",
      "# 相关政策",
      "浙江省人民政府印发《浙江省制造业高质量发展行动方案》",
      "第二项：旧的新的",
      "地区 产值",
      "杭州市 1000亿元",
      "代码块里的文字保留",
    ]);
  });

  it("the first heading is the document's title", () => {
    const page = decode(Buffer.from(MARKDOWN), "item.md");
    const [article] = segmentPage({ source: "item.md", name: "item.md", text: page });
    expect(article!.title).toBe("工信部部署推进新型工业化");
    expect(article!.text).not.toMatch(/[*`#[\]]/);
  });
});

describe("unbalanced quotes and book-title marks", () => {
  const page =
    "工信部发布新规\n\n国务院印发《关于促进新能源汽车产业发展的意见，2024年3月5日，工业和信息化部部长金壮龙在北京表示，" +
    "“要加快推进新型工业化。浙江省人民政府发布了《浙江省制造业高质量发展行动方案》。”」』）】》”’\n" +
    "“”《》“《“《”》”》他说：“。\n";

  it("extraction finishes, finds the entities after the stray marks, and names never swallow a sentence", () => {
    const extraction = extractPages([{ source: "q.txt", name: "q.txt", text: page }]);
    const names = extraction.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["工业和信息化部", "金壮龙", "浙江省人民政府"]));
    for (const e of extraction.entities) {
      if (e.label === "Statement") continue;
      expect(e.name.length).toBeLessThan(60);
      expect(e.name).not.toMatch(/[。！？]/);
    }
  });
});

describe("a megabyte on one line", () => {
  it("is extracted in bounded time, with sentences no longer than the cap", () => {
    const unit =
      "工业和信息化部部长金壮龙表示，要加快发展新能源汽车产业，这是一段比较长的叙述文字内容，后面还有很多同样的文字，";
    const line = unit.repeat(Math.ceil((1 << 20) / Buffer.byteLength(unit)));
    expect(Buffer.byteLength(line)).toBeGreaterThanOrEqual(1 << 20);
    const started = performance.now();
    const [article] = segmentPage({ source: "long.txt", name: "long.txt", text: line });
    for (const s of article!.sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    const extraction = extractPages([{ source: "long.txt", name: "long.txt", text: line }]);
    const seconds = (performance.now() - started) / 1000;
    // Without the sentence cap this is one 350 000-character sentence and takes hours.
    expect(seconds).toBeLessThan(60);
    expect(extraction.entities.some((e) => e.name === "工业和信息化部")).toBe(true);
  }, 120_000);
});
