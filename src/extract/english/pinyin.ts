// Pinyin for linking persons across languages (王江平 ↔ Wang Jiangping) and for
// telling a Chinese name in English text ("Wang Jiangping") from other
// capitalised words. pinyin-pro reads surnames with their surname readings (单
// = Shan, 曾 = Zeng), which a plain character table gets wrong.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pinyin } from "pinyin-pro";
import { extractDir } from "../../paths.js";

let syllableSet: Set<string> | null = null;
function syllables(): Set<string> {
  syllableSet ??= new Set(
    readFileSync(path.join(extractDir, "english", "pinyin-syllables.txt"), "utf8")
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("#"))
      .flatMap((l) => l.split(/\s+/))
      .filter(Boolean),
  );
  return syllableSet;
}

/** Can `word` (one written word, e.g. "Jiangping", "Xi'an") be read as 1..max pinyin syllables? */
export function isPinyinWord(word: string, max = 3): boolean {
  const parts = word.toLowerCase().replace(/ü/g, "v").split(/['’-]/);
  const set = syllables();
  let total = 0;
  for (const part of parts) {
    // Shortest segmentation by dynamic programming over the part's letters.
    const best: number[] = new Array<number>(part.length + 1).fill(Infinity);
    best[0] = 0;
    for (let i = 1; i <= part.length; i++)
      for (let j = Math.max(0, i - 6); j < i; j++)
        if (best[j]! + 1 < best[i]! && set.has(part.slice(j, i))) best[i] = best[j]! + 1;
    if (!Number.isFinite(best[part.length]!)) return false;
    total += best[part.length]!;
  }
  return total >= 1 && total <= max;
}

let surnameSet: Set<string> | null = null;
/** Pinyin of the Chinese surnames in extract/words/surnames.txt, capitalised ("Wang", "Ouyang"). */
export function pinyinSurnames(): Set<string> {
  if (!surnameSet) {
    const han = readFileSync(path.join(extractDir, "words", "surnames.txt"), "utf8")
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("#"))
      .flatMap((l) => l.split(/\s+/))
      .filter(Boolean);
    surnameSet = new Set();
    for (const s of han)
      for (const key of readings(s, true)) surnameSet.add(key.charAt(0).toUpperCase() + key.slice(1));
  }
  return surnameSet;
}

const MAX_COMBINATIONS = 32;

/** Toneless readings of a Han string, every polyphone's reading combined (ü as v, u and yu). */
function readings(han: string, asSurname: boolean): string[] {
  const chars = [...han];
  let out = [""];
  chars.forEach((ch, i) => {
    const options = new Set<string>();
    const first = pinyin(ch, {
      toneType: "none",
      type: "array",
      ...(asSurname && i === 0 ? { surname: "head" } : {}),
    });
    const all =
      asSurname && i === 0 ? first : pinyin(ch, { toneType: "none", type: "array", multiple: true });
    for (const p of [...first, ...all]) {
      if (p.includes("ü")) for (const v of ["v", "u", "yu"]) options.add(p.replace(/ü/g, v));
      else options.add(p);
    }
    const next: string[] = [];
    for (const prefix of out)
      for (const o of options) if (next.length < MAX_COMBINATIONS) next.push(prefix + o);
    out = next;
  });
  return out;
}

/** Surname length of a Chinese person name: 2 for a compound surname on the list, else 1. */
function surnameLength(name: string): number {
  const compound = name.slice(0, 2);
  return name.length > 2 && pinyinSurnamesHan().has(compound) ? 2 : 1;
}

let surnamesHan: Set<string> | null = null;
function pinyinSurnamesHan(): Set<string> {
  surnamesHan ??= new Set(
    readFileSync(path.join(extractDir, "words", "surnames.txt"), "utf8")
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("#"))
      .flatMap((l) => l.split(/\s+/))
      .filter((s) => s.length === 2),
  );
  return surnamesHan;
}

/**
 * The keys under which an English spelling of the Chinese person name `han` may
 * appear: surname first ("wangjiangping") and given name first ("jiangpingwang"),
 * lower case, no separators. Empty for names that are not all Han.
 */
export function chinesePersonKeys(han: string): Set<string> {
  const keys = new Set<string>();
  if (!/^[\u3400-\u9fff]{2,4}$/.test(han)) return keys;
  const cut = surnameLength(han);
  const surnames = readings(han.slice(0, cut), true);
  const givens = readings(han.slice(cut), false);
  for (const s of surnames)
    for (const g of givens) {
      keys.add(s + g);
      keys.add(g + s);
    }
  return keys;
}

/** The comparison key of an English name: "Wang Jiangping" → "wangjiangping". */
export function englishNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
