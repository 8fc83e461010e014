// Quantities of metrics: printed text kept, number and unit normalised.
import { describe, expect, it } from "vitest";
import { findQuantities, parseQuantity } from "../../src/extract/relate/quantity.js";

describe("quantities", () => {
  it("applies 万 and 亿 multipliers and keeps the unit", () => {
    expect(parseQuantity("1.6万家")).toMatchObject({ text: "1.6万家", value: 16000, unit: "家" });
    expect(parseQuantity("5000亿元")).toMatchObject({ value: 5e11, unit: "元" });
    expect(parseQuantity("14.3401万亿元")).toMatchObject({ value: 1.43401e13, unit: "元" });
  });

  it("marks bounds (余, 多, 超, +) as approximate", () => {
    expect(parseQuantity("29万余家")).toMatchObject({ value: 290000, unit: "家", approximate: true });
    expect(parseQuantity("2400多家")).toMatchObject({ value: 2400, approximate: true });
    expect(parseQuantity("超过8300亿元")).toMatchObject({ value: 8.3e11, approximate: true });
    expect(parseQuantity("6.7%")).toEqual({ start: 0, end: 4, text: "6.7%", value: 6.7, unit: "%" });
  });

  it("reads Chinese-numeral magnitudes (千亿元级, 两万亿元)", () => {
    expect(parseQuantity("千亿元级产业集群")).toMatchObject({ value: 1e11, unit: "元" });
    expect(parseQuantity("两万亿元")).toMatchObject({ value: 2e12, unit: "元" });
  });

  it("finds every quantity of a sentence with its offsets and skips bare numbers and years", () => {
    const text = "2023年，集聚了1.6万家企业，规模突破5000亿元，共有3个";
    const qs = findQuantities(text);
    expect(qs.map((q) => q.text)).toEqual(["1.6万家", "5000亿元", "3个"]);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
