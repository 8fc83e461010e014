// Date expressions of Chinese news and their resolution against the article's own
// date: 10月13日 takes the article's year, 今年1-4月 is a range, 2023年以来 runs to
// the article date, 近日 is the article date marked approximate.
import type { Properties } from "../../types.js";

export type DateKind = "full" | "monthDay" | "month" | "range" | "since" | "year" | "relative" | "sameDay";

export interface DateExpression {
  start: number;
  end: number;
  text: string;
  kind: DateKind;
  year?: number;
  /** Year given relative to the article's: 0 for 今年, -1 for 去年. */
  yearOffset?: number;
  month?: number;
  day?: number;
  monthEnd?: number;
  /** For relative words: days before the article date, or null when only "recently". */
  daysBefore?: number | null;
}

export interface ResolvedDate {
  date: string;
  dateEnd?: string;
  approximate?: boolean;
}

const N = "\\s*";
const Y = "((?:19|20)\\d{2})";
const D2 = "(\\d{1,2})";
const DASH = "[-—–~～至到]";
const PATTERNS: { kind: DateKind; re: string }[] = [
  { kind: "full", re: `${Y}${N}年${N}${D2}${N}月${N}${D2}${N}[日号]` },
  { kind: "range", re: `${Y}${N}年${N}${D2}${N}${DASH}${N}${D2}${N}月` },
  { kind: "range", re: `(今年|去年)${N}${D2}${N}${DASH}${N}${D2}${N}月` },
  { kind: "since", re: `${Y}${N}年以来` },
  { kind: "month", re: `${Y}${N}年${N}${D2}${N}月(?!${N}\\d)` },
  { kind: "month", re: `(今年|去年)${N}${D2}${N}月(?!${N}\\d)` },
  { kind: "monthDay", re: `(?<![\\d年])${D2}${N}月${N}${D2}${N}[日号]` },
  { kind: "month", re: `(?<![\\d年-])${D2}${N}月份` },
  { kind: "year", re: `${Y}${N}年(?![${N}\\d以])` },
  { kind: "sameDay", re: "当天|当日|同日|同一天" },
  { kind: "relative", re: "近日|日前|近期|今天|今日|昨天|昨日|前天|今年|去年" },
];
const COMBINED = new RegExp(PATTERNS.map((p) => `(${p.re})`).join("|"), "gu");
const GROUPS = PATTERNS.map((p) => ({ ...p, groups: new RegExp(`${p.re}|`).exec("")!.length - 1 }));

function relativeYear(word: string): number {
  return word === "去年" ? -1 : 0;
}

function toExpression(kind: DateKind, text: string, g: string[], start: number): DateExpression {
  const e: DateExpression = { start, end: start + text.length, text, kind };
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const yearOf = (s: string) => {
    if (/^\d/.test(s)) e.year = Number(s);
    else e.yearOffset = relativeYear(s);
  };
  switch (kind) {
    case "full":
      e.year = num(g[0]);
      e.month = num(g[1]);
      e.day = num(g[2]);
      break;
    case "range":
      yearOf(g[0]!);
      e.month = num(g[1]);
      e.monthEnd = num(g[2]);
      break;
    case "since":
    case "year":
      e.year = num(g[0]);
      break;
    case "month":
      if (g.length > 1) {
        yearOf(g[0]!);
        e.month = num(g[1]);
      } else {
        e.yearOffset = 0;
        e.month = num(g[0]);
      }
      break;
    case "monthDay":
      e.month = num(g[0]);
      e.day = num(g[1]);
      break;
    case "relative":
      if (text === "今年" || text === "去年") {
        e.kind = "year";
        e.yearOffset = relativeYear(text);
      } else e.daysBefore = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2 }[text] ?? null;
      break;
    case "sameDay":
      break;
  }
  return e;
}

/** Date expressions in text[from, to), in text order. */
export function findDateExpressions(text: string, from = 0, to = text.length): DateExpression[] {
  const slice = text.slice(from, to);
  const found: DateExpression[] = [];
  for (const m of slice.matchAll(COMBINED)) {
    let group = 1;
    for (const p of GROUPS) {
      if (m[group] !== undefined) {
        const inner = m.slice(group + 1, group + 1 + p.groups).filter((x): x is string => x !== undefined);
        found.push(toExpression(p.kind, m[0], inner, from + m.index));
        break;
      }
      group += 1 + p.groups;
    }
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, "0");

function parseIso(date: string | null): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? "");
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function shiftDays(iso: string, days: number): string {
  const t = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - days);
  return t.toISOString().slice(0, 10);
}

/**
 * ISO date of an expression. A month and day without a year take the article's
 * year, or the year before when that would put them well after the article
 * (a January article speaking of 12月28日). `sameDay` (当天) needs the last
 * explicit day before it, passed as `previousDay`.
 */
export function resolveDate(
  e: DateExpression,
  articleDate: string | null,
  previousDay?: string,
): ResolvedDate | null {
  const a = parseIso(articleDate);
  const yearFrom = (): number | null => {
    if (e.year !== undefined) return e.year;
    if (!a) return null;
    return a.y + (e.yearOffset ?? 0);
  };
  switch (e.kind) {
    case "full":
      return { date: `${e.year}-${pad(e.month!)}-${pad(e.day!)}` };
    case "monthDay": {
      if (!a) return null;
      const y = e.month! > a.m + 1 ? a.y - 1 : a.y;
      return { date: `${y}-${pad(e.month!)}-${pad(e.day!)}` };
    }
    case "month": {
      const y = yearFrom();
      return y === null ? null : { date: `${y}-${pad(e.month!)}` };
    }
    case "range": {
      const y = yearFrom();
      return y === null ? null : { date: `${y}-${pad(e.month!)}`, dateEnd: `${y}-${pad(e.monthEnd!)}` };
    }
    case "since":
      return articleDate
        ? { date: String(e.year), dateEnd: articleDate.slice(0, 10) }
        : { date: String(e.year) };
    case "year": {
      const y = yearFrom();
      return y === null ? null : { date: String(y) };
    }
    case "relative":
      if (!articleDate) return null;
      if (e.daysBefore === null || e.daysBefore === undefined)
        return { date: articleDate.slice(0, 10), approximate: true };
      return { date: shiftDays(articleDate, e.daysBefore) };
    case "sameDay":
      return previousDay ? { date: previousDay } : null;
  }
}

export function dateProperties(d: ResolvedDate | null | undefined): Properties {
  if (!d) return {};
  const p: Properties = { date: d.date };
  if (d.dateEnd) p.dateEnd = d.dateEnd;
  if (d.approximate) p.dateApproximate = true;
  return p;
}
