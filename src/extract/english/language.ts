// Language of one news item: the ratio of CJK ideographs to Latin letters. A
// Chinese text with English product names is still Chinese (one ideograph
// carries about as much as four or five letters), and an English wire that
// quotes 工信部 once is still English.
// Both classes lie in the Basic Multilingual Plane, so the text is read by code unit
// (a surrogate half is neither); a RegExp test per character cost more than
// segmenting the item into sentences.
const isHan = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export function detectLanguage(text: string): "zh" | "en" {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatin(c)) latin++;
  }
  return han >= latin / 4 ? "zh" : "en";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The date an English item prints at its start: a wire dateline ("BEIJING, Nov.
 * 18 (Xinhua) --") or an opening "On November 18, 2024,". Month and day, and
 * the year when printed; the caller completes it as for Chinese datelines.
 */
export function englishLeadDate(text: string): { month: number; day: number; year?: number } | null {
  const m =
    /^(?:[A-Z][A-Z .'-]+,\s+|On\s+)([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\b/.exec(text) ??
    /^[A-Z][A-Z .'-]+,\s+(?:[A-Z][a-z]+\s+)?(\d{1,2})\s+([A-Z][a-z]{2,8})\.?(?:\s+(\d{4}))?\b/.exec(text);
  if (!m) return null;
  const [monthName, dayText] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const day = Number(dayText);
  if (month === 0 || day < 1 || day > 31) return null;
  return m[3] ? { month, day, year: Number(m[3]) } : { month, day };
}
