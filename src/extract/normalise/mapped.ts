// Text that remembers where each character came from. Every normalisation step
// maps MappedText → MappedText, so an offset in the clean text can always be
// traced back to the page as it was read (for highlighting, debugging rules).

export interface MappedText {
  text: string;
  /** origin[i] is the offset in the raw page of text[i]; origin.length === text.length. */
  origin: number[];
}

export function mapped(text: string, offset = 0): MappedText {
  const origin = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) origin[i] = offset + i;
  return { text, origin };
}

export function slice(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), origin: m.origin.slice(start, end) };
}

/** Concatenate, optionally with a separator that maps to the end of the left part. */
export function concat(parts: MappedText[], separator = ""): MappedText {
  const out = new MappedBuilder();
  parts.forEach((part, i) => {
    if (i > 0 && separator) {
      const prev = parts[i - 1]!;
      const at = prev.origin.length ? prev.origin[prev.origin.length - 1]! + 1 : (part.origin[0] ?? 0);
      out.push(separator, at);
    }
    out.append(part);
  });
  return out.build();
}

export function trim(m: MappedText): MappedText {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  if (start === 0 && end === m.text.length) return m;
  return start >= end ? { text: "", origin: [] } : slice(m, start, end);
}

/**
 * Accumulates text with its origins; the building block of every step. Text is
 * kept as pieces joined once (no per-character strings), origins in one array.
 */
export class MappedBuilder {
  private pieces: string[] = [];
  private origin: number[] = [];

  /** Push `s` (one or more UTF-16 units) as coming from raw offset `at`. */
  push(s: string, at: number): void {
    this.pieces.push(s);
    for (let i = 0; i < s.length; i++) this.origin.push(at);
  }

  append(m: MappedText): void {
    this.appendRange(m, 0, m.text.length);
  }

  /** Append m.text[start, end) with its origins. */
  appendRange(m: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.pieces.push(start === 0 && end === m.text.length ? m.text : m.text.slice(start, end));
    const origin = m.origin;
    for (let i = start; i < end; i++) this.origin.push(origin[i]!);
  }

  get length(): number {
    return this.origin.length;
  }

  build(): MappedText {
    return { text: this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join(""), origin: this.origin };
  }
}

/** Replace every match of `pattern` (global) by `replacement(match)`; replaced text maps to the match start. */
export function replaceMapped(
  m: MappedText,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
): MappedText {
  const out = new MappedBuilder();
  let last = 0;
  for (const match of m.text.matchAll(
    new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
  )) {
    const start = match.index;
    out.appendRange(m, last, start);
    out.push(replacement(match as RegExpExecArray), m.origin[start] ?? 0);
    last = start + match[0].length;
  }
  out.appendRange(m, last, m.text.length);
  return out.build();
}
