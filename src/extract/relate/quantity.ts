// Quantities of metrics: kept as the text the article prints and normalised to a
// number and a unit (1.6万家 → 16000 家, 5000亿元 → 5e11 元, 千亿元级 → 1e11 元).
import type { Properties } from "../../types.js";

export interface Quantity {
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  /** 余, 多, 近, 超, + : the printed number is a bound, not an exact count. */
  approximate?: boolean;
}

const MULTIPLIERS: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
  百: 1e2,
};
const UNITS = [
  "个百分点",
  "平方米",
  "平方公里",
  "千瓦时",
  "千瓦",
  "美元",
  "欧元",
  "港元",
  "元",
  "家",
  "个",
  "项",
  "人次",
  "人",
  "名",
  "台",
  "辆",
  "件",
  "吨",
  "亩",
  "公里",
  "米",
  "倍",
  "%",
  "％",
  "次",
  "套",
  "条",
  "座",
  "户",
  "所",
  "款",
  "部",
  "GB",
  "TB",
];
const MULT = "万亿|千亿|百亿|亿|千万|百万|万|千|百";
const UNIT = UNITS.join("|");
const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ARABIC = new RegExp(
  `(近|超过|超|约|逾)?(\\d+(?:\\.\\d+)?)\\s*(\\+)?\\s*(${MULT})?\\s*(余|多|\\+)?\\s*(${UNIT})?`,
  "gu",
);
const CHINESE = new RegExp(`([一二两三四五六七八九十]*)(${MULT})(${UNIT})`, "gu");

function round(n: number): number {
  return Number(n.toPrecision(12));
}

function chineseCount(s: string): number {
  if (s === "") return 1;
  if (s === "十") return 10;
  const ten = s.indexOf("十");
  if (ten >= 0) return (ten === 0 ? 1 : (CN_DIGITS[s[0]!] ?? 1)) * 10 + (CN_DIGITS[s[ten + 1] ?? ""] ?? 0);
  return CN_DIGITS[s] ?? 1;
}

/** Quantities in text[from, to) that carry a multiplier or a unit, in text order. */
export function findQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const slice = text.slice(from, to);
  const found: Quantity[] = [];
  for (const m of slice.matchAll(ARABIC)) {
    const [, bound, digits, plus1, mult, tail, unit] = m;
    if (!mult && !unit) continue;
    const before = slice[m.index - 1] ?? "";
    if (/[\d.年月第]/.test(before)) continue;
    if (/^年|^月|^日/.test(slice.slice(m.index + m[0].length))) continue;
    found.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      text: m[0].trim(),
      value: round(Number(digits) * (mult ? MULTIPLIERS[mult]! : 1)),
      unit: unit ?? "",
      ...(bound || plus1 || tail ? { approximate: true } : {}),
    });
  }
  for (const m of slice.matchAll(CHINESE)) {
    const start = from + m.index;
    if (found.some((q) => q.start < start + m[0].length && start < q.end)) continue;
    found.push({
      start,
      end: start + m[0].length,
      text: m[0],
      value: round(chineseCount(m[1]!) * MULTIPLIERS[m[2]!]!),
      unit: m[3]!,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The first quantity of a phrase, or null: parseQuantity("1.6万家") → 16000 家. */
export function parseQuantity(phrase: string): Quantity | null {
  return findQuantities(phrase)[0] ?? null;
}

export function metricProperties(metric: string, q: Quantity | null): Properties {
  const p: Properties = { metric };
  if (q) {
    p.metricValue = q.value;
    p.metricUnit = q.unit;
    if (q.approximate) p.metricApproximate = true;
  }
  return p;
}
