// Common nouns that a surname-led name pattern would otherwise take for a person
// (白皮书建议 → "白皮书"): the list is data, extract/rules/not-names.txt.
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractDir } from "../../paths.js";
import { parseWordList } from "../rules/load.js";

let cached: Set<string> | null = null;

function notNames(): Set<string> {
  cached ??= new Set(parseWordList(readFileSync(path.join(extractDir, "rules", "not-names.txt"), "utf8")));
  return cached;
}

/** The surface is a common noun (方案), or ends with a two-character one (白皮书, 该报告). */
export function isCommonNoun(surface: string): boolean {
  const words = notNames();
  return words.has(surface) || (surface.length > 2 && words.has(surface.slice(-2)));
}
