import { describe, expect, it } from "vitest";
import { normalisePage } from "../../src/extract/normalise/index.js";
import { segmentPage } from "../../src/extract/segment/index.js";
import { leadDate, pageHeaderDate, resolveDate } from "../../src/extract/segment/dates.js";
import { bylineNames, deriveTitle } from "../../src/extract/segment/build.js";

const segment = (text: string, date?: string) =>
  segmentPage(normalisePage({ source: "p.txt", name: "p.txt", text }), date ? { date } : {}).map(
    (s) => s.article,
  );

const PAGE = [
  "2025年6月12日 星期四",
  "",
  "绿色工厂扩容提速",
  "",
  "本报讯（记者 陈晨） 6月10日，省工业和信息化厅公布第三批绿色工厂名单，",
  "共有86家企业入选。",
  "",
  "厅长周海表示，将加大支持力度。 林一",
  "",
  "低空经济迎来新机遇",
  "——产业观察之三",
  "",
  "本报记者 许诺 王欣",
  "",
  "近日，多地出台低空经济扶持政策。",
  "",
  "新华社南京6月11日电 江苏省今天发布数据显示，全省工业投资增长8%。",
  "",
  "图为工人在生产线上作业。",
  "新华社记者 李文/摄",
].join("\n");

describe("segmentPage", () => {
  const articles = segment(PAGE);

  it("splits a page into items with stable ids", () => {
    expect(articles.map((a) => a.id)).toEqual(["p.txt#0", "p.txt#1", "p.txt#2"]);
  });

  it("takes titles from headlines, with the subtitle", () => {
    expect(articles[0]!.title).toBe("绿色工厂扩容提速");
    expect(articles[1]!.title).toBe("低空经济迎来新机遇——产业观察之三");
    expect(articles[0]!.text.startsWith("绿色工厂扩容提速\n本报讯")).toBe(true);
  });

  it("dates items from their lead, completed with the page's year", () => {
    expect(articles[0]!.date).toBe("2025-06-10");
    expect(articles[0]!.dateApproximate).toBe(false);
    expect(articles[1]!.date).toBe("2025-06-12");
    expect(articles[1]!.dateApproximate).toBe(true);
    expect(articles[2]!.date).toBe("2025-06-11");
  });

  it("finds bylines in the lead, a reporter line or a signature", () => {
    expect(articles[0]!.byline).toBe("陈晨");
    expect(articles[1]!.byline).toBe("许诺、王欣");
  });

  it("starts an item at a dateline and derives a title when none is printed", () => {
    expect(articles[2]!.text.startsWith("新华社南京6月11日电")).toBe(true);
    expect(articles[2]!.title).toBe("江苏省今天发布数据显示，全省工业投资增长8%");
  });

  it("marks captions and credits apart from running text", () => {
    const a = articles[2]!;
    expect(a.captions).toHaveLength(1);
    const caption = a.text.slice(a.captions[0]!.start, a.captions[0]!.end);
    expect(caption).toBe("图为工人在生产线上作业。\n新华社记者 李文/摄");
  });

  it("uses --date when the page prints no date, and marks it approximate", () => {
    const [a] = segment("产业链招商见成效\n\n日前，市里签约项目12个，总投资300亿元。", "2025-03-01");
    expect(a!.date).toBe("2025-03-01");
    expect(a!.dateApproximate).toBe(true);
    const [b] = segment("产业链招商见成效\n\n日前，市里签约项目12个，总投资300亿元。");
    expect(b!.date).toBeNull();
  });

  it("has sentence spans inside the text, in order", () => {
    for (const a of articles) {
      let last = 0;
      for (const s of a.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeLessThanOrEqual(a.text.length);
        last = s.end;
      }
    }
  });

  it("drops headline-only items (teasers of other pages)", () => {
    const items = segment("园区动态\n\n今年以来，园区新增企业80家。\n\n下期预告\n\n芯片产业观察");
    expect(items.map((a) => a.title)).toEqual(["园区动态"]);
  });

  it("starts a new item after a signature", () => {
    const items = segment("首条消息\n\n本报讯 5月2日，会议召开。 王一\n\n5月3日，另一场活动在深圳举行。");
    expect(items).toHaveLength(2);
    expect(items[0]!.byline).toBe("王一");
  });
});

describe("dates", () => {
  it("recognises page headers and nothing else", () => {
    expect(pageHeaderDate("2024年10月15日 星期二")).toBe("2024-10-15");
    expect(pageHeaderDate("2024年10月15日 第3版")).toBe("2024-10-15");
    expect(pageHeaderDate("2024年10月15日起实施新规")).toBeNull();
  });
  it("reads datelines and leads", () => {
    expect(leadDate("新华社北京3月13日电（记者王五）会议召开")).toEqual({ month: 3, day: 13 });
    expect(leadDate("本报讯（记者 赵六） 10月21日，大会举行")).toEqual({ month: 10, day: 21 });
    expect(leadDate("2023年12月1日，平台上线")).toEqual({ year: 2023, month: 12, day: 1 });
    expect(leadDate("本报讯 近日，工信部公布名单")).toBe("recent");
    expect(leadDate("会议指出，要加快发展")).toBeNull();
  });
  it("puts a date after the reference into the previous year", () => {
    expect(resolveDate({ month: 12, day: 30 }, "2025-01-04")?.date).toBe("2024-12-30");
    expect(resolveDate({ month: 2, day: 30 }, "2025-03-01")).toBeNull();
  });
});

describe("bylines and derived titles", () => {
  it("extracts reporters' names", () => {
    expect(bylineNames("本报记者 郑明 孙雪")).toBe("郑明、孙雪");
    expect(bylineNames("记者张三")).toBe("张三");
  });
  it("derives a title from the first clause", () => {
    expect(deriveTitle("本报讯 5月2日，省政府召开常务会议。会议指出")).toBe("省政府召开常务会议");
    expect(deriveTitle("一".repeat(50)).endsWith("…")).toBe(true);
  });
});
