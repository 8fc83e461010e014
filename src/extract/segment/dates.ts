// Dates of pages and news items. A page prints its date in the header
// ("2024年10月15日 星期二"); an item may print its own in the dateline
// ("新华社北京3月13日电") or its first words ("本报讯 5月17日，", "10月24日，"), usually
// without the year, which then comes from the page date or the --date option.
import { LEAD_RE } from "../normalise/cues.js";
import { isoDate } from "../normalise/header.js";

export { isoDate, pageHeaderDate } from "../normalise/header.js";

export interface PartialDate {
  year?: number;
  month: number;
  day: number;
}

export interface ResolvedDate {
  date: string;
  /** Some part (year, or all of it) was not printed on the item itself. */
  approximate: boolean;
}

/** Strip "本报讯", a dateline and a "（记者 张伟）" from the start of a lead paragraph. */
export function stripLead(text: string): string {
  const lead = LEAD_RE.exec(text);
  let rest = lead ? text.slice(lead[0].length) : text;
  rest = rest.replace(/^\s*[（(][^）)]{0,24}[）)]\s*/, "");
  return rest.replace(/^[\s：:，,]+/, "");
}

/** The date an item prints at its start, "recent" for 近日/日前, or null. */
export function leadDate(text: string): PartialDate | "recent" | null {
  const lead = LEAD_RE.exec(text);
  const dateline = lead && /(\d{1,2})月(\d{1,2})日(?:电|讯)/.exec(lead[0]);
  if (dateline) return { month: Number(dateline[1]), day: Number(dateline[2]) };
  const rest = stripLead(text);
  const start = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?!电)/.exec(rest);
  if (start) {
    const date: PartialDate = { month: Number(start[2]), day: Number(start[3]) };
    if (start[1]) date.year = Number(start[1]);
    return date;
  }
  return /^(?:近日|日前|近期|近来|目前|当前|今天|今日|昨天|昨日)/.test(rest) ? "recent" : null;
}

const DAY_MS = 86_400_000;

/**
 * A printed month and day, completed with the year of the reference date (page
 * date or --date). A date more than a month after the reference is last year's
 * (a January page reporting 12月30日).
 */
export function resolveDate(partial: PartialDate, reference: string | null): ResolvedDate | null {
  if (partial.year !== undefined) {
    const date = isoDate(partial.year, partial.month, partial.day);
    return date ? { date, approximate: false } : null;
  }
  if (!reference) return null;
  const refYear = Number(reference.slice(0, 4));
  let date = isoDate(refYear, partial.month, partial.day);
  if (date && Date.parse(date) - Date.parse(reference) > 31 * DAY_MS) {
    date = isoDate(refYear - 1, partial.month, partial.day);
  }
  return date ? { date, approximate: true } : null;
}
