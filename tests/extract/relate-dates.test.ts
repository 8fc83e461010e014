// Dates of relations and statements, resolved against the article's own date.
import { describe, expect, it } from "vitest";
import { findDateExpressions, resolveDate } from "../../src/extract/relate/dates.js";
import { ofType, relate } from "./relate-fixture.js";

function resolve(text: string, articleDate: string | null, previousDay?: string) {
  const [e] = findDateExpressions(text);
  expect(e, `no date found in ${text}`).toBeDefined();
  return resolveDate(e!, articleDate, previousDay);
}

describe("date expressions", () => {
  it("gives a month and day the article's year", () => {
    expect(resolve("10月13日", "2024-10-15")).toEqual({ date: "2024-10-13" });
    expect(resolve("5 月 17 日", "2024-05-18")).toEqual({ date: "2024-05-17" });
  });

  it("puts a month well after the article's into the year before", () => {
    expect(resolve("12月28日", "2025-01-03")).toEqual({ date: "2024-12-28" });
  });

  it("keeps a full date as printed", () => {
    expect(resolve("2023年5月17日", "2024-05-18")).toEqual({ date: "2023-05-17" });
  });

  it("turns 今年1-4月 into a month range and 2023年以来 into a range to the article date", () => {
    expect(resolve("今年1-4月", "2024-05-18")).toEqual({ date: "2024-01", dateEnd: "2024-04" });
    expect(resolve("2023年以来", "2024-05-18")).toEqual({ date: "2023", dateEnd: "2024-05-18" });
  });

  it("marks 近日 as the article date, approximate; 昨天 is the day before", () => {
    expect(resolve("近日", "2024-10-25")).toEqual({ date: "2024-10-25", approximate: true });
    expect(resolve("昨天", "2024-03-01")).toEqual({ date: "2024-02-29" });
  });

  it("resolves 当天 to the last day named before it", () => {
    expect(resolve("当天", "2024-10-25", "2024-10-23")).toEqual({ date: "2024-10-23" });
  });

  it("cannot place a month and day without an article date", () => {
    expect(resolve("10月13日", null)).toBeNull();
    expect(resolve("2024年10月13日", null)).toEqual({ date: "2024-10-13" });
  });

  it("does not read a count of years or a ranking as a date", () => {
    expect(findDateExpressions("近5年来，第十四届博览会吸引3秒钟内")).toEqual([]);
  });
});

describe("dates on relations", () => {
  it("dates a statement from its dateline when the sentence prints none", () => {
    const text = "新华社北京3月13日电 国务院总理李强主持会议。他指出，要稳定就业。";
    const rels = relate(
      text,
      [
        ["Agency", "国务院"],
        ["Person", "李强"],
      ],
      "2024-03-14",
    );
    const stated = ofType(rels, "STATED")[0]!;
    expect(stated.properties).toEqual({ date: "2024-03-13", dateApproximate: true });
    expect(stated.target.properties).toEqual({ date: "2024-03-13", dateApproximate: true });
  });

  it("does not take a date said inside a quote as the date of the saying", () => {
    const text = "“去年12月我们就完成了目标。”王强说。";
    const stated = ofType(relate(text, [["Person", "王强"]], "2024-06-01"), "STATED")[0]!;
    expect(stated.properties).toEqual({ date: "2024-06-01", dateApproximate: true });
  });

  it("leaves a document undated when its sentence prints no date (此前…出台)", () => {
    const text = "此前，北京市出台《北京市促进人工智能发展若干措施》。";
    const rels = relate(text, [
      ["Region", "北京市"],
      ["Policy", "北京市促进人工智能发展若干措施"],
    ]);
    expect(ofType(rels, "ISSUED")[0]!.properties).toBeUndefined();
  });
});
