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
  return start >= end ? { text: "", origin: [] } : slice(m, start, end);
}

/** Accumulates characters with their origins; the building block of every step. */
export class MappedBuilder {
  private chars: string[] = [];
  private origin: number[] = [];

  /** Push `s` (one or more UTF-16 units) as coming from raw offset `at`. */
  push(s: string, at: number): void {
    for (let i = 0; i < s.length; i++) {
      this.chars.push(s[i]!);
      this.origin.push(at);
    }
  }

  append(m: MappedText): void {
    for (let i = 0; i < m.text.length; i++) {
      this.chars.push(m.text[i]!);
      this.origin.push(m.origin[i]!);
    }
  }

  get length(): number {
    return this.chars.length;
  }

  build(): MappedText {
    return { text: this.chars.join(""), origin: this.origin };
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
    out.append(slice(m, last, start));
    out.push(replacement(match as RegExpExecArray), m.origin[start] ?? 0);
    last = start + match[0].length;
  }
  out.append(slice(m, last));
  return out.build();
}
