// Cutting a stream of text into pages of bounded size. A form feed (what
// pdftotext writes between pages) always ends a page; a stretch longer than
// maxChars with no form feed is cut at the last blank line in its second half,
// else the last line break, else the last full stop, else at the limit (never
// inside a surrogate pair). So a 200 MB file with no page breaks is processed a
// few MB at a time, and a news item is split only when it is itself enormous.

export const MAX_PAGE_CHARS = 2 * 1024 * 1024;

const SENTENCE_END = /[。！？!?]/g;

function lastSentenceEnd(text: string, from: number, to: number): number {
  let found = -1;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < to; m = SENTENCE_END.exec(text)) found = m.index;
  return found;
}

/** Where to end a page that must not be longer than `max` characters. */
export function cutAt(text: string, max: number): number {
  const half = Math.floor(max / 2);
  const blank = text.lastIndexOf("\n\n", max - 2);
  if (blank >= half) return blank + 2;
  const line = text.lastIndexOf("\n", max - 1);
  if (line >= half) return line + 1;
  const stop = lastSentenceEnd(text, half, max);
  if (stop >= half) return stop + 1;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

export class PageChunker {
  private pending = "";

  constructor(private readonly maxChars = MAX_PAGE_CHARS) {
    if (maxChars < 2) throw new RangeError("maxChars must be at least 2");
  }

  /** Add text; returns the pages it completed (possibly none). */
  push(text: string): string[] {
    const pages: string[] = [];
    let from = this.pending.length;
    this.pending += text;
    for (let ff = this.pending.indexOf("\f", from); ff >= 0; ff = this.pending.indexOf("\f", from)) {
      const at = ff - this.cutLong(pages, ff);
      pages.push(this.pending.slice(0, at));
      this.pending = this.pending.slice(at + 1);
      from = 0;
    }
    this.cutLong(pages, this.pending.length);
    return pages;
  }

  /** The last page, if any text is left. */
  end(): string[] {
    const last = this.pending;
    this.pending = "";
    return last === "" ? [] : [last];
  }

  /** Emit full-size pages from the front while more than maxChars precede `upTo`; returns the characters removed. */
  private cutLong(pages: string[], upTo: number): number {
    let removed = 0;
    while (upTo - removed > this.maxChars) {
      const cut = cutAt(this.pending, this.maxChars);
      pages.push(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
      removed += cut;
    }
    return removed;
  }
}
