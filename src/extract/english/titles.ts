// English post titles (extract/english/titles.txt) found at a token: "Vice
// Minister", "Director-General", "CEO". Used to break capitalised runs, to find
// "Title Name" persons and to read HOLDS_POSITION titles.
import { englishTitles } from "./data.js";
import type { Token } from "./tokens.js";

let byFirst: Map<string, string[][]> | null = null;
function index(): Map<string, string[][]> {
  if (!byFirst) {
    byFirst = new Map();
    for (const t of englishTitles()) {
      const words = t.en.toLowerCase().split(" ");
      const list = byFirst.get(words[0]!) ?? [];
      list.push(words);
      byFirst.set(words[0]!, list);
    }
  }
  return byFirst;
}

/** Number of tokens of the longest title starting at token i (0 when none). */
export function titleLengthAt(tokens: Token[], i: number): number {
  const first = tokens[i];
  if (!first) return 0;
  for (const words of index().get(first.text.toLowerCase()) ?? []) {
    const ok = words.every((w, k) => tokens[i + k]?.text.toLowerCase() === w);
    if (ok) return words.length;
  }
  return 0;
}

/** Chinese posts an English title translates to (empty when unknown). */
export function chineseTitles(title: string): string[] {
  const key = title.toLowerCase().replace(/\s+/g, " ").trim();
  // "Deputy Director-General of …": the title proper is its longest known prefix.
  for (const t of englishTitles())
    if (key === t.en.toLowerCase() || key.startsWith(`${t.en.toLowerCase()} `)) return t.zh;
  return [];
}

/** RegExp source matching any English title (case-insensitive use). */
export function titleAlternation(): string {
  return englishTitles()
    .map((t) => t.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}
