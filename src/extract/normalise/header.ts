// Page-header dates ("2024年10月15日 星期二 第4版"): page furniture that gives the
// date of the whole page. Normalisation keeps such a line apart from the text;
// segmentation reads the date from it.

const FULL_DATE = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/;
/** What a page header prints around its date. */
const HEADER_WORDS =
  /星期.|周[一二三四五六日天]|农历\S*|第\s*\d+\s*[版期号]|[A-Z]?\d{1,2}\s*版|\S{0,8}(?:日报|时报|晚报|周报|报)|今日\d+版/g;

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** The page date when `text` is a page-header line (a date and nothing but header words). */
export function pageHeaderDate(text: string): string | null {
  if (text.length > 48) return null;
  const match = FULL_DATE.exec(text);
  if (!match) return null;
  const rest = (text.slice(0, match.index) + " " + text.slice(match.index + match[0].length))
    .replace(HEADER_WORDS, "")
    .replace(/[\s|｜·,，、/]/g, "");
  if (rest) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
