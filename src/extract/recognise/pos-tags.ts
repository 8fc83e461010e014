// Parts of speech of jieba's dictionary words, for the words cut() returns. jieba's
// tag() is cut() followed by this lookup, but returns an object per word across the
// native boundary, which costs twice the segmentation itself; cut() returns plain
// strings and the lookup is done here, with the same result (words outside the
// dictionary: "eng" for Latin letters, "m" for digits only, "x" for the rest).
//
// The dictionary (350,000 lines of `word frequency tag`) is indexed where it lies in
// its decoded text: an open-addressing table of line numbers hashed by the word's
// code units, and a tag number per line. A Map of 350,000 sliced strings took a
// quarter to half a second to build in every worker and ~30 MB of heap that every
// full collection marked; this index builds in a few milliseconds and holds no objects.
import { dict } from "@node-rs/jieba/dict.js";

/** FNV-1a over the UTF-16 code units of text[start, end), its bits mixed (murmur3's finaliser) for the table's low bits. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** text[a, a + length) and text[b, b + length) hold the same code units. */
function sameUnits(text: string, a: number, other: string, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== other.charCodeAt(b + i)) return false;
  return true;
}

/** text[start, end) as a number when it is 1–5 letters a–z (base 27), else -1. */
function packedTag(text: string, start: number, end: number): number {
  if (end - start < 1 || end - start > 5) return -1;
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return -1;
    code = code * 27 + (c - 0x60);
  }
  return code;
}

/** The dictionary's words where they lie in its decoded text, by hash; a tag number per word. */
class TagIndex {
  private readonly text: string;
  private readonly wordStart: Int32Array;
  private readonly wordEnd: Int32Array;
  private readonly tag: Uint16Array;
  private readonly tags: string[] = [];
  /** Word number + 1 per slot (0: empty); a power of two, at least twice the lines. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private words = 0;
  private readonly tagNumbers = new Map<string, number>();
  private readonly packedNumbers = new Map<number, number>();

  constructor(text: string) {
    this.text = text;
    let lines = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
    let size = 1;
    while (size < 2 * lines) size *= 2;
    this.wordStart = new Int32Array(lines);
    this.wordEnd = new Int32Array(lines);
    this.tag = new Uint16Array(lines);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    // One call per line: a small function is optimised after a few lines, a loop body here only by OSR.
    for (let line = 0; line < text.length; line = this.addLine(line));
  }

  /** Adds the line starting at `line` when it reads `word frequency tag`; returns where the next starts. */
  private addLine(line: number): number {
    const text = this.text;
    let end = text.indexOf("\n", line);
    if (end < 0) end = text.length;
    const a = text.indexOf(" ", line);
    const b = a < 0 || a > end ? -1 : text.indexOf(" ", a + 1);
    if (b >= 0 && b < end) this.add(line, a, this.tagNumber(b + 1, end));
    return end + 1;
  }

  /** The number of the tag text[start, end) (trailing white space dropped). */
  private tagNumber(start: number, end: number): number {
    // Tags are a few lowercase letters: numbered by their letters, without a string per line.
    const code = packedTag(this.text, start, end);
    let n = code >= 0 ? this.packedNumbers.get(code) : undefined;
    if (n !== undefined) return n;
    const tag = this.text.slice(start, end).trimEnd();
    n = this.tagNumbers.get(tag);
    if (n === undefined) {
      n = this.tags.length;
      this.tags.push(tag);
      this.tagNumbers.set(tag, n);
    }
    if (code >= 0) this.packedNumbers.set(code, n);
    return n;
  }

  /** Adds the word text[start, end); as Map.set, a word listed twice takes its last line's tag. */
  private add(start: number, end: number, tag: number): void {
    const { text, slots, mask } = this;
    let s = hashRange(text, start, end) & mask;
    for (; slots[s] !== 0; s = (s + 1) & mask) {
      const other = slots[s]! - 1;
      const o = this.wordStart[other]!;
      if (this.wordEnd[other]! - o === end - start && sameUnits(text, o, text, start, end - start)) break;
    }
    const word = slots[s] !== 0 ? slots[s]! - 1 : this.words++;
    this.wordStart[word] = start;
    this.wordEnd[word] = end;
    this.tag[word] = tag;
    slots[s] = word + 1;
  }

  /** The tag of `word`, or undefined when the dictionary does not list it. */
  get(word: string): string | undefined {
    const { text, slots, mask } = this;
    for (let s = hashRange(word, 0, word.length) & mask; ; s = (s + 1) & mask) {
      const found = slots[s]! - 1;
      if (found < 0) return undefined;
      const start = this.wordStart[found]!;
      if (this.wordEnd[found]! - start === word.length && sameUnits(text, start, word, 0, word.length))
        return this.tags[this.tag[found]!];
    }
  }
}

let index: TagIndex | null = null;

/** The dictionary's tag of `word`, or undefined when the dictionary does not list it. */
export function dictionaryTag(word: string): string | undefined {
  return (index ??= new TagIndex(new TextDecoder().decode(dict))).get(word);
}

/** Part of speech of a word cut() returned, as jieba's tag() gives it. */
export function tagOf(word: string): string {
  const known = dictionaryTag(word);
  if (known !== undefined) return known;
  let latin = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (digit || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      latin++;
      if (digit) digits++;
    }
  }
  return latin === 0 ? "x" : latin === digits ? "m" : "eng";
}
