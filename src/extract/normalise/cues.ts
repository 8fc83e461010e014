// Textual cues that open a news item or a byline, or are page furniture (header date). Shared by line rejoining (a
// cue never continues the previous line) and by segmentation (a cue starts an item).
import { HAN } from "./chars.js";
import { pageHeaderDate } from "./header.js";

/** "本报讯", "新华社北京3月13日电", "本报上海10月8日讯", "【新华社…】". */
export const LEAD_RE = new RegExp(
  `^(?:本报讯|[【\\[]?(?:新华社|中新社|新华网|人民网|央视网|央广网|中国日报网|本报)[${HAN}]{0,12}?\\d{1,2}月\\d{1,2}日(?:电|讯)[】\\]]?)`,
);
/** A reporter line: "本报记者 郑杨", "记者 张伟 李明", "通讯员 王强". */
export const BYLINE_RE = new RegExp(
  `^(?:本报|新华社|中新社|经济日报)?(?:特约|首席)?(?:记者|通讯员)\\s*[${HAN}·]{2,4}(?:[\\s、，]+(?:(?:记者|通讯员)\\s*)?[${HAN}·]{2,4})*$`,
);
/** A subtitle line: "——新质生产力系列调研⑦". */
export const SUBTITLE_RE = /^(?:——|—|--)\s*\S/;

export function isCue(text: string): boolean {
  return (
    LEAD_RE.test(text) || BYLINE_RE.test(text) || SUBTITLE_RE.test(text) || pageHeaderDate(text) !== null
  );
}

/** A line that never continues into the next one: a byline, a subtitle, a page header. */
export function standsAlone(text: string): boolean {
  return BYLINE_RE.test(text) || SUBTITLE_RE.test(text) || pageHeaderDate(text) !== null;
}
